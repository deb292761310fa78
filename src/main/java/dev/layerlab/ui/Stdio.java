package dev.layerlab.ui;

import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The process's streams and environment, taken from outside so tests can run the real command on
 * byte streams.
 *
 * @param terminal whether standard input and output are both a terminal: only then is there a REPL
 */
public record Stdio(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {

  /** The real standard streams, UTF-8 whatever the locale, and the real environment. */
  public static Stdio system() {
    PrintStream out = new PrintStream(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14), false, StandardCharsets.UTF_8);
    // stderr is unbuffered, and flushes stdout first so `echo a; foo` with 2>&1 keeps its order.
    OutputStream errBytes = new FileOutputStream(FileDescriptor.err) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.flush();
        super.write(b, off, len);
      }

      @Override
      public void write(int b) throws IOException {
        out.flush();
        super.write(b);
      }
    };
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    return new Stdio(System.in, out, err, System.getenv(), isTerminal());
  }

  /** Java 17's {@code System.console()} exists only when stdin and stdout are a terminal; 22+ asks isTerminal. */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    if (Runtime.version().feature() < 22) {
      return true;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
