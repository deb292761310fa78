package dev.layerlab.shell.docker;

import dev.layerlab.shell.ShellIo;
import dev.layerlab.vfs.FakeClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A learner at the keyboard of a freshly booted Docker host: types lines, reads what came back. */
final class Terminal {
  final FakeClock clock = new FakeClock(java.time.Instant.parse("2018-09-20T10:10:00Z"));
  final DockerHost host;
  String out = "";
  String err = "";
  int status;

  Terminal() {
    this(7);
  }

  Terminal(long seed) {
    host = DockerHost.boot(clock, seed);
  }

  /** Runs one line as the REPL would (not a terminal); returns its stdout. */
  String type(String line) {
    return type(line, "");
  }

  String type(String line, String stdin) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    ShellIo io = new ShellIo(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), false,
        false, 80);
    status = host.shell().run(line, io);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return out;
  }

  String prompt() {
    return host.shell().prompt();
  }
}
