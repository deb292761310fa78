package dev.layerlab.shell.lang;

import java.util.ArrayList;
import java.util.List;

/** The commands that are arithmetic: {@code ((expression))}, {@code for ((;;))} and {@code let}. */
final class ArithCommands {
  private final Interpreter interpreter;
  private final ShellState st;
  private final Io io;

  ArithCommands(Interpreter interpreter, ShellState st, Io io) {
    this.interpreter = interpreter;
    this.st = st;
    this.io = io;
  }

  /** The three expressions of {@code for ((init; condition; step))}. */
  static List<String> forHeader(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ';' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    if (parts.size() != 3) {
      String first = parts.size() < 3 ? "syntax error: arithmetic expression required" : "syntax error: `;' unexpected";
      throw new ParseException(first + "\nsyntax error: `((" + text + "))'", false);
    }
    return parts;
  }

  /** {@code ((expression))}: 0 when the value is not zero, 1 when it is or when the arithmetic fails. */
  int command(String expression) {
    try {
      String expanded = new Expander(interpreter, st, io.err()).hereDoc(expression);
      if (st.xtrace) {
        io.err().print("+".repeat(st.traceLevel + 1) + " (( " + expanded + " ))\n");
      }
      return Arith.eval(expanded, st::getRef, st::setRef) != 0 ? 0 : 1;
    } catch (ShellError e) {
      return fail("((", e);
    }
  }

  /** {@code let expression...}: the status of the last one. */
  int let(List<String> expressions) {
    if (expressions.isEmpty()) {
      io.err().print("bash: let: expression expected\n");
      return 1;
    }
    long last = 0;
    for (String expression : expressions) {
      try {
        last = Arith.eval(expression, st::getRef, st::setRef);
      } catch (ShellError e) {
        return fail("let", e);
      }
    }
    return last != 0 ? 0 : 1;
  }

  /** {@code for ((init; condition; step)); do body; done}. */
  int forLoop(Node.ArithFor loop) {
    int status = 0;
    try {
      eval(loop.init());
      while (loop.condition().isBlank() || eval(loop.condition()) != 0) {
        try {
          status = interpreter.execute(loop.body(), st, io);
        } catch (Jump j) {
          if (j.kind == Jump.Kind.BREAK) {
            break;
          }
          if (j.kind != Jump.Kind.CONTINUE) {
            throw j;
          }
        }
        eval(loop.step());
      }
    } catch (ShellError e) {
      return fail("((", e);
    }
    return status;
  }

  /** The value of an expression after its {@code $} expansions; an empty one is 0. */
  private long eval(String expression) {
    String expanded = new Expander(interpreter, st, io.err()).hereDoc(expression);
    return Arith.eval(expanded, st::getRef, st::setRef);
  }

  private int fail(String who, ShellError e) {
    io.err().print("bash: " + who + ": " + e.getMessage() + "\n");
    return 1;
  }
}
