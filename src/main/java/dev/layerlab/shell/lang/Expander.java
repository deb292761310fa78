package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Word.Arith;
import dev.layerlab.shell.lang.Word.CommandSub;
import dev.layerlab.shell.lang.Word.DoubleQuoted;
import dev.layerlab.shell.lang.Word.Literal;
import dev.layerlab.shell.lang.Word.Param;
import dev.layerlab.shell.lang.Word.Part;
import dev.layerlab.shell.lang.Word.Quoted;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns words into fields in bash's order: tilde, parameter, command and arithmetic expansion,
 * then field splitting of unquoted results, then pathname expansion, then quote removal.
 */
final class Expander {
  private final Interpreter interpreter;
  private final ShellState state;
  private final PrintStream err;

  Expander(Interpreter interpreter, ShellState state, PrintStream err) {
    this.interpreter = interpreter;
    this.state = state;
    this.err = err;
  }

  PrintStream err() {
    return err;
  }

  /** The key an associative array's subscript names: expanded, quotes removed, never split. */
  String key(String subscript) {
    return single(new WordScanner(subscript + "}", 0).braceWord());
  }

  /** The fields of a command's words. */
  List<String> fields(List<Word> words) {
    List<String> out = new ArrayList<>();
    List<Word> braced = new ArrayList<>();
    for (Word word : words) {
      braced.addAll(Braces.expand(word));
    }
    for (Word word : braced) {
      for (Field f : expand(word, true)) {
        Glob glob = Glob.of(f.text.toString(), f.quoted);
        if (glob.hasMagic()) {
          List<String> matches = new Globber(interpreter.vfs(), state.cwd).expand(f.text.toString(), f.quoted);
          if (!matches.isEmpty()) {
            out.addAll(matches);
            continue;
          }
        }
        out.add(f.text.toString());
      }
    }
    return out;
  }

  /** One word expanded without splitting or globbing (assignments, redirection targets). */
  String single(Word word) {
    List<String> texts = new ArrayList<>();
    for (Field f : expand(word, false)) {
      texts.add(f.text.toString());
    }
    return String.join(" ", texts);
  }

  /** A word as a pattern ({@code case}): quoted characters match only themselves. */
  Glob pattern(Word word) {
    Marked m = marked(word);
    return Glob.of(m.text(), m.quoted());
  }

  /** Expanded text that keeps which characters came from quotes. */
  record Marked(String text, BitSet quoted) {}

  /** A word expanded without splitting or globbing, marking its quoted characters (patterns, regexes). */
  Marked marked(Word word) {
    StringBuilder text = new StringBuilder();
    BitSet quoted = new BitSet();
    for (Field f : expand(word, false)) {
      for (int i = f.quoted.nextSetBit(0); i >= 0; i = f.quoted.nextSetBit(i + 1)) {
        quoted.set(text.length() + i);
      }
      text.append(f.text);
    }
    return new Marked(text.toString(), quoted);
  }

  /** The body of an unquoted here-document after {@code $}, backquote and backslash processing. */
  String hereDoc(String body) {
    List<Part> parts = new WordScanner(body, 0).hereDocBody();
    return single(new Word(List.of(new DoubleQuoted(parts)), body));
  }

  private List<Field> expand(Word word, boolean split) {
    Fields fields = new Fields(split);
    List<Part> parts = word.parts();
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (i == 0 && part instanceof Literal l && l.text().startsWith("~")) {
        part = tilde(l.text(), parts.size() == 1 || l.text().contains("/"));
        if (part instanceof Quoted q) {
          fields.add(q.text(), true);
          continue;
        }
      }
      add(fields, part, false);
    }
    return fields.finish();
  }

  private Part tilde(String text, boolean complete) {
    int slash = text.indexOf('/');
    String user = slash < 0 ? text.substring(1) : text.substring(1, slash);
    if (slash < 0 && !complete) {
      return new Literal(text);
    }
    String home = null;
    if (user.isEmpty()) {
      home = state.get("HOME");
    } else if (user.equals("root")) {
      home = "/root";
    } else if (user.equals("-")) {
      home = state.get("OLDPWD");
    } else if (user.equals("+")) {
      home = state.cwd;
    }
    if (home == null) {
      return new Literal(text);
    }
    return new Quoted(home + (slash < 0 ? "" : text.substring(slash)));
  }

  private void add(Fields fields, Part part, boolean inQuotes) {
    if (part instanceof Literal l) {
      fields.add(l.text(), inQuotes);
    } else if (part instanceof Quoted q) {
      fields.add(q.text(), true);
    } else if (part instanceof DoubleQuoted dq) {
      // "$@" and "${a[@]}" of no elements make no word at all, unlike any other "..."
      if (dq.parts().stream().noneMatch(p -> p instanceof Param param && param.atForm())) {
        fields.markQuoted();
      }
      for (Part p : dq.parts()) {
        add(fields, p, true);
      }
    } else if (part instanceof Param p) {
      Parameters parameters = new Parameters(this, state);
      List<String> words = parameters.words(p);
      if (words == null) {
        addExpansion(fields, parameters.value(p), inQuotes);
      } else if (inQuotes && p.atForm()) {
        for (int i = 0; i < words.size(); i++) {
          if (i > 0) {
            fields.breakField();
          }
          fields.add(words.get(i), true);
        }
      } else {
        // "$*" joins with the first character of IFS; unquoted words are split again anyway
        String ifs = state.get("IFS");
        String separator = !inQuotes || ifs == null ? " " : ifs.isEmpty() ? "" : ifs.substring(0, 1);
        addExpansion(fields, words.isEmpty() ? null : String.join(separator, words), inQuotes);
      }
    } else if (part instanceof CommandSub c) {
      addExpansion(fields, interpreter.substitute(c.source(), state, err), inQuotes);
    } else if (part instanceof Arith a) {
      String expr = hereDoc(a.expression());
      long v = dev.layerlab.shell.lang.Arith.eval(expr, state::getRef, state::setRef);
      addExpansion(fields, Long.toString(v), inQuotes);
    }
  }

  private static void addExpansion(Fields fields, String value, boolean inQuotes) {
    if (value == null) {
      return;
    }
    if (inQuotes) {
      fields.add(value, true);
    } else {
      fields.addSplit(value);
    }
  }

  /** One field under construction: its text and which characters were quoted. */
  static final class Field {
    final StringBuilder text = new StringBuilder();
    final BitSet quoted = new BitSet();
    boolean keep;
  }

  /** The fields one word is becoming. */
  private static final class Fields {
    private final boolean split;
    private final List<Field> done = new ArrayList<>();
    private Field current = new Field();

    Fields(boolean split) {
      this.split = split;
    }

    void add(String s, boolean quoted) {
      if (quoted) {
        current.quoted.set(current.text.length(), current.text.length() + s.length());
        current.keep = true;
      }
      current.text.append(s);
    }

    void markQuoted() {
      current.keep = true;
    }

    void addSplit(String s) {
      if (!split) {
        add(s, false);
        return;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n') {
          if (current.text.length() > 0 || current.keep) {
            breakField();
          }
        } else {
          current.text.append(c);
        }
      }
    }

    void breakField() {
      done.add(current);
      current = new Field();
    }

    List<Field> finish() {
      if (current.text.length() > 0 || current.keep) {
        done.add(current);
      }
      return done;
    }
  }
}
