package dev.layerlab.shell.util.awk;

/**
 * awk's values: a Double (number), a String, or a {@link StrNum} (input that looks numeric, and
 * the uninitialised value), with mawk's conversions between them.
 */
final class Values {
  /** A string from input that also has a number: compared numerically against numbers. */
  record StrNum(String text, double number) {
    @Override
    public String toString() {
      return text;
    }
  }

  static final StrNum UNINIT = new StrNum("", 0);
  /** C's default NaN from invalid operations (log(-1), x % 0) has the sign bit set: printed "-nan". */
  static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8000000000000L);
  /** mawk prints an integral number as an integer only within C's int range. */
  private static final double MAX_INT = 2147483647.0;

  private Values() {}

  static boolean isNumeric(Object v) {
    return v instanceof Double || v instanceof StrNum;
  }

  static double num(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof StrNum s) {
      return s.number();
    }
    return toNumber((String) v);
  }

  static String str(Object v, String convfmt) {
    if (v instanceof Double d) {
      return numberToString(d, convfmt);
    }
    return v.toString();
  }

  static boolean truth(Object v) {
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof StrNum s) {
      return s == UNINIT ? false : s.number() != 0;
    }
    return !((String) v).isEmpty();
  }

  static String numberToString(double d, String fmt) {
    if (d == Math.rint(d) && d >= -MAX_INT && d <= MAX_INT) {
      return Long.toString((long) d);
    }
    return Format.sprintf(fmt, new Object[] {d}, fmt);
  }

  /** A field or other input: a StrNum when the whole text (blanks aside) is a decimal number. */
  static Object fromInput(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && blank(s.charAt(i))) {
      i++;
    }
    while (n > i && blank(s.charAt(n - 1))) {
      n--;
    }
    if (i == n) {
      return s;
    }
    int j = i;
    if (s.charAt(j) == '+' || s.charAt(j) == '-') {
      j++;
    }
    int digits = 0;
    while (j < n && Character.isDigit(s.charAt(j))) {
      j++;
      digits++;
    }
    if (j < n && s.charAt(j) == '.') {
      j++;
      while (j < n && Character.isDigit(s.charAt(j))) {
        j++;
        digits++;
      }
    }
    if (digits == 0) {
      return s;
    }
    if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      int k = j + 1;
      if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
        k++;
      }
      if (k < n && Character.isDigit(s.charAt(k))) {
        while (k < n && Character.isDigit(s.charAt(k))) {
          k++;
        }
        j = k;
      }
    }
    return j == n ? new StrNum(s, toNumber(s)) : s;
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\n';
  }

  /** C's strtod on the longest numeric prefix: decimal, hexadecimal, inf and nan; 0 when none. */
  static double toNumber(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    int start = i;
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    String rest = s.substring(i).toLowerCase();
    if (rest.startsWith("inf")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (rest.startsWith("nan")) {
      return Double.NaN;
    }
    if (rest.startsWith("0x") && rest.length() > 2 && Character.digit(rest.charAt(2), 16) >= 0) {
      double v = 0;
      int k = 2;
      while (k < rest.length() && Character.digit(rest.charAt(k), 16) >= 0) {
        v = v * 16 + Character.digit(rest.charAt(k), 16);
        k++;
      }
      return negative ? -v : v;
    }
    int j = i;
    int digits = 0;
    while (j < n && Character.isDigit(s.charAt(j))) {
      j++;
      digits++;
    }
    if (j < n && s.charAt(j) == '.') {
      j++;
      while (j < n && Character.isDigit(s.charAt(j))) {
        j++;
        digits++;
      }
    }
    if (digits == 0) {
      return 0;
    }
    if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      int k = j + 1;
      if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
        k++;
      }
      if (k < n && Character.isDigit(s.charAt(k))) {
        while (k < n && Character.isDigit(s.charAt(k))) {
          k++;
        }
        j = k;
      }
    }
    return Double.parseDouble(s.substring(start, j));
  }

  /** awk's comparison: numeric when both sides are numbers or numeric strings, else by bytes. */
  static int compare(Object a, Object b, String convfmt) {
    if (isNumeric(a) && isNumeric(b)) {
      double x = num(a);
      double y = num(b);
      return x > y ? 1 : x < y ? -1 : 0;
    }
    return str(a, convfmt).compareTo(str(b, convfmt));
  }
}
