package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Word.Literal;
import dev.layerlab.shell.lang.Word.Part;
import java.util.ArrayList;
import java.util.List;

/** Brace expansion, bash's first expansion: {@code a{b,c}d} and {@code {1..3}} in unquoted text. */
final class Braces {
  private Braces() {}

  /** The words {@code word} becomes; just itself when it has no brace expression. */
  static List<Word> expand(Word word) {
    List<List<Part>> results = new ArrayList<>();
    results.add(new ArrayList<>());
    boolean any = false;
    for (Part part : word.parts()) {
      List<String> alternatives = part instanceof Literal l ? text(l.text()) : null;
      if (alternatives == null || alternatives.size() == 1) {
        Part p = alternatives == null ? part : new Literal(alternatives.get(0));
        results.forEach(r -> r.add(p));
        continue;
      }
      any = true;
      List<List<Part>> next = new ArrayList<>();
      for (List<Part> r : results) {
        for (String alt : alternatives) {
          List<Part> copy = new ArrayList<>(r);
          if (!alt.isEmpty()) {
            copy.add(new Literal(alt));
          }
          next.add(copy);
        }
      }
      results = next;
    }
    if (!any) {
      return List.of(word);
    }
    List<Word> words = new ArrayList<>();
    for (List<Part> r : results) {
      words.add(new Word(List.copyOf(r), word.source()));
    }
    return words;
  }

  /** The expansions of one piece of text. */
  static List<String> text(String s) {
    for (int open = s.indexOf('{'); open >= 0; open = s.indexOf('{', open + 1)) {
      int depth = 0;
      List<Integer> commas = new ArrayList<>();
      for (int i = open; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
          if (depth == 0) {
            List<String> alts = alternatives(s.substring(open + 1, i), commas, open + 1);
            if (alts == null) {
              break;
            }
            String prefix = s.substring(0, open);
            String suffix = s.substring(i + 1);
            List<String> out = new ArrayList<>();
            for (String alt : alts) {
              for (String tail : text(alt + suffix)) {
                out.add(prefix + tail);
              }
            }
            return out;
          }
        } else if (c == ',' && depth == 1) {
          commas.add(i);
        }
      }
    }
    return List.of(s);
  }

  private static List<String> alternatives(String body, List<Integer> commas, int offset) {
    if (commas.isEmpty()) {
      return sequence(body);
    }
    List<String> alts = new ArrayList<>();
    int start = 0;
    for (int comma : commas) {
      alts.add(body.substring(start, comma - offset));
      start = comma - offset + 1;
    }
    alts.add(body.substring(start));
    return alts;
  }

  private static List<String> sequence(String body) {
    String[] ends = body.split("\\.\\.", -1);
    if (ends.length != 2) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (ends[0].matches("-?[0-9]+") && ends[1].matches("-?[0-9]+")) {
      long a = Long.parseLong(ends[0]);
      long b = Long.parseLong(ends[1]);
      for (long i = a; a <= b ? i <= b : i >= b; i += a <= b ? 1 : -1) {
        out.add(Long.toString(i));
      }
      return out;
    }
    if (ends[0].length() == 1 && ends[1].length() == 1 && Character.isLetter(ends[0].charAt(0))
        && Character.isLetter(ends[1].charAt(0))) {
      char a = ends[0].charAt(0);
      char b = ends[1].charAt(0);
      for (char c = a; a <= b ? c <= b : c >= b; c += a <= b ? 1 : -1) {
        out.add(String.valueOf(c));
      }
      return out;
    }
    return null;
  }
}
