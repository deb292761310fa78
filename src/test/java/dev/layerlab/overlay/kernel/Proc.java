package dev.layerlab.overlay.kernel;

import dev.layerlab.vfs.Errno;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the few real tools Java cannot replace (mount, mknod, setfattr, getfattr) and reads their errno. */
final class Proc {
  private Proc() {}

  /** What a finished process left. */
  record Result(int exit, String out, String err) {
    boolean ok() {
      return exit == 0;
    }

    /** The errno whose strerror text ends the tool's message, or null when none matches. */
    Errno errno() {
      return errnoOf(err);
    }
  }

  /** Runs {@code cmd} to the end; the output is read as ISO-8859-1 so no byte is lost. */
  static Result run(List<String> cmd) {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("LC_ALL", "C");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      byte[] out = readAll(p.getInputStream());
      int exit = p.waitFor();
      return new Result(exit, new String(out, StandardCharsets.ISO_8859_1),
          new String(err.join(), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cmd.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + cmd, e);
    }
  }

  /** Runs a shell script with {@code sh -c}. */
  static Result sh(String script) {
    return run(List.of("sh", "-c", script));
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The errno named by the last strerror text in a tool's message. */
  static Errno errnoOf(String message) {
    if (message.contains("No such attribute")) {
      return Errno.ENODATA; // libattr's own words for ENODATA
    }
    Errno best = null;
    int at = -1;
    for (Errno e : Errno.values()) {
      int i = message.lastIndexOf(e.message());
      if (i > at) {
        at = i;
        best = e;
      }
    }
    return best;
  }

  /** A word quoted for sh. */
  static String q(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Whether an executable of this name is on PATH. */
  static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    for (String d : path.split(":")) {
      if (!d.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
