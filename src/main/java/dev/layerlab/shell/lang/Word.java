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
   * {@code $name}, {@code ${name}}, {@code ${name:-word}}, {@code ${#name}}... {@code op} is null for a
   * plain reference, {@code "#len"} for a length, else the operator text ({@code ":-"}, {@code "%%"}...).
   */
  public record Param(String name, String op, Word arg) implements Part {}

  /** {@code $(...)} or backticks: the source is parsed when it runs. */
  public record CommandSub(String source) implements Part {}

  /** {@code $((...))}: the expression text, expanded then evaluated. */
  public record Arith(String expression) implements Part {}

  /** True when the word is exactly this unquoted text (reserved words, {@code in}). */
  public boolean isLiteral(String text) {
    return parts.size() == 1 && parts.get(0) instanceof Literal l && l.text().equals(text);
  }

  /** The unquoted literal text when the word has no quoting or expansion, else null. */
  public String literalText() {
    return parts.size() == 1 && parts.get(0) instanceof Literal l ? l.text() : null;
  }
}
