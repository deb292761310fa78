package dev.layerlab.learn;

import dev.layerlab.learn.Lesson.Condition;
import dev.layerlab.learn.Lesson.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code .lesson} format: {@code key: value} lines, a value continued on the following
 * lines indented by two spaces, {@code #} comments, {@code key.zh-CN:} for a translation. Every
 * mistake becomes a {@link Problem} with the file and line; the parser never throws on bad input.
 */
final class LessonParser {
  static final Set<String> TRANSLATED = Set.of("title", "intro", "task", "hint", "done");
  static final Set<String> LESSON_KEYS = Set.of("lesson", "title", "intro");
  static final Set<String> STEP_KEYS = Set.of("step", "task", "hint", "check", "holds", "solution", "done", "see");

  /** One {@code key[.lang]: value} entry and the line it starts on. */
  record Entry(String key, String lang, String value, int line) {}

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  private LessonParser(String file) {
    this.file = file;
  }

  /** A parsed lesson (null when it is too broken to use) and everything wrong with it. */
  record Result(Lesson lesson, List<Problem> problems) {}

  static Result parse(String file, String text) {
    LessonParser p = new LessonParser(file);
    Lesson lesson = p.build(p.entries(text));
    return new Result(lesson, List.copyOf(p.problems));
  }

  private void problem(int line, String message) {
    problems.add(new Problem(file, line, message));
  }

  List<Entry> entries(String text) {
    List<Entry> out = new ArrayList<>();
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    String key = null;
    String lang = null;
    int start = 0;
    StringBuilder value = null;
    int blanks = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int no = i + 1;
      if (line.isBlank()) {
        blanks++;
        continue;
      }
      if ((line.startsWith("  ") || line.startsWith("\t")) && value != null) {
        value.append("\n".repeat(value.isEmpty() ? 0 : blanks + 1)).append(line.startsWith("\t") ? line.substring(1)
            : line.substring(2));
        blanks = 0;
        continue;
      }
      blanks = 0;
      if (line.startsWith("#")) {
        continue;
      }
      if (value != null) {
        out.add(new Entry(key, lang, value.toString(), start));
        value = null;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        problem(no, "indented line without a key above it (continuation lines follow a key: line)");
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        problem(no, "expected key: value, found \"" + line.strip() + "\"");
        continue;
      }
      String name = line.substring(0, colon).strip();
      int dot = name.indexOf('.');
      key = dot < 0 ? name : name.substring(0, dot);
      lang = dot < 0 ? Lang.EN : name.substring(dot + 1);
      start = no;
      value = new StringBuilder(line.substring(colon + 1).strip());
    }
    if (value != null) {
      out.add(new Entry(key, lang, value.toString(), start));
    }
    return out;
  }

  private Lesson build(List<Entry> entries) {
    int number = -1;
    Map<String, Text> lessonText = new LinkedHashMap<>();
    Map<String, Integer> lessonLines = new LinkedHashMap<>();
    List<StepBuilder> steps = new ArrayList<>();
    StepBuilder cur = null;
    for (Entry e : entries) {
      if (!Lang.known(e.lang())) {
        problem(e.line(), "unknown language \"" + e.lang() + "\" (use " + String.join(" or ", Lang.ALL) + ")");
        continue;
      }
      if (!e.lang().equals(Lang.EN) && !TRANSLATED.contains(e.key())) {
        problem(e.line(), e.key() + " is not translated: write it once, without ." + e.lang());
        continue;
      }
      if (e.key().equals("step")) {
        cur = new StepBuilder(e.value(), e.line());
        if (!e.value().matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
          problem(e.line(), "step needs a short id of letters, digits, - and _ (e.g. step: pull)");
        }
        steps.add(cur);
        continue;
      }
      if (cur == null) {
        if (!LESSON_KEYS.contains(e.key())) {
          problem(e.line(), STEP_KEYS.contains(e.key()) ? e.key() + " before the first step: line"
              : "unknown key \"" + e.key() + "\" (lesson keys: lesson, title, intro)");
          continue;
        }
        if (e.key().equals("lesson")) {
          if (number >= 0) {
            problem(e.line(), "lesson: given twice");
          } else if (!e.value().matches("[1-9][0-9]{0,3}")) {
            problem(e.line(), "lesson: needs a number from 1 (e.g. lesson: 3)");
          } else {
            number = Integer.parseInt(e.value());
          }
          continue;
        }
        addText(lessonText, lessonLines, e);
        continue;
      }
      cur.add(e);
    }
    if (number < 0) {
      problem(1, "missing lesson: NUMBER");
    }
    for (String key : List.of("title", "intro")) {
      if (!lessonText.containsKey(key)) {
        problem(1, "missing " + key + ":");
      }
    }
    checkTranslations(lessonText, lessonLines);
    if (steps.isEmpty()) {
      problem(1, "a lesson needs at least one step: line");
    }
    List<Step> built = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (StepBuilder s : steps) {
      if (!ids.add(s.id)) {
        problem(s.line, "step id \"" + s.id + "\" used twice in this lesson");
      }
      built.add(s.build());
    }
    String id = file.replaceAll(".*/", "").replaceAll("\\.lesson$", "");
    return new Lesson(id, file, Math.max(number, 0), lessonText.getOrDefault("title", Text.NONE),
        lessonText.getOrDefault("intro", Text.NONE), List.copyOf(built));
  }

  private void addText(Map<String, Text> texts, Map<String, Integer> lines, Entry e) {
    Text t = texts.getOrDefault(e.key(), Text.NONE);
    if (t.byLang().containsKey(e.lang())) {
      problem(e.line(), e.key() + (e.lang().equals(Lang.EN) ? "" : "." + e.lang()) + ": given twice");
      return;
    }
    if (e.value().isEmpty()) {
      problem(e.line(), e.key() + ": is empty");
    }
    texts.put(e.key(), t.with(e.lang(), e.value()));
    if (e.lang().equals(Lang.EN)) {
      lines.put(e.key(), e.line());
    } else {
      lines.putIfAbsent(e.key(), e.line());
    }
  }

  private void checkTranslations(Map<String, Text> texts, Map<String, Integer> lines) {
    texts.forEach((key, text) -> missing(key, text, lines.get(key)));
  }

  private void missing(String key, Text text, int line) {
    if (!text.byLang().containsKey(Lang.EN)) {
      problem(line, key + " has a translation but no English text (" + key + ": ...)");
    }
    for (String lang : Lang.ALL) {
      if (!text.byLang().containsKey(lang)) {
        problems.add(new Problem(file, line, key + ": missing translation " + key + "." + lang + ":", true));
      }
    }
  }

  /** Collects one step's entries. */
  private final class StepBuilder {
    final String id;
    final int line;
    final Map<String, Text> texts = new LinkedHashMap<>();
    final Map<String, Integer> lines = new LinkedHashMap<>();
    final List<Text> hints = new ArrayList<>();
    final List<Integer> hintLines = new ArrayList<>();
    final Map<String, Integer> hintCount = new LinkedHashMap<>();
    final List<Condition> conditions = new ArrayList<>();
    final List<String> solution = new ArrayList<>();
    final List<String> see = new ArrayList<>();

    StepBuilder(String id, int line) {
      this.id = id;
      this.line = line;
    }

    void add(Entry e) {
      switch (e.key()) {
        case "task", "done" -> addText(texts, lines, e);
        case "hint" -> {
          // the n-th hint.zh-CN translates the n-th hint
          int n = hintCount.merge(e.lang(), 1, Integer::sum) - 1;
          if (n == hints.size()) {
            hints.add(Text.NONE);
            hintLines.add(e.line());
          }
          if (e.lang().equals(Lang.EN)) {
            hintLines.set(n, e.line());
          }
          hints.set(n, hints.get(n).with(e.lang(), e.value()));
        }
        case "check", "holds" -> {
          Check c = Checks.parse(e.value(), msg -> problem(e.line(), msg));
          if (c != null) {
            boolean fresh = e.key().equals("check");
            if (!fresh && (c instanceof Check.Typed || c instanceof Check.Output || c instanceof Check.Answer)) {
              problem(e.line(), "holds: is for the state of the host; what is typed, seen or answered belongs in check:");
            }
            conditions.add(new Condition(c, fresh, e.line(), e.value()));
          }
        }
        case "solution" -> {
          if (e.value().isEmpty()) {
            problem(e.line(), "solution: is empty (one line to type per solution:)");
          } else {
            Placeholders.validate(e.value(), msg -> problem(e.line(), msg));
            solution.add(e.value());
          }
        }
        case "see" -> {
          for (String topic : e.value().split("\\s+")) {
            if (!topic.isEmpty() && Topics.standard().find(topic).isEmpty()) {
              problem(e.line(), "see: no :explain topic called \"" + topic + "\"");
            } else if (!topic.isEmpty()) {
              see.add(topic);
            }
          }
        }
        case "lesson", "title", "intro" -> problem(e.line(), e.key() + ": belongs before the first step: line");
        default -> problem(e.line(), "unknown key \"" + e.key() + "\" (step keys: " + String.join(", ",
            List.of("task", "hint", "check", "holds", "solution", "done", "see")) + ")");
      }
    }

    Step build() {
      if (!texts.containsKey("task")) {
        problem(line, "step " + id + " has no task:");
      }
      if (conditions.isEmpty()) {
        problem(line, "step " + id + " has no check: (how would anyone know it is done?)");
      }
      if (solution.isEmpty()) {
        problem(line, "step " + id + " has no solution: (the lines to type)");
      }
      if (hints.isEmpty()) {
        problem(line, "step " + id + " has no hint:");
      }
      checkTranslations(texts, lines);
      for (int i = 0; i < hints.size(); i++) {
        missing("hint", hints.get(i), hintLines.get(i));
      }
      return new Step(id, line, texts.getOrDefault("task", Text.NONE), List.copyOf(hints), List.copyOf(conditions),
          List.copyOf(solution), texts.getOrDefault("done", Text.NONE), List.copyOf(see));
    }
  }
}
