package dev.layerlab.shell.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter as the docker CLI configures it (minwidth 20, padding 3, spaces): every
 * cell followed by a tab is padded to its column's widest cell plus 3, at least 20; a row's last
 * cell is printed as is. Columns are measured over the whole table, as they are one block.
 */
final class TabWriter {
  private final int minWidth;
  private final int padding;
  private final List<String[]> rows = new ArrayList<>();

  TabWriter() {
    this(20, 3);
  }

  TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  /** Adds a row of cells; the last one is not padded (a row written without a final tab). */
  TabWriter row(String... cells) {
    rows.add(cells);
    return this;
  }

  TabWriter row(List<String> cells) {
    return row(cells.toArray(String[]::new));
  }

  String render() {
    int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < r.length - 1; i++) {
        width[i] = Math.max(width[i], Math.max(minWidth, r[i].codePointCount(0, r[i].length()) + padding));
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        b.append(r[i]);
        if (i < r.length - 1) {
          b.append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length())));
        }
      }
      b.append('\n');
    }
    return b.toString();
  }
}
