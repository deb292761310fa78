package dev.layerlab.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real bash and GNU tools on this machine, run in a directory with the C locale and UTC. */
final class RealBash {
  private RealBash() {}

  static Sim.Result run(Path dir, String script) {
    return exec(dir, List.of("bash", "-c", script));
  }

  static Sim.Result exec(Path dir, List<String> command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      Map<String, String> env = pb.environment();
      env.clear();
      env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
      env.put("HOME", dir.toString());
      env.put("LC_ALL", "C");
      env.put("TZ", "UTC");
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Sim.Result(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8),
          p.exitValue());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** bash -c's error lines in an interactive shell's words: no "-c: line N:" and no echo of the line. */
  static String interactiveErrors(String err) {
    StringBuilder sb = new StringBuilder();
    for (String line : err.split("\n", -1)) {
      if (line.matches("bash: -c: line \\d+: `.*")) {
        continue;
      }
      sb.append(line.replaceFirst("^bash: -c: line \\d+: ", "bash: ").replaceFirst("^bash: line \\d+: ", "bash: "))
          .append('\n');
    }
    return sb.substring(0, sb.length() - 1);
  }
}
