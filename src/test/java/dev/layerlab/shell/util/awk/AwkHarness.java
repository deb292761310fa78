package dev.layerlab.shell.util.awk;

import dev.layerlab.shell.HostMachine;
import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;
import dev.layerlab.shell.Shells;
import dev.layerlab.vfs.Vfs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one shell command with the real awk in a directory on disk and with layerlab's in /work. */
final class AwkHarness {
  private AwkHarness() {}

  private static final Path MAWK = Path.of("/usr/bin/mawk");

  /** Whether mawk is installed; the real runs call it as {@code awk} whatever the alternatives say. */
  static boolean realAwkIsMawk() {
    return Files.isExecutable(MAWK);
  }

  /** Output, then errors, then the exit status, as one text. */
  static String real(Map<String, String> files, String command) throws IOException {
    Path dir = Files.createTempDirectory("layerlab-awk");
    Path bin = Files.createTempDirectory("layerlab-awk-bin");
    try {
      Files.createSymbolicLink(bin.resolve("awk"), MAWK);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.write(dir.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.ISO_8859_1));
      }
      ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", command)).directory(dir.toFile());
      pb.environment().clear();
      pb.environment().put("PATH", bin + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
      pb.environment().put("LC_ALL", "C");
      pb.environment().put("TZ", "UTC");
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      StringBuilder after = new StringBuilder();
      try (var listing = Files.list(dir)) {
        for (Path f : listing.sorted().toList()) {
          if (!files.containsKey(f.getFileName().toString())) {
            after.append("--file ").append(f.getFileName()).append("--\n")
                .append(Files.readString(f, StandardCharsets.ISO_8859_1));
          }
        }
      }
      return join(new String(out, StandardCharsets.ISO_8859_1), new String(err, StandardCharsets.ISO_8859_1),
          p.exitValue(), after.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      Files.deleteIfExists(bin.resolve("awk"));
      Files.deleteIfExists(bin);
      try (var walk = Files.walk(dir)) {
        for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  static String simulated(Map<String, String> files, String command) {
    HostMachine host = HostMachine.create(Clock.systemUTC());
    Vfs vfs = host.vfs();
    vfs.mkdir("/work", 0755);
    for (Map.Entry<String, String> f : files.entrySet()) {
      vfs.write("/work/" + f.getKey(), f.getValue().getBytes(StandardCharsets.ISO_8859_1), Vfs.WriteMode.TRUNCATE, 0644);
    }
    Shell shell = Shells.on(host);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
    PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1);
    shell.run("cd /work", new ShellIo(new ByteArrayInputStream(new byte[0]), o, e, false, false, 80));
    int status = shell.run(command, new ShellIo(new ByteArrayInputStream(new byte[0]), o, e, false, false, 80));
    StringBuilder after = new StringBuilder();
    for (String name : vfs.readDir("/work").stream().map(d -> d.name()).sorted().toList()) {
      if (!files.containsKey(name) && !name.equals(".") && !name.equals("..")) {
        after.append("--file ").append(name).append("--\n")
            .append(new String(vfs.read("/work/" + name), StandardCharsets.ISO_8859_1));
      }
    }
    return join(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), status,
        after.toString());
  }

  private static String join(String out, String err, int status, String files) {
    return out + "--stderr--\n" + err + "--status " + status + "--\n" + files;
  }
}
