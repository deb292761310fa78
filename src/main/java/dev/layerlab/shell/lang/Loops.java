package dev.layerlab.shell.lang;

import java.util.ArrayList;
import java.util.List;

/** {@code for name in words} and {@code while}/{@code until} loops, with {@code break} and {@code continue}. */
final class Loops {
  private final Interpreter interpreter;
  private final ShellState st;
  private final Io io;

  Loops(Interpreter interpreter, ShellState st, Io io) {
    this.interpreter = interpreter;
    this.st = st;
    this.io = io;
  }

  int forClause(Node.For node) {
    List<String> items;
    try {
      items = node.words() == null ? new ArrayList<>(st.positional) : new Expander(interpreter, st, io.err()).fields(node.words());
    } catch (ShellError e) {
      io.err().print("bash: " + e.getMessage() + "\n");
      return e.status;
    }
    int status = 0;
    for (String item : items) {
      if (st.readonly.contains(node.name())) {
        io.err().print("bash: " + node.name() + ": readonly variable\n");
        return 1;
      }
      st.set(node.name(), item);
      try {
        status = interpreter.execute(node.body(), st, io);
      } catch (Jump j) {
        if (j.kind == Jump.Kind.BREAK) {
          break;
        }
        if (j.kind != Jump.Kind.CONTINUE) {
          throw j;
        }
      }
    }
    return status;
  }

  int whileClause(Node.While node) {
    int status = 0;
    while ((interpreter.tested(node.condition(), st, io) == 0) != node.until()) {
      try {
        status = interpreter.execute(node.body(), st, io);
      } catch (Jump j) {
        if (j.kind == Jump.Kind.BREAK) {
          break;
        }
        if (j.kind != Jump.Kind.CONTINUE) {
          throw j;
        }
      }
    }
    return status;
  }
}
