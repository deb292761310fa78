package dev.layerlab.shell.lang;

import dev.layerlab.shell.Machine;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.shell.Programs;
import dev.layerlab.shell.lang.Node.Assignment;
import dev.layerlab.vfs.Vfs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs parsed shell code on one machine: control flow, pipelines, assignments and expansion. */
public final class Interpreter {
  private final Machine machine;
  private final Commands commands;

  public Interpreter(Machine machine) {
    this.machine = machine;
    this.commands = new Commands(this, machine);
  }

  /** Registers {@code sh} and {@code bash}: they run scripts and {@code -c} strings through this interpreter. */
  public static void registerShells(Programs programs) {
    programs.register("sh", ShProgram::run);
    programs.register("bash", ShProgram::run);
    programs.register("dash", ShProgram::run);
  }

  Machine machine() {
    return machine;
  }

  Vfs vfs() {
    return machine.vfs();
  }

  /**
   * Parses and runs {@code source} in {@code state}, printing syntax errors as bash does.
   *
   * @throws ExitRequest when the code ran {@code exit}
   */
  public int run(String source, ShellState state, Io io) {
    Parser.Parsed parsed;
    try {
      parsed = Parser.parse(source);
    } catch (ParseException | ShellError e) {
      // bash runs each complete command as it reads it: the lines before the error run first
      if (!runCompleteLines(source, state, io)) {
        return state.status;
      }
      if (e instanceof ShellError error) {
        io.err().print("bash: " + error.getMessage() + "\n");
        state.status = error.status;
        return error.status;
      }
      ParseException p = (ParseException) e;
      if (!p.getMessage().isEmpty()) {
        for (String line : p.getMessage().split("\n")) {
          io.err().print("bash: " + line + "\n");
        }
      }
      state.status = p.keepsStatus() ? state.status : p.status();
      return state.status;
    }
    runParsed(parsed, state, io);
    return state.status;
  }

  /** Runs the longest run of whole lines at the start of {@code source} that parses; false if it was cut short. */
  private boolean runCompleteLines(String source, ShellState state, Io io) {
    Parser.Parsed prefix = null;
    for (int end = source.indexOf('\n'); end >= 0; end = source.indexOf('\n', end + 1)) {
      if (source.substring(0, end).matches("(?s).*(?<!\\\\)(\\\\\\\\)*\\\\")) {
        continue; // a line continued by a backslash is not a whole line
      }
      try {
        Parser.Parsed p = Parser.parse(source.substring(0, end));
        prefix = p.hereDocOpen() ? prefix : p;
      } catch (ParseException | ShellError e) {
        // this prefix ends inside a command
      }
    }
    return prefix == null || runParsed(prefix, state, io);
  }

  /** Runs parsed code; false when an error abandoned the rest of it. */
  private boolean runParsed(Parser.Parsed parsed, ShellState state, Io io) {
    for (String w : parsed.warnings()) {
      io.err().print("bash: " + w + "\n");
    }
    if (parsed.node() instanceof Node.Sequence s && s.items().isEmpty()) {
      return true; // a blank or comment-only line leaves $? as it was
    }
    try {
      execute(parsed.node(), state, io);
      return true;
    } catch (Jump j) {
      if (j.kind == Jump.Kind.EXIT) {
        state.status = j.value;
        throw new ExitRequest(j.value);
      }
      if (j.kind == Jump.Kind.ABORT) {
        state.status = j.value;
      }
      return j.kind != Jump.Kind.ABORT;
    } catch (ShellError e) {
      // an assignment a builtin makes to a readonly name ends the line, as bash ends a script
      io.err().print("bash: " + e.getMessage() + "\n");
      state.status = e.status;
      return false;
    }
  }

  /** Thrown out of {@link #run} by {@code exit}. */
  public static final class ExitRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ExitRequest(int status) {
      super(null, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  int execute(Node node, ShellState st, Io io) {
    abortIfInterrupted(io);
    int status;
    if (node instanceof Node.Simple s) {
      status = simple(s, st, io);
    } else if (node instanceof Node.Sequence s) {
      status = 0;
      for (Node item : s.items()) {
        status = execute(item, st, io);
      }
    } else if (node instanceof Node.AndOr a) {
      status = andOr(a, st, io);
    } else if (node instanceof Node.Pipeline p) {
      status = p.negated() ? tested(new Node.Pipeline(p.commands(), false), st, io) == 0 ? 1 : 0 : pipeline(p, st, io);
    } else if (node instanceof Node.If i) {
      status = ifClause(i, st, io);
    } else if (node instanceof Node.For f) {
      status = new Loops(this, st, io).forClause(f);
    } else if (node instanceof Node.While w) {
      status = new Loops(this, st, io).whileClause(w);
    } else if (node instanceof Node.Group g) {
      status = g.subshell() ? subshell(g.body(), st, io) : execute(g.body(), st, io);
    } else if (node instanceof Node.Redirected r) {
      status = redirected(r, st, io);
    } else if (node instanceof Node.Case c) {
      status = caseClause(c, st, io);
    } else if (node instanceof Node.ArithCommand a) {
      status = new ArithCommands(this, st, io).command(a.expression());
    } else if (node instanceof Node.ArithFor f) {
      status = new ArithCommands(this, st, io).forLoop(f);
    } else if (node instanceof Node.Conditional c) {
      status = new Conditions(this, st, io).test(c.expression());
    } else {
      Node.Function f = (Node.Function) node;
      st.functions.put(f.name(), f.body());
      status = 0;
    }
    st.status = status;
    abortIfInterrupted(io); // a command that noticed Ctrl-C and returned still ends the line with 130
    if (status != 0 && st.errexit && st.errexitSuppressed == 0 && tripsErrexit(node)) {
      throw new Jump(Jump.Kind.EXIT, status);
    }
    return status;
  }

  private static void abortIfInterrupted(Io io) {
    if (Thread.interrupted()) {
      // the REPL interrupts the thread on Ctrl-C: abandon the line as bash does on SIGINT
      io.out().flush();
      throw new Jump(Jump.Kind.ABORT, 130);
    }
  }

  private int andOr(Node.AndOr a, ShellState st, Io io) {
    int status = tested(a.items().get(0), st, io);
    for (int i = 0; i < a.ops().size(); i++) {
      boolean and = a.ops().get(i).equals("&&");
      if ((status == 0) == and) {
        boolean last = i == a.ops().size() - 1;
        status = last ? execute(a.items().get(i + 1), st, io) : tested(a.items().get(i + 1), st, io);
      }
    }
    return status;
  }

  /** Runs a command whose failure does not end the shell under {@code set -e}: a condition, the left of && or ||. */
  int tested(Node node, ShellState st, Io io) {
    st.errexitSuppressed++;
    try {
      return execute(node, st, io);
    } finally {
      st.errexitSuppressed--;
    }
  }

  /** The commands whose failure ends the shell under {@code set -e}, unless they are being tested. */
  private static boolean tripsErrexit(Node node) {
    return node instanceof Node.Simple || (node instanceof Node.Pipeline p && !p.negated())
        || node instanceof Node.Group || node instanceof Node.ArithCommand || node instanceof Node.Conditional;
  }

  private int pipeline(Node.Pipeline p, ShellState st, Io io) {
    List<Node> parts = p.commands();
    int status = 0;
    InputStream in = io.in();
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      Io partIo = io.withIn(in);
      if (!last) {
        partIo = partIo.withOut(new PrintStream(buffer, true, StandardCharsets.UTF_8), false);
      }
      int partStatus = parts.size() == 1 ? execute(parts.get(i), st, partIo) : subshell(parts.get(i), st, partIo);
      if (!st.pipefail || partStatus != 0 || last) {
        status = st.pipefail && partStatus == 0 ? status : partStatus; // pipefail: the last part that failed
      }
      in = new ByteArrayInputStream(buffer.toByteArray());
    }
    return p.negated() ? (status == 0 ? 1 : 0) : status;
  }

  private int subshell(Node body, ShellState st, Io io) {
    ShellState child = st.copy();
    try {
      return execute(body, child, io);
    } catch (Jump j) {
      if (j.kind == Jump.Kind.ABORT) {
        throw j;
      }
      return j.kind == Jump.Kind.EXIT ? j.value : child.status;
    }
  }

  private int ifClause(Node.If node, ShellState st, Io io) {
    for (int i = 0; i < node.conditions().size(); i++) {
      if (tested(node.conditions().get(i), st, io) == 0) {
        return execute(node.bodies().get(i), st, io);
      }
    }
    return node.otherwise() == null ? 0 : execute(node.otherwise(), st, io);
  }

  private int caseClause(Node.Case node, ShellState st, Io io) {
    Expander expander = new Expander(this, st, io.err());
    String subject;
    try {
      subject = expander.single(node.word());
      for (Node.CaseItem item : node.items()) {
        for (Word pattern : item.patterns()) {
          if (expander.pattern(pattern).matches(subject)) {
            return item.body() == null ? 0 : execute(item.body(), st, io);
          }
        }
      }
    } catch (ShellError e) {
      io.err().print("bash: " + e.getMessage() + "\n");
      return e.status;
    }
    return 0;
  }

  private int redirected(Node.Redirected node, ShellState st, Io io) {
    Expander expander = new Expander(this, st, io.err());
    Redirections redirections;
    try {
      redirections = Redirections.open(node.redirects(), expander, vfs(), st.cwd, io);
    } catch (ShellError e) {
      io.err().print("bash: " + e.getMessage() + "\n");
      return e.status;
    }
    try {
      return execute(node.body(), st, redirections.io());
    } finally {
      redirections.close();
    }
  }

  private int simple(Node.Simple cmd, ShellState st, Io io) {
    Expander expander = new Expander(this, st, io.err());
    Assigner assigner = new Assigner(st, expander);
    List<String> argv;
    Map<Integer, Assignment> declared = new HashMap<>();
    List<String[]> prefix = new ArrayList<>();
    Redirections redirections;
    st.substitutionStatus = 0;
    try {
      argv = words(cmd.words(), expander, assigner, declared);
      String trace = "+".repeat(st.traceLevel + 1) + " ";
      for (Assignment a : cmd.assignments()) {
        String value;
        if (argv.isEmpty() || Assigner.isArray(a)) {
          value = assigner.assign(a); // left to right: b=$a sees the a just assigned
        } else {
          prefix.add(new String[] {a.name(), assigner.scalar(a)});
          value = prefix.get(prefix.size() - 1)[1];
        }
        if (st.xtrace && value != null) {
          String target = a.index() == null ? a.name() : a.name() + "[" + a.index() + "]";
          io.err().print(trace + target + (a.append() ? "+=" : "=") + Options.quoted(value) + "\n");
        }
      }
      if (st.xtrace && !argv.isEmpty()) {
        io.err().print(trace + String.join(" ", argv.stream().map(Options::quoted).toList()) + "\n");
      }
      redirections = Redirections.open(cmd.redirects(), expander, vfs(), st.cwd, io);
    } catch (ShellError e) {
      io.err().print("bash: " + e.getMessage() + "\n");
      if (e.abortsLine) {
        throw new Jump(Jump.Kind.ABORT, e.status);
      }
      return e.status;
    }
    try {
      if (argv.isEmpty()) {
        return st.substitutionStatus;
      }
      return commands.invoke(argv, prefix, declared, st, redirections.io());
    } finally {
      redirections.close();
    }
  }

  /**
   * The fields of a command's words. The assignments among a declaration builtin's arguments
   * ({@code local a=$x b=(1 2)}) are not split or globbed: they go to {@code declared} by position.
   */
  private static List<String> words(List<Word> words, Expander expander, Assigner assigner,
      Map<Integer, Assignment> declared) {
    if (words.isEmpty() || !Assignments.declares(words.get(0))) {
      return expander.fields(words);
    }
    List<String> argv = new ArrayList<>();
    for (Word word : words) {
      Assignment a = argv.isEmpty() ? null : Assignments.parse(word);
      if (a == null) {
        argv.addAll(expander.fields(List.of(word)));
      } else {
        declared.put(argv.size(), a);
        argv.add(Assigner.isArray(a) ? a.name() : a.name() + "=" + assigner.scalar(a));
      }
    }
    return argv;
  }

  /** The output of {@code $(source)} run in a subshell, trailing newlines removed. */
  String substitute(String source, ShellState st, PrintStream err) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    Io io = new Io(InputStream.nullInputStream(), out, err, false, false, 80);
    ShellState child = st.copy();
    child.errexit = false; // bash does not pass set -e into $(...) unless inherit_errexit is set
    child.traceLevel++;
    int status;
    try {
      status = execute(Parser.parse(source).node(), child, io);
    } catch (ParseException e) {
      err.print("bash: " + e.getMessage().split("\n")[0] + "\n");
      status = 2;
    } catch (Jump j) {
      if (j.kind == Jump.Kind.ABORT) {
        throw j;
      }
      status = j.kind == Jump.Kind.EXIT ? j.value : child.status;
    }
    st.substitutionStatus = status;
    String text = buffer.toString(StandardCharsets.UTF_8);
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    return text.substring(0, end);
  }

  /** Runs a script in a fresh child shell of a program's context (for {@code sh}, {@code #!} scripts). */
  int runScript(String source, String arg0, List<String> positional, ProgramContext ctx) {
    ShellState child = new ShellState(ctx.env(), ctx.cwd());
    child.arg0 = arg0;
    child.positional = new ArrayList<>(positional);
    Io io = new Io(ctx.in(), ctx.out(), ctx.err(), ctx.tty(), ctx.colour(), ctx.width());
    try {
      return run(source, child, io);
    } catch (ExitRequest e) {
      return e.status();
    }
  }
}
