package dev.layerlab.shell.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code --format}: a Go template per row, or {@code table ...} for a tabwriter table with headers. */
final class Formats {
  private Formats() {}

  static Template template(String format) {
    try {
      return Template.parse(format);
    } catch (Template.TemplateError e) {
      throw new CliError("Template parsing error: " + e.getMessage(), 1);
    }
  }

  static int print(Cli cli, String format, List<Map<String, Object>> rows) {
    boolean table = format.startsWith("table");
    String body = table ? format.substring(5).trim() : format;
    Template t = template(body.replace("\\t", "\t").replace("\\n", "\n"));
    if (!table) {
      for (Map<String, Object> r : rows) {
        cli.println(t.execute(r));
      }
      return 0;
    }
    TabWriter w = new TabWriter();
    Template header = template(body.replaceAll("\\{\\{\\s*\\.(\\w+)\\s*}}", "$1").toUpperCase());
    w.row(header.execute(Map.of()).split("\t", -1));
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>(List.of(t.execute(r).split("\t", -1)));
      w.row(cells);
    }
    cli.out().print(w.render());
    return 0;
  }
}
