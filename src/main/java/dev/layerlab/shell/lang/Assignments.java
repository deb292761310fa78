package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Node.Assignment;
import dev.layerlab.shell.lang.Word.Compound;
import dev.layerlab.shell.lang.Word.Literal;
import dev.layerlab.shell.lang.Word.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises assignment words: {@code name=value}, {@code name+=value}, {@code name[i]=value}, {@code name=(...)}. */
final class Assignments {
  private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(\\+?)=");
  private static final Pattern SUBSCRIPTED = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\[");
  /** The builtins whose arguments are assignments too, expanded without word splitting. */
  static final Set<String> DECLARATIONS = Set.of("declare", "typeset", "local", "export", "readonly");

  private Assignments() {}

  /** True when {@code word} names a declaration builtin ({@code declare}, {@code local}...). */
  static boolean declares(Word word) {
    String text = word.literalText();
    return text != null && DECLARATIONS.contains(text);
  }

  /** True for a word holding {@code name=(...)}. */
  static boolean isCompound(Word word) {
    return !word.parts().isEmpty() && word.parts().get(word.parts().size() - 1) instanceof Compound;
  }

  /** The assignment a word spells, or null when it is an ordinary word. */
  static Assignment parse(Word word) {
    if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Literal first)) {
      return null;
    }
    Matcher m = ASSIGNMENT.matcher(first.text());
    if (m.find()) {
      boolean append = !m.group(2).isEmpty();
      if (isCompound(word)) {
        Compound compound = (Compound) word.parts().get(word.parts().size() - 1);
        return new Assignment(m.group(1), null, null, compound.elements(), append);
      }
      List<Part> rest = new ArrayList<>();
      String tail = first.text().substring(m.end());
      if (!tail.isEmpty()) {
        rest.add(new Literal(tail));
      }
      rest.addAll(word.parts().subList(1, word.parts().size()));
      Word value = new Word(List.copyOf(rest), word.source().substring(word.source().indexOf('=') + 1));
      return new Assignment(m.group(1), null, value, null, append);
    }
    return subscripted(word.source());
  }

  /** {@code name[index]=value} read from the source text, as the subscript may hold any expansion. */
  private static Assignment subscripted(String source) {
    Matcher m = SUBSCRIPTED.matcher(source);
    if (!m.find()) {
      return null;
    }
    int depth = 0;
    for (int i = m.end() - 1; i < source.length(); i++) {
      char c = source.charAt(i);
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (depth == 0) {
        boolean append = source.startsWith("+=", i + 1);
        if (!append && !source.startsWith("=", i + 1)) {
          return null;
        }
        Word value = new WordScanner(source, i + (append ? 3 : 2)).word();
        return new Assignment(m.group(1), source.substring(m.end(), i), value, null, append);
      }
    }
    return null;
  }
}
