package dev.layerlab.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * What a learner would see after a terminal received some output: a tiny terminal emulator that
 * follows carriage returns, backspaces, line wrap at a fixed width and the cursor and erase
 * sequences JLine sends, and drops colours and mode switches. Scrollback is never lost.
 */
final class Screen {

  private final int width;
  private final List<StringBuilder> lines = new ArrayList<>();
  private int row;
  private int col;

  Screen(int width) {
    this.width = width;
    lines.add(new StringBuilder());
  }

  /** The screen after {@code output}: lines without trailing blanks, ending with a newline. */
  static String render(String output, int width) {
    Screen screen = new Screen(width);
    screen.feed(output);
    return screen.text();
  }

  void feed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> { down(); col = 0; } // a tty's ONLCR turns LF into CR LF
        case '\r' -> col = 0;
        case '\b' -> col = Math.max(0, col - 1);
        case '\007' -> { } // bell
        case '\033' -> i = escape(s, i);
        default -> put(c);
      }
    }
  }

  /** Interprets the escape sequence starting at {@code i}; returns the index of its last char. */
  private int escape(String s, int i) {
    if (i + 1 >= s.length()) {
      return i;
    }
    char kind = s.charAt(i + 1);
    if (kind != '[') {
      return i + 1; // two-character sequences such as ESC = and ESC > (keypad modes)
    }
    int j = i + 2;
    while (j < s.length() && (s.charAt(j) < 0x40 || s.charAt(j) > 0x7e)) {
      j++;
    }
    if (j >= s.length()) {
      return s.length() - 1;
    }
    String params = s.substring(i + 2, j);
    int n = params.matches("[0-9]+") ? Integer.parseInt(params) : 1;
    switch (s.charAt(j)) {
      case 'A' -> row = Math.max(0, row - n);
      case 'B' -> { for (int k = 0; k < n; k++) down(); }
      case 'C' -> col = Math.min(width - 1, col + n);
      case 'D' -> col = Math.max(0, col - n);
      case 'G' -> col = Math.min(width - 1, n - 1);
      case 'K' -> eraseLine(params);
      case 'J' -> eraseBelow();
      default -> { } // colours, private modes: invisible in a transcript
    }
    return j;
  }

  private void put(char c) {
    if (col >= width) { // auto-wrap, as xterm does when the next character arrives
      down();
      col = 0;
    }
    StringBuilder line = lines.get(row);
    while (line.length() < col) {
      line.append(' ');
    }
    if (col < line.length()) {
      line.setCharAt(col, c);
    } else {
      line.append(c);
    }
    col++;
  }

  private void down() {
    row++;
    if (row == lines.size()) {
      lines.add(new StringBuilder());
    }
  }

  private void eraseLine(String params) {
    StringBuilder line = lines.get(row);
    if (params.isEmpty() || params.equals("0")) {
      if (col < line.length()) {
        line.setLength(col);
      }
    } else {
      line.setLength(0);
    }
  }

  private void eraseBelow() {
    StringBuilder line = lines.get(row);
    if (col < line.length()) {
      line.setLength(col);
    }
    while (lines.size() > row + 1) {
      lines.remove(lines.size() - 1);
    }
  }

  String text() {
    StringBuilder out = new StringBuilder();
    int last = lines.size() - 1;
    while (last > 0 && lines.get(last).toString().isBlank()) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      out.append(lines.get(i).toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
