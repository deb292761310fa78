package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.PullEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** On a terminal each layer keeps its line and is rewritten in place; piped, only status changes show. */
class PullRendererTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private void feed(boolean tty, int width) {
    PullRenderer r = new PullRenderer(new PrintStream(bytes, true, StandardCharsets.UTF_8), tty, width);
    r.accept(new PullEvent.Message("18.04", "Pulling from library/ubuntu"));
    r.accept(new PullEvent.Progress("124c757242f8", "Pulling fs layer", 0, 0));
    r.accept(new PullEvent.Progress("2ebc019eb4e2", "Pulling fs layer", 0, 0));
    r.accept(new PullEvent.Progress("124c757242f8", "Downloading", 15_878_686, 31_757_372));
    r.accept(new PullEvent.Progress("124c757242f8", "Pull complete", 0, 0));
    r.accept(new PullEvent.Message(null, "Status: Downloaded newer image for ubuntu:18.04"));
  }

  @Test
  void pipedOutputHasOneLinePerStatusChangeAndNoBars() {
    feed(false, 80);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("18.04: Pulling from library/ubuntu\n"
        + "124c757242f8: Pulling fs layer\n2ebc019eb4e2: Pulling fs layer\n124c757242f8: Pull complete\n"
        + "Status: Downloaded newer image for ubuntu:18.04\n");
  }

  @Test
  void terminalOutputMovesTheCursorToTheLayersLine() {
    feed(true, 120);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("18.04: Pulling from library/ubuntu\n"
        + "\n\u001b[1A\u001b[2K\r124c757242f8: Pulling fs layer \r\u001b[1B"
        + "\n\u001b[1A\u001b[2K\r2ebc019eb4e2: Pulling fs layer \r\u001b[1B"
        + "\u001b[2A\u001b[2K\r124c757242f8: Downloading [=========================>                         ] "
        + " 15.88MB/31.76MB\r\u001b[2B"
        + "\u001b[2A\u001b[2K\r124c757242f8: Pull complete \r\u001b[2B");
    // what the learner finally sees, once the cursor movements are applied
    assertThat(Screen.render(out)).isEqualTo("18.04: Pulling from library/ubuntu\n124c757242f8: Pull complete \n"
        + "2ebc019eb4e2: Pulling fs layer \nStatus: Downloaded newer image for ubuntu:18.04\n");
  }

  /** A tiny terminal: applies CR, LF, cursor up/down and erase-line to a grid of lines. */
  static final class Screen {
    static String render(String s) {
      java.util.List<StringBuilder> lines = new java.util.ArrayList<>();
      lines.add(new StringBuilder());
      int row = 0;
      int col = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\u001b') {
          int end = i + 2;
          while (!Character.isLetter(s.charAt(end))) {
            end++;
          }
          String arg = s.substring(i + 2, end);
          char cmd = s.charAt(end);
          int n = arg.isEmpty() ? 1 : Integer.parseInt(arg);
          if (cmd == 'A') {
            row -= n;
          } else if (cmd == 'B') {
            row += n;
          } else if (cmd == 'K') {
            lines.get(row).setLength(0);
          }
          i = end;
          continue;
        }
        if (c == '\r') {
          col = 0;
        } else if (c == '\n') {
          row++;
          col = 0;
        } else {
          StringBuilder l = lines.get(row);
          if (col < l.length()) {
            l.setCharAt(col, c);
          } else {
            l.append(c);
          }
          col++;
        }
        while (lines.size() <= row) {
          lines.add(new StringBuilder());
        }
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        if (i == lines.size() - 1 && lines.get(i).length() == 0) {
          break;
        }
        out.append(lines.get(i)).append('\n');
      }
      return out.toString();
    }
  }
}
