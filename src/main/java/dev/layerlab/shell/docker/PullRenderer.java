package dev.layerlab.shell.docker;

import dev.layerlab.engine.PullEvent;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Draws a pull's progress as the docker CLI's jsonmessage stream does: on a terminal each layer
 * keeps its line, rewritten in place with cursor movements (and a bar when the terminal is wider
 * than 110 columns); otherwise every status change is a line of its own and bars are left out.
 */
final class PullRenderer implements Consumer<PullEvent> {
  private static final String ESC = "\u001b[";

  private final PrintStream out;
  private final boolean tty;
  private final int width;
  private final Map<String, Integer> lines = new HashMap<>();

  PullRenderer(PrintStream out, boolean tty, int width) {
    this.out = out;
    this.tty = tty;
    this.width = width;
  }

  @Override
  public void accept(PullEvent e) {
    if (e instanceof PullEvent.Message m) {
      lines.clear(); // a line that is not progress ends the block of layer lines
      out.print((m.id() == null ? "" : m.id() + ": ") + m.text() + "\n");
    } else if (e instanceof PullEvent.Progress p) {
      if (!tty) {
        if (!p.hasBar()) {
          out.print(p.id() + ": " + p.status() + "\n");
        }
        return;
      }
      // One write per update: whatever stops the output between two writes (Ctrl-C) leaves the
      // cursor below the block, where the next line of output belongs, not inside it.
      StringBuilder update = new StringBuilder();
      Integer line = lines.get(p.id());
      if (line == null) {
        line = lines.size();
        lines.put(p.id(), line);
        update.append('\n');
      }
      int diff = lines.size() - line;
      update.append(ESC).append(diff).append('A').append(ESC).append("2K\r")
          .append(p.id()).append(": ").append(p.status()).append(' ').append(bar(p)).append('\r')
          .append(ESC).append(diff).append('B');
      out.print(update);
      out.flush();
      if (p.hasBar()) {
        pause();
      }
    }
  }

  /** JSONProgress.String: {@code [=====>    ]  1.2MB/31.76MB}, the bar only on wide terminals. */
  private String bar(PullEvent.Progress p) {
    if (!p.hasBar()) {
      return "";
    }
    int pct = (int) ((double) p.current() / p.total() * 100) / 2;
    pct = Math.min(pct, 50);
    String box = width > 110 ? "[" + "=".repeat(pct) + ">" + " ".repeat(Math.max(0, 50 - pct)) + "] " : "";
    String numbers = String.format("%8s/%s", Format.size(p.current(), 4), Format.size(p.total(), 4));
    return box + numbers;
  }

  private static void pause() {
    try {
      Thread.sleep(12);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
