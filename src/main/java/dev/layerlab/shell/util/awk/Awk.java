package dev.layerlab.shell.util.awk;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code awk} as mawk 1.3.4 (Debian's and Ubuntu's /usr/bin/awk) runs it: options, the program
 * text, and the records of the file operands or standard input. Text is handled as bytes.
 */
public final class Awk implements Program {
  private static final String USAGE = """
      Usage: mawk [Options] [Program] [file ...]

      Program:
          The -f option value is the name of a file containing program text.
          If no -f option is given, a "--" ends option processing; the following
          parameters are the program text.

      Options:
          -f program-file  Program  text is read from file instead of from the
                           command-line.  Multiple -f options are accepted.
          -F value         sets the field separator, FS, to value.
          -v var=value     assigns value to program variable var.
          --               unambiguous end of options.

          Implementation-specific options are prefixed with "-W".  They can be
          abbreviated:

          -W version       show version information and exit.
          -W dump          show assembler-like listing of program and exit.
          -W help          show this message and exit.
          -W interactive   set unbuffered output, line-buffered input.
          -W exec file     use file as program as well as last option.
          -W random=number set initial random seed.
          -W sprintf=number adjust size of sprintf buffer.
          -W posix_space   do not consider "\\n" a space.
          -W usage         show this message and exit.
      """;

  @Override
  public int run(ProgramContext ctx) {
    String me = ctx.name();
    List<String> args = ctx.operands().stream().map(Bytes::of).toList();
    List<String> progFiles = new ArrayList<>();
    List<String[]> assignments = new ArrayList<>();
    String fs = null;
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
      String a = args.get(i++);
      if (a.equals("--")) {
        break;
      }
      char opt = a.charAt(1);
      if ("fFvW".indexOf(opt) < 0) {
        return fail(ctx, me + ": not an option: " + a);
      }
      String value = a.length() > 2 ? a.substring(2) : i < args.size() ? args.get(i++) : null;
      if (value == null) {
        return fail(ctx, me + ": option -" + opt + " lacks argument");
      }
      switch (opt) {
        case 'f' -> progFiles.add(value);
        case 'F' -> fs = Lexer.unescape(value);
        case 'v' -> {
          int eq = value.indexOf('=');
          if (eq <= 0 || !value.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return fail(ctx, me + ": improper assignment: -v " + value);
          }
          assignments.add(new String[] {value.substring(0, eq), value.substring(eq + 1)});
        }
        default -> {
          if (value.startsWith("v")) {
            ctx.out().print("mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\n"
                + "Copyright 1991-1996,2014, Michael D. Brennan\n\n");
            ctx.err().print("random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\n"
                + "sprintf buffer      8192\nmaximum-integer     2147483647\n");
            return 0;
          }
        }
      }
    }
    String source;
    String where = "";
    if (progFiles.isEmpty()) {
      if (i >= args.size()) {
        ctx.err().print(USAGE);
        return 0;
      }
      source = args.get(i++);
    } else {
      StringBuilder sb = new StringBuilder();
      for (String f : progFiles) {
        Io reader = new Io(ctx);
        String text = reader.read(f);
        if (text == null) {
          return fail(ctx, me + ": cannot open " + f + " (" + reader.lastError + ")");
        }
        sb.append(text);
        where = f + ": ";
      }
      source = sb.toString();
    }
    Node.Program program;
    try {
      program = new Parser(source).program();
    } catch (AwkException e) {
      return fail(ctx, me + ": " + where + "line " + e.line() + ": " + e.getMessage());
    }
    Io io = new Io(ctx);
    Interp interp = new Interp(program, io);
    Inputs inputs = new Inputs(interp, io);
    try {
      Inputs.initialise(interp, ctx, me, args.subList(i, args.size()), ctx.env());
      if (fs != null) {
        interp.cell("FS").value = fs;
      }
      for (String[] a : assignments) {
        interp.cell(a[0]).value = Values.fromInput(Lexer.unescape(a[1]));
      }
      int status = interp.run(inputs);
      ctx.out().flush();
      return status;
    } catch (Interp.Interrupted e) {
      ctx.out().flush();
      return 130;
    } catch (AwkException e) {
      io.closeAll();
      ctx.out().flush();
      if (e.getMessage().startsWith("cannot open ") || e.getMessage().startsWith("read error")) {
        return fail(ctx, me + ": " + e.getMessage());
      }
      return fail(ctx, me + ": run time error: " + e.getMessage() + "\n\tFILENAME=\"" + interp.special("FILENAME")
          + "\" FNR=" + interp.special("FNR") + " NR=" + interp.special("NR"));
    }
  }

  private static int fail(ProgramContext ctx, String message) {
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.ISO_8859_1);
    ctx.err().write(bytes, 0, bytes.length);
    return 2;
  }
}
