package dev.layerlab.shell.lang;

/** The expression of a {@code [[ ... ]]} conditional command. */
sealed interface Cond {

  /** {@code ! expr}. */
  record Not(Cond operand) implements Cond {}

  /** {@code left && right}. */
  record And(Cond left, Cond right) implements Cond {}

  /** {@code left || right}. */
  record Or(Cond left, Cond right) implements Cond {}

  /** {@code -f word}, {@code -z word}...: {@code op} is the operator as typed. */
  record Unary(String op, Word operand) implements Cond {}

  /** {@code left op right}: {@code ==}, {@code =~}, {@code -eq}, {@code <}... */
  record Binary(String op, Word left, Word right) implements Cond {}

  /** A word alone, true when it expands to a non-empty string. */
  record Single(Word word) implements Cond {}
}
