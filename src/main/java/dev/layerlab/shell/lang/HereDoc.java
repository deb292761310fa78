package dev.layerlab.shell.lang;

/**
 * A here-document: its delimiter and, once the lexer has read the lines after the command,
 * its body. {@code expand} is false when the delimiter was quoted ({@code <<'EOF'}).
 */
public final class HereDoc {
  final String delimiter;
  final boolean stripTabs;
  final boolean expand;
  String body;

  HereDoc(String delimiter, boolean stripTabs, boolean expand) {
    this.delimiter = delimiter;
    this.stripTabs = stripTabs;
    this.expand = expand;
  }

  public String body() {
    return body == null ? "" : body;
  }

  public boolean expand() {
    return expand;
  }
}
