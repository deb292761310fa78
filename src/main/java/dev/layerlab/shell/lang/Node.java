package dev.layerlab.shell.lang;

import java.util.List;

/** The parsed form of a command line: bash's grammar, restricted to what layerlab runs. */
public sealed interface Node {

  /** {@code NAME=value ... word ... redirections}. */
  record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects)
      implements Node {}

  /** {@code a | b | c}, optionally negated with {@code !}. */
  record Pipeline(List<Node> commands, boolean negated) implements Node {}

  /** {@code a && b || c}: {@code ops.get(i)} joins {@code items.get(i)} and {@code items.get(i + 1)}. */
  record AndOr(List<Node> items, List<String> ops) implements Node {}

  /** Commands separated by {@code ;} or newlines. */
  record Sequence(List<Node> items) implements Node {}

  /** {@code if c1; then b1; elif c2; then b2; else e; fi}; {@code otherwise} may be null. */
  record If(List<Node> conditions, List<Node> bodies, Node otherwise) implements Node {}

  /** {@code for name in words; do body; done}; {@code words} null means {@code "$@"}. */
  record For(String name, List<Word> words, Node body) implements Node {}

  /** {@code while c; do body; done}, or {@code until} when {@code until} is true. */
  record While(Node condition, Node body, boolean until) implements Node {}

  /** {@code { body; }}, or {@code ( body )} when {@code subshell}. */
  record Group(Node body, boolean subshell) implements Node {}

  /** A compound command with redirections after it, e.g. {@code while ...; done < file}. */
  record Redirected(Node body, List<Redirect> redirects) implements Node {}

  /** {@code case word in pattern|pattern) body ;; ... esac}. */
  record Case(Word word, List<CaseItem> items) implements Node {}

  /** One {@code pattern|pattern) body ;;} of a case; {@code body} may be null. */
  record CaseItem(List<Word> patterns, Node body) {}

  /** {@code ((expression))}: true (status 0) when the arithmetic is not zero. */
  record ArithCommand(String expression) implements Node {}

  /** {@code for ((init; condition; step)); do body; done}; an empty condition is true. */
  record ArithFor(String init, String condition, String step, Node body) implements Node {}

  /** {@code [[ expression ]]}. */
  record Conditional(Cond expression) implements Node {}

  /** {@code name() { body; }}. */
  record Function(String name, Node body) implements Node {}

  /**
   * {@code NAME=value} before a command or alone, {@code NAME[index]=value} ({@code index} as typed),
   * or {@code NAME=(elements)} ({@code elements} non-null); {@code append} for {@code +=}.
   */
  record Assignment(String name, String index, Word value, List<Word.Element> elements, boolean append) {}

  /**
   * One redirection. {@code op} is one of {@code > >> < >& <& &> &>> << <<- <<< >|}; for a
   * here-document {@code hereDoc} holds the body.
   */
  record Redirect(int fd, String op, Word target, HereDoc hereDoc) {}
}
