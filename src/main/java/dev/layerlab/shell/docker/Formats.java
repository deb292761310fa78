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

  /** The column titles the CLI's formatters give each field in {@code table} formats. */
  private static final Map<String, String> HEADERS = Map.ofEntries(
      Map.entry("Repository", "REPOSITORY"), Map.entry("Tag", "TAG"), Map.entry("Digest", "DIGEST"),
      Map.entry("CreatedSince", "CREATED"), Map.entry("CreatedAt", "CREATED AT"), Map.entry("Size", "SIZE"),
      Map.entry("Image", "IMAGE"), Map.entry("Command", "COMMAND"), Map.entry("RunningFor", "CREATED"),
      Map.entry("Status", "STATUS"), Map.entry("Ports", "PORTS"), Map.entry("Names", "NAMES"));

  static int print(Cli cli, String format, List<Map<String, Object>> rows) {
    return print(cli, format, rows, "IMAGE ID");
  }

  /** Prints rows; {@code idHeader} is what {@code {{.ID}}} is titled ({@code IMAGE ID}, {@code CONTAINER ID}). */
  static int print(Cli cli, String format, List<Map<String, Object>> rows, String idHeader) {
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
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*}}").matcher(body);
    StringBuilder titles = new StringBuilder();
    while (m.find()) {
      String field = m.group(1);
      m.appendReplacement(titles, java.util.regex.Matcher.quoteReplacement(
          field.equals("ID") ? idHeader : HEADERS.getOrDefault(field, field.toUpperCase())));
    }
    m.appendTail(titles);
    w.row(titles.toString().replace("\\t", "\t").split("\t", -1));
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>(List.of(t.execute(r).split("\t", -1)));
      w.row(cells);
    }
    cli.out().print(w.render());
    return 0;
  }
}
