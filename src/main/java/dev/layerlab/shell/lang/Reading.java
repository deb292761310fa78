package dev.layerlab.shell.lang;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The builtins that read standard input into variables: {@code read} and {@code mapfile}/{@code readarray}. */
final class Reading {
  private static final String READ_USAGE = "read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] "
      + "[-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]";

  private final ShellState st;
  private final Io io;

  Reading(ShellState st, Io io) {
    this.st = st;
    this.io = io;
  }

  /** {@code read [-r] [-p prompt] [-a array] [name...]}: one line, split on blanks. */
  int read(List<String> args) {
    List<String> names = new ArrayList<>();
    boolean raw = false;
    String array = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-r")) {
        raw = true;
      } else if (a.equals("-p") && i + 1 < args.size()) {
        io.err().print(args.get(++i));
      } else if (a.equals("-a")) {
        if (i + 1 >= args.size()) {
          io.err().print("bash: read: -a: option requires an argument\n" + READ_USAGE + "\n");
          return 2;
        }
        array = args.get(++i);
      } else {
        names.add(a);
      }
    }
    if (names.isEmpty()) {
      names.add("REPLY");
    }
    String line = line();
    if (line == null) {
      if (array != null) {
        st.setArray(array, new TreeMap<>());
      }
      return 1;
    }
    String text = raw ? stripNewline(line) : stripNewline(line).replaceAll("\\\\(.)", "$1");
    if (array != null) {
      TreeMap<Long, String> elements = new TreeMap<>();
      for (String field : text.strip().split("[ \t\n]+")) {
        if (!field.isEmpty()) {
          elements.put((long) elements.size(), field);
        }
      }
      st.setArray(array, elements);
      return line.endsWith("\n") ? 0 : 1;
    }
    String rest = text.strip();
    for (int i = 0; i < names.size(); i++) {
      if (i == names.size() - 1 || names.get(0).equals("REPLY")) {
        st.set(names.get(i), names.get(0).equals("REPLY") ? text : rest);
        break;
      }
      String[] split = rest.split("[ \t]+", 2);
      st.set(names.get(i), split[0]);
      rest = split.length > 1 ? split[1] : "";
    }
    return line.endsWith("\n") ? 0 : 1;
  }

  /** {@code mapfile [-t] [array]}: every line of standard input, into {@code MAPFILE} by default. */
  int mapfile(String name, List<String> args) {
    boolean trim = false;
    String array = "MAPFILE";
    for (String a : args) {
      if (a.equals("-t")) {
        trim = true;
      } else if (a.startsWith("-")) {
        io.err().print("bash: " + name + ": " + a + ": invalid option\n" + name
            + ": usage: " + name + " [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] "
            + "[-c quantum] [array]\n");
        return 2;
      } else {
        array = a;
      }
    }
    TreeMap<Long, String> elements = new TreeMap<>();
    for (String line = line(); line != null; line = line()) {
      elements.put((long) elements.size(), trim ? stripNewline(line) : line);
    }
    st.setArray(array, elements);
    return 0;
  }

  /** The next line with its newline, the last one without; null at the end of the input. */
  private String line() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = io.in().read()) >= 0) {
        line.write(b);
        if (b == '\n') {
          break;
        }
      }
    } catch (IOException e) {
      return null;
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  private static String stripNewline(String line) {
    return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
  }
}
