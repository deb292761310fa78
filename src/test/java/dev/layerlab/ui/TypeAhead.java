package dev.layerlab.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;

/**
 * Keys typed while a command runs, with what a Linux tty does with them at that moment: Ctrl-C
 * raises SIGINT at once, other keys wait to be read, and with ECHO on the tty shows them where the
 * cursor is (control keys as {@code ^X} under ECHOCTL). Each batch of keys is typed when the
 * screen first shows a text, after the text that typed the batch before.
 */
final class TypeAhead extends OutputStream {

  private record Batch(String shown, String keys) {}

  private final OutputStream screen;
  private final Deque<Batch> batches = new ArrayDeque<>();
  private final StringBuilder seen = new StringBuilder();
  private int from;
  private Terminal terminal;
  private TypedKeys keys;

  TypeAhead(OutputStream screen) {
    this.screen = screen;
  }

  /** Types {@code keys} once the output shows {@code shown}. */
  void when(String shown, String keys) {
    batches.add(new Batch(shown, keys));
  }

  boolean isEmpty() {
    return batches.isEmpty();
  }

  /** The terminal whose modes decide what the keys do, and where they wait to be read. */
  void attach(Terminal terminal, TypedKeys keys) {
    this.terminal = terminal;
    this.keys = keys;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    screen.write(b, off, len);
    // ISO-8859-1: one char per byte, enough to find the ASCII texts the tests wait for
    seen.append(new String(b, off, len, StandardCharsets.ISO_8859_1));
    while (!batches.isEmpty() && terminal != null) {
      int at = seen.indexOf(batches.peek().shown(), from);
      if (at < 0) {
        break;
      }
      from = at + batches.peek().shown().length();
      type(batches.remove().keys());
    }
  }

  @Override
  public void flush() throws IOException {
    screen.flush();
  }

  private void type(String typed) throws IOException {
    for (char c : typed.toCharArray()) {
      Attributes tty = terminal.getAttributes();
      boolean echo = tty.getLocalFlag(LocalFlag.ECHO);
      boolean echoCtl = tty.getLocalFlag(LocalFlag.ECHOCTL);
      if (tty.getLocalFlag(LocalFlag.ISIG) && c == tty.getControlChar(ControlChar.VINTR)) {
        if (echo && echoCtl) {
          screen.write("^C".getBytes(StandardCharsets.US_ASCII));
        }
        terminal.raise(Terminal.Signal.INT);
        continue;
      }
      keys.type(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      if (echo) {
        String shown = c < ' ' && c != '\n' && c != '\t' && echoCtl ? "^" + (char) (c + '@') : String.valueOf(c);
        screen.write(shown.getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
