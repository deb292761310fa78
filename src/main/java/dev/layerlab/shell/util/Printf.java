package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.util.List;

/** {@code printf FORMAT [ARG...]}: the format is reused until the arguments run out. */
final class Printf implements Program {
  private List<String> args;
  private int next;
  private int status;
  private ProgramContext ctx;

  @Override
  public int run(ProgramContext context) {
    Printf state = new Printf();
    return state.print(context);
  }

  private int print(ProgramContext context) {
    ctx = context;
    List<String> operands = ctx.operands();
    if (!operands.isEmpty() && operands.get(0).equals("--")) {
      operands = operands.subList(1, operands.size());
    }
    if (operands.isEmpty()) {
      ctx.err().print("bash: printf: usage: printf [-v var] format [arguments]\n");
      return 2;
    }
    String format = operands.get(0);
    args = operands.subList(1, operands.size());
    StringBuilder out = new StringBuilder();
    boolean[] stop = {false};
    do {
      int before = next;
      once(format, out, stop);
      if (next == before) {
        break;
      }
    } while (next < args.size() && !stop[0]);
    Text.print(ctx.out(), out.toString());
    return status;
  }

  private void once(String format, StringBuilder out, boolean[] stop) {
    for (int i = 0; i < format.length() && !stop[0]; i++) {
      char c = format.charAt(i);
      if (c == '\\') {
        int end = escapeEnd(format, i);
        out.append(Escapes.expand(format.substring(i, end), false, stop));
        i = end - 1;
      } else if (c == '%') {
        if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
          out.append('%');
          i++;
          continue;
        }
        int j = i + 1;
        while (j < format.length() && "-+ #0".indexOf(format.charAt(j)) >= 0) {
          j++;
        }
        while (j < format.length() && (Character.isDigit(format.charAt(j)) || format.charAt(j) == '.')) {
          j++;
        }
        if (j >= format.length()) {
          out.append(format, i, j);
          break;
        }
        String spec = format.substring(i, j);
        out.append(convert(spec, format.charAt(j), stop));
        i = j;
      } else {
        out.append(c);
      }
    }
  }

  private static int escapeEnd(String f, int i) {
    if (i + 1 >= f.length()) {
      return f.length();
    }
    char n = f.charAt(i + 1);
    int j = i + 2;
    if (n >= '0' && n <= '7') {
      while (j < f.length() && j < i + 4 && f.charAt(j) >= '0' && f.charAt(j) <= '7') {
        j++;
      }
    } else if (n == 'x') {
      while (j < f.length() && j < i + 4 && Character.digit(f.charAt(j), 16) >= 0) {
        j++;
      }
    }
    return j;
  }

  private String nextArg() {
    return next < args.size() ? args.get(next++) : null;
  }

  private String convert(String spec, char conv, boolean[] stop) {
    String arg = nextArg();
    switch (conv) {
      case 's':
        return String.format(spec + "s", arg == null ? "" : arg);
      case 'b':
        return String.format(spec + "s", arg == null ? "" : Escapes.expand(arg, true, stop));
      case 'c':
        return String.format(spec + "s", arg == null || arg.isEmpty() ? "" : arg.substring(0, 1));
      case 'd', 'i':
        return String.format(spec + "d", integer(arg));
      case 'u':
        return Long.toUnsignedString(integer(arg));
      case 'o', 'x', 'X':
        return String.format(spec + conv, integer(arg));
      case 'f', 'e', 'E', 'g', 'G':
        return String.format(spec + conv, real(arg));
      case 'q':
        return dev.layerlab.shell.lang.Quoting.shell(arg == null ? "" : arg);
      default:
        ctx.err().print("bash: printf: `" + conv + "': invalid format character\n");
        status = 1;
        stop[0] = true;
        return "";
    }
  }

  private long integer(String arg) {
    if (arg == null || arg.isEmpty()) {
      return 0;
    }
    String a = arg.trim();
    try {
      if (a.startsWith("'") || a.startsWith("\"")) {
        return a.length() > 1 ? a.charAt(1) : 0;
      }
      if (a.startsWith("0x") || a.startsWith("0X")) {
        return Long.parseLong(a.substring(2), 16);
      }
      if (a.length() > 1 && a.startsWith("0")) {
        return Long.parseLong(a.substring(1), 8);
      }
      return Long.parseLong(a);
    } catch (NumberFormatException e) {
      ctx.err().print("bash: printf: " + arg + ": invalid number\n");
      status = 1;
      return 0;
    }
  }

  private double real(String arg) {
    if (arg == null || arg.isEmpty()) {
      return 0;
    }
    try {
      return Double.parseDouble(arg.trim());
    } catch (NumberFormatException e) {
      ctx.err().print("bash: printf: " + arg + ": invalid number\n");
      status = 1;
      return 0;
    }
  }
}
