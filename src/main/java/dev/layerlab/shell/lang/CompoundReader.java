package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Word.Compound;
import dev.layerlab.shell.lang.Word.Element;
import dev.layerlab.shell.lang.Word.Part;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code (x y [5]=z)} of an array assignment: words across blanks, newlines and comments. */
final class CompoundReader {
  private CompoundReader() {}

  /** The assignment word with its elements, and where the source continues after the {@code )}. */
  record Read(Word word, int end) {}

  /** Reads from {@code open}, the index of the {@code (} right after {@code name=}. */
  static Read read(String src, Word name, int open) {
    int pos = open + 1;
    List<Element> elements = new ArrayList<>();
    while (true) {
      while (pos < src.length() && " \t\n".indexOf(src.charAt(pos)) >= 0
          || src.startsWith("\\\n", pos)) {
        pos += src.charAt(pos) == '\\' ? 2 : 1;
      }
      if (pos >= src.length()) {
        throw new ParseException("unexpected EOF while looking for matching `)'", true).inCompoundAssignment();
      }
      char c = src.charAt(pos);
      if (c == ')') {
        pos++;
        break;
      }
      if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      if (WordScanner.isMeta(c)) {
        String token = src.startsWith(";;", pos) || src.startsWith("&&", pos) || src.startsWith("||", pos)
            ? src.substring(pos, pos + 2) : String.valueOf(c);
        throw ParseException.unexpectedToken(token).inCompoundAssignment();
      }
      WordScanner scanner = new WordScanner(src, pos);
      Word word = scanner.word();
      pos = scanner.pos();
      elements.add(element(word));
    }
    List<Part> parts = new ArrayList<>(name.parts());
    parts.add(new Compound(List.copyOf(elements)));
    return new Read(new Word(List.copyOf(parts), src.substring(open - name.source().length(), pos)), pos);
  }

  /** {@code [index]=value} or a plain value. */
  private static Element element(Word word) {
    String source = word.source();
    if (source.startsWith("[")) {
      int depth = 0;
      for (int i = 0; i < source.length(); i++) {
        depth += source.charAt(i) == '[' ? 1 : source.charAt(i) == ']' ? -1 : 0;
        if (depth == 0) {
          if (i + 1 < source.length() && source.charAt(i + 1) == '=') {
            Word value = new WordScanner(source, i + 2).word();
            return new Element(source.substring(1, i), value);
          }
          break;
        }
      }
    }
    return new Element(null, word);
  }
}
