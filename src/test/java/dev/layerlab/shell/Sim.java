package dev.layerlab.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A simulated host driven as the REPL drives it, capturing what each line prints. */
final class Sim {
  static final Instant NOW = Instant.parse("2018-10-01T12:00:00Z");

  final HostMachine host;
  final Shell shell;

  Sim() {
    this(HostMachine.create(Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  Sim(HostMachine host) {
    this.host = host;
    this.shell = Shells.on(host);
  }

  /** What one run printed and returned. */
  record Result(String out, String err, int status) {}

  Result run(String script) {
    return run(script, 80, false);
  }

  Result run(String script, int width, boolean colour) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = shell.run(script, new ShellIo(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        colour, false, width));
    return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
  }

  /** Standard output of a script that must succeed. */
  String out(String script) {
    Result r = run(script);
    if (r.status() != 0 || !r.err().isEmpty()) {
      throw new AssertionError("script failed (" + r.status() + "): " + script + "\n" + r.err());
    }
    return r.out();
  }
}
