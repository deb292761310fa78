package dev.layerlab.shell.lang;

import java.util.List;

/** One shell word as typed: literal text, quoted pieces and expansions, before expansion. */
public record Word(List<Part> parts, String source) {

  /** One piece of a word. */
  public sealed interface Part {}

  /** Unquoted literal text (subject to globbing and, at the word start, tilde expansion). */
  public record Literal(String text) implements Part {}

  /** Text that is quoted: {@code '...'}, a backslash-escaped character, or literal text inside {@code "..."}. */
  public record Quoted(String text) implements Part {}

  /** {@code "..."}: its parts expand but are neither split nor globbed. */
  public record DoubleQuoted(List<Part> parts) implements Part {}

  /**
   * {@code $name}, {@code ${name}}, {@code ${name:-word}}, {@code ${#name}}, {@code ${a[i]}}...
   * {@code index} is the subscript as typed ({@code "@"} or {@code "*"} for every element), or null.
   * {@code op} is null for a plain reference, {@code "#len"} for a length, {@code "!keys"} for
   * {@code ${!a[@]}}, {@code "!ref"} for {@code ${!name}}, {@code "!names"} for {@code ${!prefix*}},
   * else the operator as typed ({@code ":-"}, {@code "%%"}, {@code "//"}, {@code "^^"}, {@code ":"}...).
   * {@code arg2} is the replacement of {@code /pat/rep} or the length of {@code :offset:length}.
   */
  public record Param(String name, String index, String op, Word arg, Word arg2) implements Part {
    public Param(String name, String op, Word arg) {
      this(name, null, op, arg, null);
    }

    /** True for {@code $@}, {@code ${a[@]}}, {@code ${!a[@]}}...: in double quotes, one word per element. */
    public boolean atForm() {
      return (index == null ? name.equals("@") : index.equals("@")) && !"#len".equals(op) && !"!ref".equals(op);
    }

    /** True for {@code $*}, {@code ${a[*]}}...: in double quotes, the elements joined into one word. */
    public boolean starForm() {
      return (index == null ? name.equals("*") : index.equals("*")) && !"#len".equals(op) && !"!ref".equals(op);
    }
  }

  /** {@code $(...)} or backticks: the source is parsed when it runs. */
  public record CommandSub(String source) implements Part {}

  /** {@code $((...))}: the expression text, expanded then evaluated. */
  public record Arith(String expression) implements Part {}

  /** {@code (x y [5]=z)} after {@code name=} in an assignment: the elements of an array. */
  public record Compound(List<Element> elements) implements Part {}

  /** One element of a compound assignment; {@code index} is null unless it was written {@code [index]=value}. */
  public record Element(String index, Word value) {}

  /** True when the word is exactly this unquoted text (reserved words, {@code in}). */
  public boolean isLiteral(String text) {
    return parts.size() == 1 && parts.get(0) instanceof Literal l && l.text().equals(text);
  }

  /** The unquoted literal text when the word has no quoting or expansion, else null. */
  public String literalText() {
    return parts.size() == 1 && parts.get(0) instanceof Literal l ? l.text() : null;
  }
}
