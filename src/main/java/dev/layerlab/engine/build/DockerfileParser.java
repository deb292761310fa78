package dev.layerlab.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dockerfile parser of Docker 18.06: the {@code escape} parser directive, comments, line
 * continuations, case-insensitive keywords, {@code --flags}, and the exec (JSON) form. Its errors
 * are the daemon's, with the line number the instruction starts on.
 */
final class DockerfileParser {
  static final Set<String> KEYWORDS = Set.of("add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from",
      "healthcheck", "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir");
  private static final Map<String, Set<String>> FLAGS = Map.of(
      "copy", Set.of("chown", "from"),
      "add", Set.of("chown"),
      "from", Set.of("platform"),
      "healthcheck", Set.of("interval", "timeout", "start-period", "retries"));
  private static final Set<String> JSON_FORMS = Set.of("run", "cmd", "entrypoint", "shell", "copy", "add", "volume",
      "healthcheck");
  private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("^#[ \t]*escape[ \t]*=[ \t]*(.).*$");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The parsed file: its instructions and the escape character in force. */
  record Parsed(List<Instruction> instructions, char escape) {}

  private DockerfileParser() {}

  static Parsed parse(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", -1);
    char escape = '\\';
    boolean directives = true;
    boolean escapeSeen = false;
    List<Instruction> out = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      String raw = lines[i].stripLeading();
      i++;
      int start = i;
      if (directives) {
        Matcher m = ESCAPE_DIRECTIVE.matcher(raw.toLowerCase(java.util.Locale.ROOT));
        if (m.matches()) {
          if (escapeSeen) {
            throw BuildException.rejected("only one escape parser directive can be used");
          }
          escapeSeen = true;
          String e = raw.substring(m.start(1), m.start(1) + 1);
          if (!e.equals("`") && !e.equals("\\")) {
            throw BuildException.rejected("invalid ESCAPE '" + e + "'. Must be ` or \\");
          }
          escape = e.charAt(0);
          continue;
        }
        directives = false;
      }
      if (raw.startsWith("#")) {
        continue;
      }
      Pattern cont = Pattern.compile(Pattern.quote(String.valueOf(escape)) + "[ \t]*$");
      StringBuilder line = new StringBuilder();
      boolean end = appendPart(line, raw, cont);
      if (end && line.toString().isBlank()) {
        continue;
      }
      while (!end && i < lines.length) {
        String next = lines[i++];
        if (next.stripLeading().startsWith("#") || next.isBlank()) {
          continue;
        }
        end = appendPart(line, next, cont);
      }
      if (line.toString().isBlank()) {
        continue;
      }
      out.add(instruction(line.toString(), start));
    }
    if (out.isEmpty()) {
      throw BuildException.rejected("the Dockerfile (Dockerfile) cannot be empty");
    }
    return new Parsed(out, escape);
  }

  private static boolean appendPart(StringBuilder line, String part, Pattern cont) {
    Matcher m = cont.matcher(part);
    if (m.find()) {
      line.append(part, 0, m.start());
      return false;
    }
    line.append(part);
    return true;
  }

  /** One instruction line ({@code line} is where it starts): keyword, flags, arguments. */
  static Instruction instruction(String text, int line) {
    String trimmed = text.strip();
    String[] kw = trimmed.split("[ \t]+", 2);
    String keyword = kw[0].toLowerCase(java.util.Locale.ROOT);
    String rest = kw.length > 1 ? kw[1] : "";
    if (!KEYWORDS.contains(keyword)) {
      throw BuildException.parse(line, "unknown instruction: " + kw[0].toUpperCase(java.util.Locale.ROOT));
    }
    Map<String, String> flags = new LinkedHashMap<>();
    while (rest.startsWith("--")) {
      String[] f = rest.split("[ \t]+", 2);
      String word = f[0].substring(2);
      int eq = word.indexOf('=');
      String name = eq < 0 ? word : word.substring(0, eq);
      if (name.isEmpty()) {
        break;
      }
      if (!FLAGS.getOrDefault(keyword, Set.of()).contains(name)) {
        throw BuildException.parse(line, "Unknown flag: " + name);
      }
      flags.put(name, eq < 0 ? "" : word.substring(eq + 1));
      rest = f.length > 1 ? f[1] : "";
    }
    List<String> json = JSON_FORMS.contains(keyword) ? jsonForm(rest) : null;
    Instruction ins = new Instruction(line, keyword, text.stripLeading(), rest, Map.copyOf(flags), json);
    check(ins);
    return ins;
  }

  /** The exec form when the arguments are a JSON array of strings; anything else is the shell form. */
  private static List<String> jsonForm(String rest) {
    String t = rest.strip();
    if (!t.startsWith("[")) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(t);
      if (n == null || !n.isArray()) {
        return null;
      }
      List<String> out = new ArrayList<>();
      for (JsonNode e : n) {
        if (!e.isTextual()) {
          return null;
        }
        out.add(e.asText());
      }
      return List.copyOf(out);
    } catch (IOException e) {
      return null;
    }
  }

  /** The argument counts each instruction insists on, in the parser's words. */
  private static void check(Instruction ins) {
    String name = ins.keyword().toUpperCase(java.util.Locale.ROOT);
    int n = ins.fields().size();
    switch (ins.keyword()) {
      case "from" -> {
        if (n != 1 && !(n == 3 && ins.fields().get(1).equalsIgnoreCase("as"))) {
          throw BuildException.parse(ins.line(), "FROM requires either one or three arguments");
        }
      }
      case "copy", "add" -> {
        if (n < 2) {
          throw BuildException.parse(ins.line(), name + " requires at least two arguments");
        }
      }
      case "workdir", "user", "stopsignal", "arg" -> {
        if (n != 1) {
          throw BuildException.parse(ins.line(), name + " requires exactly one argument");
        }
      }
      case "shell" -> {
        if (ins.json() == null) {
          throw BuildException.parse(ins.line(), "SHELL requires the arguments to be in JSON form");
        }
      }
      case "onbuild" -> {
        String[] inner = ins.args().strip().split("[ \t]+", 2);
        String k = inner[0].toLowerCase(java.util.Locale.ROOT);
        if (k.isEmpty()) {
          throw BuildException.parse(ins.line(), "ONBUILD requires at least one argument");
        }
        if (k.equals("onbuild")) {
          throw BuildException.parse(ins.line(), "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        if (k.equals("from") || k.equals("maintainer")) {
          throw BuildException.parse(ins.line(), k.toUpperCase(java.util.Locale.ROOT)
              + " isn't allowed as an ONBUILD trigger");
        }
        instruction(ins.args().strip(), ins.line());
      }
      default -> {
        if (n == 0 && !ins.keyword().equals("cmd") && !ins.keyword().equals("entrypoint")) {
          throw BuildException.parse(ins.line(), name + " requires at least one argument");
        }
      }
    }
  }
}
