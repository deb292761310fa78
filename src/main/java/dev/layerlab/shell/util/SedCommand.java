package dev.layerlab.shell.util;

/**
 * One command of a compiled sed script, with its addresses. A script is a flat list: {@code {}
 * and the branch commands hold the index they jump to.
 */
final class SedCommand {
  /** Where a command applies: a line, the last line, a regular expression, or GNU's forms. */
  sealed interface Address permits Line, Last, Match, Step, Plus, Multiple {}

  /** Line {@code n} (0 only as the start of {@code 0,/re/}). */
  record Line(long n) implements Address {}

  /** {@code $}. */
  record Last() implements Address {}

  /** {@code /re/}; a null regex is the empty one, meaning the last regex used. */
  record Match(SedRegex regex) implements Address {}

  /** {@code first~step}. */
  record Step(long first, long step) implements Address {}

  /** {@code addr1,+n}. */
  record Plus(long n) implements Address {}

  /** {@code addr1,~n}: up to the next line whose number is a multiple of n. */
  record Multiple(long n) implements Address {}

  /** The substitution of {@code s}: a null regex reuses the last one. */
  record Subst(SedRegex regex, SedReplacement replacement, boolean global, long occurrence, boolean print,
      String writeFile) {}

  final char name;
  Address a1;
  Address a2;
  boolean negate;
  /** The text of a/i/c, a file name for r/R/w/W, or a label for : b t T. */
  String text;
  /** The exit status of q/Q, the line length of l; -1 when not given. */
  int number = -1;
  /** For { the index after its }, for b/t/T the index of the label (the script's size for the end). */
  int jump;
  Subst subst;
  String yFrom;
  String yTo;

  SedCommand(char name) {
    this.name = name;
  }
}
