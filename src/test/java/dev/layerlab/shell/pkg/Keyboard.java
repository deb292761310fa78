package dev.layerlab.shell.pkg;

import dev.layerlab.shell.ShellIo;
import dev.layerlab.shell.docker.DockerHost;
import dev.layerlab.vfs.FakeClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A learner at a freshly booted Docker host's prompt: types lines, reads what came back. */
final class Keyboard {
  final FakeClock clock = new FakeClock(java.time.Instant.parse("2018-09-20T10:10:00Z"));
  final DockerHost host = DockerHost.boot(clock, 11);
  String out = "";
  String err = "";
  int status;

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

  /** Pulls {@code image} quietly and opens a shell in a new container of it, named {@code name}. */
  void enter(String image, String name, String shell) {
    type("docker pull " + image);
    type("docker run -it --name " + name + " " + image + " " + shell);
  }
}
