package dev.layerlab.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingInputStream;

/**
 * The keyboard as the standard input of a running command, cooked the way a tty's canonical mode
 * cooks it: a line at a time, echoed, with the erase, kill, word-erase and end-of-file keys of the
 * terminal's settings. The tty itself is left in non-canonical mode meanwhile: in canonical mode
 * the kernel holds read(2) until the end of the line, and Ctrl-C could not end the wait.
 */
final class Keyboard extends InputStream {

  /** How often the wait for a key looks whether Ctrl-C came. */
  private static final long POLL_MILLIS = 50;

  private final Terminal terminal;
  private final Attributes cooked;
  private final PrintStream screen;
  private final BooleanSupplier interrupted;
  private byte[] line = new byte[0];
  private int next;

  /**
   * @param cooked the tty's settings for commands: whether to echo, and which keys edit the line
   * @param interrupted whether Ctrl-C has ended the command
   */
  Keyboard(Terminal terminal, Attributes cooked, PrintStream screen, BooleanSupplier interrupted) {
    this.terminal = terminal;
    this.cooked = new Attributes(cooked);
    this.screen = screen;
    this.interrupted = interrupted;
  }

  @Override
  public int read() throws IOException {
    if (next == line.length) {
      byte[] typed = readLine();
      if (typed == null) {
        return -1; // end of file for this read; the keyboard goes on, as a tty does after ^D
      }
      line = typed;
      next = 0;
    }
    return line[next++] & 0xFF;
  }

  /** What is left of the current line, or the next line: a tty returns no more than one line. */
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int first = read();
    if (first < 0) {
      return -1;
    }
    b[off] = (byte) first;
    int n = Math.min(len - 1, line.length - next);
    System.arraycopy(line, next, b, off + 1, n);
    next += n;
    return n + 1;
  }

  @Override
  public int available() {
    return line.length - next;
  }

  /** One line as typed, with its newline; without one after ^D; null for ^D on an empty line. */
  private byte[] readLine() throws IOException {
    Attributes before = terminal.getAttributes();
    Attributes keys = new Attributes(before);
    keys.setLocalFlag(LocalFlag.ICANON, false);
    keys.setLocalFlag(LocalFlag.ECHO, false);
    keys.setLocalFlag(LocalFlag.ECHONL, false);
    terminal.setAttributes(keys);
    try {
      ByteArrayOutputStream typed = new ByteArrayOutputStream();
      while (true) {
        int c = key();
        if (c < 0 || c == control(ControlChar.VEOF)) {
          return typed.size() == 0 ? null : typed.toByteArray();
        }
        if (c == '\n' || c == '\r') {
          typed.write('\n');
          if (cooked.getLocalFlag(LocalFlag.ECHO) || cooked.getLocalFlag(LocalFlag.ECHONL)) {
            show("\n");
          }
          return typed.toByteArray();
        }
        if (c == control(ControlChar.VERASE) || c == '\b') {
          erase(typed);
        } else if (c == control(ControlChar.VKILL)) {
          while (typed.size() > 0) {
            erase(typed);
          }
        } else if (c == control(ControlChar.VWERASE)) {
          eraseWord(typed);
        } else {
          typed.write(c);
          if (cooked.getLocalFlag(LocalFlag.ECHO)) {
            show(echoOf(c));
          }
        }
      }
    } finally {
      terminal.setAttributes(before);
    }
  }

  /** The next key; Ctrl-C (SIGINT) ends the wait with an InterruptedIOException. */
  private int key() throws IOException {
    InputStream in = terminal.input();
    try {
      while (true) {
        if (interrupted.getAsBoolean()) {
          throw new InterruptedIOException("interrupted by Ctrl-C");
        }
        int c = in instanceof NonBlockingInputStream keys ? keys.read(POLL_MILLIS) : in.read();
        if (c != NonBlockingInputStream.READ_EXPIRED) {
          return c;
        }
      }
    } catch (InterruptedIOException e) {
      // the wait took the thread's interrupt: give it back, the shell ends the line on it
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private int control(ControlChar which) {
    return cooked.getControlChar(which);
  }

  private String echoOf(int c) {
    boolean control = c < ' ' && c != '\t' || c == 0x7f;
    if (control && cooked.getLocalFlag(LocalFlag.ECHOCTL)) {
      return "^" + (char) (c ^ 0x40);
    }
    return new String(new byte[] {(byte) c}, StandardCharsets.ISO_8859_1);
  }

  /** Takes the last character (all its UTF-8 bytes) off the line and off the screen. */
  private void erase(ByteArrayOutputStream typed) {
    byte[] bytes = typed.toByteArray();
    int end = bytes.length;
    if (end == 0) {
      return;
    }
    int start = end - 1;
    while (start > 0 && (bytes[start] & 0xC0) == 0x80) {
      start--;
    }
    typed.reset();
    typed.write(bytes, 0, start);
    if (cooked.getLocalFlag(LocalFlag.ECHO)) {
      int columns = start == end - 1 ? echoOf(bytes[start] & 0xFF).length() : 1;
      show("\b \b".repeat(columns));
    }
  }

  private void eraseWord(ByteArrayOutputStream typed) {
    while (typed.size() > 0 && isBlank(last(typed))) {
      erase(typed);
    }
    while (typed.size() > 0 && !isBlank(last(typed))) {
      erase(typed);
    }
  }

  private static int last(ByteArrayOutputStream typed) {
    byte[] bytes = typed.toByteArray();
    return bytes[bytes.length - 1];
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  private void show(String text) {
    // Bytes as they came: the tty echoes what was typed, whatever its encoding.
    screen.write(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length());
    screen.flush();
  }
}
