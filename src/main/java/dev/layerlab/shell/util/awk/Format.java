package dev.layerlab.shell.util.awk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** printf's conversions with C's rounding (of the exact binary value) and C's %g. */
final class Format {
  private static final double MAX_INT = 2147483647.0;

  private Format() {}

  /** Too few arguments: printf has already written what came before the failing conversion. */
  static final class MissingArgument extends AwkException {
    final String partial;

    MissingArgument(String message, String partial) {
      super(message);
      this.partial = partial;
    }
  }

  static String sprintf(String fmt, Object[] args, String convfmt) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i < fmt.length() && fmt.charAt(i) == '%') {
        out.append('%');
        i++;
        continue;
      }
      int start = i - 1;
      String flags = "";
      while (i < fmt.length() && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
        flags += fmt.charAt(i++);
      }
      int width = -1;
      if (i < fmt.length() && fmt.charAt(i) == '*') {
        i++;
        width = (int) Values.num(arg(args, next++));
        if (width < 0) {
          flags += "-";
          width = -width;
        }
      } else {
        while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
          width = Math.max(width, 0) * 10 + fmt.charAt(i++) - '0';
        }
      }
      int precision = -1;
      if (i < fmt.length() && fmt.charAt(i) == '.') {
        i++;
        precision = 0;
        if (i < fmt.length() && fmt.charAt(i) == '*') {
          i++;
          precision = (int) Values.num(arg(args, next++));
        } else {
          while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
            precision = precision * 10 + fmt.charAt(i++) - '0';
          }
        }
      }
      while (i < fmt.length() && "hlLqjzt".indexOf(fmt.charAt(i)) >= 0) {
        i++;
      }
      if (i >= fmt.length()) {
        throw new AwkException("bad conversion: " + fmt.substring(start));
      }
      char conv = fmt.charAt(i++);
      if ("diouxXcseEfFgG".indexOf(conv) < 0) {
        throw new AwkException("bad conversion: " + fmt.substring(start, i));
      }
      if (next >= args.length) {
        throw new MissingArgument("not enough arguments passed to sprintf(\"" + fmt + "\")", out.toString());
      }
      Object v = args[next++];
      out.append(pad(convert(conv, flags, precision, v, convfmt), flags, width, conv));
    }
    return out.toString();
  }

  private static Object arg(Object[] args, int i) {
    return i < args.length ? args[i] : Values.UNINIT;
  }

  private static String convert(char conv, String flags, int precision, Object v, String convfmt) {
    switch (conv) {
      case 's': {
        String s = Values.str(v, convfmt);
        return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
      }
      case 'c': {
        if (Values.isNumeric(v)) {
          return String.valueOf((char) (((long) clamp(Values.num(v))) & 0xff));
        }
        String s = v.toString();
        return s.isEmpty() ? "\0" : s.substring(0, 1);
      }
      case 'd':
      case 'i': {
        long d = (long) clamp(Values.num(v));
        String digits = Long.toString(Math.abs(d));
        if (precision >= 0) {
          digits = zeros(precision - digits.length()) + digits;
          if (precision == 0 && d == 0) {
            digits = "";
          }
        }
        return sign(d < 0, flags) + digits;
      }
      case 'o':
      case 'x':
      case 'X':
      case 'u': {
        double raw = Values.num(v);
        long n = Double.isNaN(raw) ? 0 : (long) Math.max(0, Math.min(4294967295.0, raw));
        String digits = conv == 'o' ? Long.toOctalString(n) : conv == 'u' ? Long.toUnsignedString(n)
            : Long.toHexString(n);
        if (conv == 'X') {
          digits = digits.toUpperCase();
        }
        if (precision >= 0) {
          digits = zeros(precision - digits.length()) + digits;
        }
        if (flags.contains("#") && n != 0) {
          digits = (conv == 'o' ? "0" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "") + digits;
        }
        return digits;
      }
      default:
        return floating(conv, flags, precision < 0 ? 6 : precision, Values.num(v));
    }
  }

  private static double clamp(double d) {
    if (Double.isNaN(d)) {
      return -MAX_INT;
    }
    return Math.max(-MAX_INT, Math.min(MAX_INT, d));
  }

  private static String sign(boolean negative, String flags) {
    return negative ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
  }

  private static String zeros(int n) {
    return n <= 0 ? "" : "0".repeat(n);
  }

  static String floating(char conv, String flags, int precision, double d) {
    boolean negative = Double.doubleToRawLongBits(d) < 0;
    String body;
    if (Double.isNaN(d)) {
      body = "nan";
    } else if (Double.isInfinite(d)) {
      body = "inf";
    } else {
      double a = Math.abs(d);
      body = switch (conv) {
        case 'f', 'F' -> fixed(a, precision, flags.contains("#"));
        case 'e', 'E' -> scientific(a, precision, flags.contains("#"));
        default -> general(a, precision, flags.contains("#"));
      };
    }
    if (Character.isUpperCase(conv)) {
      body = body.toUpperCase();
    }
    return sign(negative, flags) + body;
  }

  private static String fixed(double a, int precision, boolean alt) {
    String s = new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    return alt && precision == 0 ? s + "." : s;
  }

  private static String scientific(double a, int precision, boolean alt) {
    if (a == 0) {
      return "0" + (precision > 0 ? "." + zeros(precision) : alt ? "." : "") + "e+00";
    }
    BigDecimal r = new BigDecimal(a).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
    int exponent = r.precision() - r.scale() - 1;
    String digits = r.unscaledValue().toString();
    digits = (digits + zeros(precision + 1 - digits.length())).substring(0, precision + 1);
    String mantissa = digits.charAt(0) + (precision > 0 ? "." + digits.substring(1) : alt ? "." : "");
    String exp = String.valueOf(Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
  }

  private static String general(double a, int precision, boolean alt) {
    int p = precision == 0 ? 1 : precision;
    int exponent;
    if (a == 0) {
      exponent = 0;
    } else {
      BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
      exponent = r.precision() - r.scale() - 1;
    }
    String s = exponent < -4 || exponent >= p ? scientific(a, p - 1, alt) : fixed(a, p - 1 - exponent, alt);
    if (alt) {
      return s;
    }
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "");
      if (mantissa.endsWith(".")) {
        mantissa = mantissa.substring(0, mantissa.length() - 1);
      }
    }
    return e < 0 ? mantissa : mantissa + s.substring(e);
  }

  private static String pad(String s, String flags, int width, char conv) {
    if (width < 0 || s.length() >= width) {
      return s;
    }
    if (flags.contains("-")) {
      return s + " ".repeat(width - s.length());
    }
    if (flags.contains("0") && "sc".indexOf(conv) < 0) {
      int signs = !s.isEmpty() && "+- ".indexOf(s.charAt(0)) >= 0 ? 1 : 0;
      if (s.startsWith("0x") || s.startsWith("0X")) {
        signs = 2;
      }
      return s.substring(0, signs) + "0".repeat(width - s.length()) + s.substring(signs);
    }
    return " ".repeat(width - s.length()) + s;
  }
}
