package dev.layerlab.shell.util.awk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** $0 and its fields: split when a record is set, rebuilt with OFS when a field or NF changes. */
final class Record {
  private static final Pattern BLANKS = Pattern.compile("[ \t\n]+");

  private String text = "";
  private final List<Object> fields = new ArrayList<>();
  /** A record rebuilt from its fields is a string, never a numeric string. */
  private boolean rebuilt;
  /** A number assigned to $0 stays a number (printed with OFMT) while its fields come from CONVFMT. */
  private Double number;

  String text() {
    return text;
  }

  int nf() {
    return fields.size();
  }

  void set(String record, String fs, Regex regex) {
    text = record;
    rebuilt = false;
    number = null;
    fields.clear();
    for (String f : split(record, fs, regex)) {
      fields.add(Values.fromInput(f));
    }
  }

  void keepNumber(Double value) {
    number = value;
  }

  Object field(int i) {
    if (i == 0) {
      return number != null ? number : rebuilt ? text : Values.fromInput(text);
    }
    return i <= fields.size() ? fields.get(i - 1) : "";
  }

  void setField(int i, Object value, String ofs, String convfmt) {
    while (fields.size() < i) {
      fields.add("");
    }
    fields.set(i - 1, value);
    rebuild(ofs, convfmt);
  }

  void setNf(int n, String ofs, String convfmt) {
    while (fields.size() > n) {
      fields.remove(fields.size() - 1);
    }
    while (fields.size() < n) {
      fields.add("");
    }
    rebuild(ofs, convfmt);
  }

  private void rebuild(String ofs, String convfmt) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(ofs);
      }
      sb.append(Values.str(fields.get(i), convfmt));
    }
    text = sb.toString();
    rebuilt = true;
    number = null;
  }

  /** Splits as FS says: " " on blank runs, one other character literally, anything longer as a regex. */
  static List<String> split(String s, String fs, Regex regex) {
    List<String> out = new ArrayList<>();
    if (fs.equals(" ")) {
      for (String f : BLANKS.split(s)) {
        if (!f.isEmpty()) {
          out.add(f);
        }
      }
      return out;
    }
    if (s.isEmpty()) {
      return out;
    }
    if (fs.isEmpty()) {
      for (int i = 0; i < s.length(); i++) {
        out.add(s.substring(i, i + 1));
      }
      return out;
    }
    // mawk splits a paragraph (RS = "") at newlines only when FS is " ", unlike POSIX.
    Pattern p = fs.length() == 1 && fs.charAt(0) != '\\' ? Pattern.compile(Pattern.quote(fs)) : regex.compile(fs);
    int start = 0;
    int from = 0;
    Regex.Found m;
    while (from <= s.length() && (m = Regex.find(p, s, from)) != null) {
      if (m.end() == m.start()) {
        from = m.start() + 1;
        continue;
      }
      out.add(s.substring(start, m.start()));
      start = m.end();
      from = m.end();
    }
    out.add(s.substring(start));
    return out;
  }
}
