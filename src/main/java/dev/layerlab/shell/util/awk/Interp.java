package dev.layerlab.shell.util.awk;

import dev.layerlab.shell.util.awk.Node.Expr;
import dev.layerlab.shell.util.awk.Node.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs statements, user functions, getline and the BEGIN / records / END cycle. */
final class Interp extends Eval {
  /** Control leaving a statement early: next, exit, break, continue and return. */
  static final class Jump extends RuntimeException {
    final String kind;
    final Object value;

    Jump(String kind, Object value) {
      super(kind, null, false, false);
      this.kind = kind;
      this.value = value;
    }
  }

  /** The records of the file operands (or standard input) in turn. */
  interface MainInput {
    /** Reads the next record into {@code into}; false at the end of all input. */
    boolean next(java.util.function.Consumer<String> into);

    /** Skips the rest of the current file. */
    void skipFile();
  }

  private final boolean[] inRange;
  private int depth;

  Interp(Node.Program program, Io io) {
    super(program, io);
    inRange = new boolean[program.items().size()];
  }

  /** Runs the program; the exit status. */
  int run(MainInput input) {
    mainInput = input;
    int status = 0;
    try {
      for (Node.Item item : program.items()) {
        if (item.kind().equals("BEGIN")) {
          execute(item.action());
        }
      }
      if (hasMainOrEnd()) {
        while (input.next(this::setRecord)) {
          stopIfInterrupted();
          bump("NR");
          bump("FNR");
          try {
            matchItems();
          } catch (Jump j) {
            if (j.kind.equals("nextfile")) {
              input.skipFile();
            } else if (!j.kind.equals("next")) {
              throw j;
            }
          }
        }
      }
    } catch (Jump j) {
      status = exitStatus(j, status);
    }
    try {
      for (Node.Item item : program.items()) {
        if (item.kind().equals("END")) {
          execute(item.action());
        }
      }
    } catch (Jump j) {
      status = exitStatus(j, status);
    }
    io.closeAll();
    return status;
  }

  private static int exitStatus(Jump j, int previous) {
    if (!j.kind.equals("exit")) {
      throw new AwkException(j.kind + " outside a loop");
    }
    return j.value == null ? previous : (int) Values.num(j.value) & 0xff;
  }

  private boolean hasMainOrEnd() {
    for (Node.Item item : program.items()) {
      if (!item.kind().equals("BEGIN")) {
        return true;
      }
    }
    return false;
  }

  private void matchItems() {
    List<Node.Item> items = program.items();
    for (int i = 0; i < items.size(); i++) {
      Node.Item item = items.get(i);
      boolean run;
      if (item.kind().equals("MAIN")) {
        run = item.pattern() == null || Values.truth(eval(item.pattern()));
      } else if (item.kind().equals("RANGE")) {
        if (!inRange[i]) {
          run = Values.truth(eval(item.pattern()));
          inRange[i] = run && !Values.truth(eval(item.end()));
        } else {
          run = true;
          inRange[i] = !Values.truth(eval(item.end()));
        }
      } else {
        continue;
      }
      if (run) {
        if (item.action() == null) {
          io.print(null, null, Values.str(record.field(0), special("OFMT")) + special("ORS"));
        } else {
          execute(item.action());
        }
      }
    }
  }

  void execute(Stmt s) {
    if (s instanceof Node.Block b) {
      for (Stmt inner : b.body()) {
        execute(inner);
      }
    } else if (s instanceof Node.ExprStmt e) {
      eval(e.expr());
    } else if (s instanceof Node.Print p) {
      print(p);
    } else if (s instanceof Node.If i) {
      if (Values.truth(eval(i.test()))) {
        execute(i.then());
      } else if (i.otherwise() != null) {
        execute(i.otherwise());
      }
    } else if (s instanceof Node.While w) {
      while (Values.truth(eval(w.test()))) {
        if (loopBody(w.body())) {
          break;
        }
      }
    } else if (s instanceof Node.Do d) {
      do {
        if (loopBody(d.body())) {
          break;
        }
      } while (Values.truth(eval(d.test())));
    } else if (s instanceof Node.For f) {
      if (f.init() != null) {
        execute(f.init());
      }
      while (f.test() == null || Values.truth(eval(f.test()))) {
        if (loopBody(f.body())) {
          break;
        }
        if (f.step() != null) {
          execute(f.step());
        }
      }
    } else if (s instanceof Node.ForIn f) {
      for (String key : new ArrayList<>(array(f.array()).keySet())) {
        store(new Node.Var(f.var()), Values.fromInput(key));
        if (loopBody(f.body())) {
          break;
        }
      }
    } else if (s instanceof Node.Delete d) {
      if (d.keys() == null) {
        array(d.array()).clear();
      } else {
        array(d.array()).remove(key(d.keys()));
      }
    } else if (s instanceof Node.Next) {
      throw new Jump("next", null);
    } else if (s instanceof Node.NextFile) {
      throw new Jump("nextfile", null);
    } else if (s instanceof Node.Exit x) {
      throw new Jump("exit", x.status() == null ? null : eval(x.status()));
    } else if (s instanceof Node.Return r) {
      throw new Jump("return", r.value() == null ? Values.UNINIT : eval(r.value()));
    } else if (s instanceof Node.Break) {
      throw new Jump("break", null);
    } else if (s instanceof Node.Continue) {
      throw new Jump("continue", null);
    }
  }

  /** Runs a loop body; true when it ended with break. */
  private boolean loopBody(Stmt body) {
    stopIfInterrupted();
    try {
      execute(body);
      return false;
    } catch (Jump j) {
      if (j.kind.equals("break")) {
        return true;
      }
      if (j.kind.equals("continue")) {
        return false;
      }
      throw j;
    }
  }

  private void print(Node.Print p) {
    String text;
    if (p.formatted()) {
      Object[] args = new Object[p.args().size() - 1];
      for (int i = 0; i < args.length; i++) {
        args[i] = eval(p.args().get(i + 1));
      }
      String fmt = str(eval(p.args().get(0)));
      try {
        text = Format.sprintf(fmt, args, convfmt());
      } catch (Format.MissingArgument e) {
        io.print(p.mode(), p.mode() == null ? null : str(eval(p.dest())), e.partial);
        throw new AwkException(e.getMessage().replace("sprintf(", "printf("));
      }
    } else if (p.args().isEmpty()) {
      text = Values.str(record.field(0), special("OFMT")) + special("ORS");
    } else {
      StringBuilder sb = new StringBuilder();
      String ofmt = special("OFMT");
      for (int i = 0; i < p.args().size(); i++) {
        if (i > 0) {
          sb.append(special("OFS"));
        }
        sb.append(Values.str(eval(p.args().get(i)), ofmt));
      }
      text = sb.append(special("ORS")).toString();
    }
    io.print(p.mode(), p.mode() == null ? null : str(eval(p.dest())), text);
  }

  Object call(Node.Call c) {
    Node.Function f = program.functions().get(c.function());
    if (f == null) {
      throw new AwkException("function " + c.function() + " never defined");
    }
    if (c.args().size() > f.params().size()) {
      throw new AwkException("too many arguments in call to " + c.function());
    }
    Map<String, Cell> frame = new HashMap<>();
    for (int i = 0; i < f.params().size(); i++) {
      Cell local;
      if (i < c.args().size() && c.args().get(i) instanceof Node.Var v && !v.name().equals("NF")) {
        Cell outer = cell(v.name());
        if (outer.isArray()) {
          local = new Cell();
          local.share(outer.array());
        } else if (outer.isUntyped()) {
          local = new Cell(outer);
        } else {
          local = new Cell();
          local.value = outer.value;
        }
      } else {
        local = new Cell();
        if (i < c.args().size()) {
          local.value = eval(c.args().get(i));
        }
      }
      frame.put(f.params().get(i), local);
    }
    stopIfInterrupted();
    if (++depth > 1000) {
      throw new AwkException("function call nesting too deep");
    }
    frames.push(frame);
    try {
      execute(f.body());
      return Values.UNINIT;
    } catch (Jump j) {
      if (j.kind.equals("return")) {
        return j.value;
      }
      throw j;
    } finally {
      frames.pop();
      depth--;
    }
  }

  Object getline(Node.Getline g) {
    String text;
    if (g.command() != null) {
      text = Io.nextRecord(io.command(str(eval(g.command()))), special("RS"), regex);
    } else if (g.file() != null) {
      Io.Source src = io.file(str(eval(g.file())));
      if (src == null) {
        return -1.0;
      }
      text = Io.nextRecord(src, special("RS"), regex);
    } else {
      String[] got = new String[1];
      if (!mainInput.next(r -> got[0] = r)) {
        return 0.0;
      }
      text = got[0];
    }
    if (text == null) {
      return 0.0;
    }
    if (g.file() == null && g.command() == null) {
      bump("NR");
      bump("FNR");
    }
    if (g.var() == null) {
      setRecord(text);
    } else {
      store(g.var(), Values.fromInput(text));
    }
    return 1.0;
  }

  void bump(String name) {
    Cell c = cell(name);
    c.value = Values.num(c.get()) + 1;
  }

  /** Ctrl-C in the REPL interrupts the thread: an endless loop must end (the flag stays set for the shell). */
  static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new Interrupted();
    }
  }

  /** The program was stopped by Ctrl-C. */
  static final class Interrupted extends RuntimeException {
    Interrupted() {
      super("interrupted", null, false, false);
    }
  }

  /** Whether sub and gsub can store into {@code e}. */
  static boolean isLvalue(Expr e) {
    return e instanceof Node.Var || e instanceof Node.Field || e instanceof Node.Index;
  }
}
