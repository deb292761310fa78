package dev.layerlab.shell.util.awk;

import dev.layerlab.shell.ProgramContext;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The main input: ARGV's operands in turn (files, "-" and var=value assignments), or standard input. */
final class Inputs implements Interp.MainInput {
  private final Interp interp;
  private final Io io;
  private int next = 1;
  private boolean sawFile;
  private Io.Source current;

  Inputs(Interp interp, Io io) {
    this.interp = interp;
    this.io = io;
  }

  /** The special variables' starting values, ARGV and ENVIRON. */
  static void initialise(Interp interp, ProgramContext ctx, String me, List<String> operands, Map<String, String> env) {
    set(interp, "FS", " ");
    set(interp, "OFS", " ");
    set(interp, "ORS", "\n");
    set(interp, "RS", "\n");
    set(interp, "SUBSEP", "\034");
    set(interp, "CONVFMT", "%.6g");
    set(interp, "OFMT", "%.6g");
    set(interp, "FILENAME", "");
    interp.cell("NR").value = 0.0;
    interp.cell("FNR").value = 0.0;
    interp.cell("RSTART").value = 0.0;
    interp.cell("RLENGTH").value = -1.0;
    Map<String, Object> argv = interp.array("ARGV");
    argv.put("0", me);
    for (int i = 0; i < operands.size(); i++) {
      argv.put(Integer.toString(i + 1), Values.fromInput(operands.get(i)));
    }
    interp.cell("ARGC").value = operands.size() + 1.0;
    Map<String, Object> environ = interp.array("ENVIRON");
    for (Map.Entry<String, String> e : env.entrySet()) {
      environ.put(Bytes.of(e.getKey()), Values.fromInput(Bytes.of(e.getValue())));
    }
  }

  private static void set(Interp interp, String name, String value) {
    interp.cell(name).value = value;
  }

  @Override
  public void skipFile() {
    current = null;
  }

  @Override
  public boolean next(Consumer<String> into) {
    while (true) {
      if (current != null) {
        String record = Io.nextRecord(current, interp.special("RS"), interp.regex);
        if (record != null) {
          into.accept(record);
          return true;
        }
        current = null;
      }
      if (!open()) {
        return false;
      }
    }
  }

  /** Opens the next file operand; false when none is left. */
  private boolean open() {
    int argc = (int) Values.num(interp.cell("ARGC").get());
    Map<String, Object> argv = interp.array("ARGV");
    while (next < argc) {
      Object value = argv.get(Integer.toString(next++));
      String arg = value == null ? "" : interp.str(value);
      if (arg.isEmpty()) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq > 0 && arg.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
        interp.store(new Node.Var(arg.substring(0, eq)), Values.fromInput(Lexer.unescape(arg.substring(eq + 1))));
        continue;
      }
      return start(arg);
    }
    if (!sawFile) {
      return start("-");
    }
    return false;
  }

  private boolean start(String name) {
    sawFile = true;
    String data = io.read(name);
    if (data == null) {
      throw new AwkException(io.lastError.equals("Is a directory") ? "read error (Is a directory)"
          : "cannot open " + name + " (" + io.lastError + ")");
    }
    current = new Io.Source(data);
    interp.cell("FILENAME").value = name;
    interp.cell("FNR").value = 0.0;
    return true;
  }
}
