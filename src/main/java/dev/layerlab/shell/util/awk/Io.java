package dev.layerlab.shell.util.awk;

import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Files, standard streams and commands that awk reads records from and prints to; bytes are Latin-1 chars. */
final class Io {
  /** An input being read record by record. */
  static final class Source {
    final String data;
    int pos;

    Source(String data) {
      this.data = data;
    }
  }

  /** An output: a file written at flush, or a command fed at close. */
  private static final class Sink {
    final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    final boolean command;
    boolean append;

    Sink(boolean command, boolean append) {
      this.command = command;
      this.append = append;
    }
  }

  private final ProgramContext ctx;
  private final Map<String, Source> inputs = new LinkedHashMap<>();
  private final Map<String, Sink> outputs = new LinkedHashMap<>();
  private String stdin;
  /** Why the last {@link #read} failed, in errno's words. */
  String lastError = "No such file or directory";

  Io(ProgramContext ctx) {
    this.ctx = ctx;
  }

  /** A file's (or "-" standard input's) whole content, or null when it cannot be opened. */
  String read(String name) {
    if (name.equals("-") || name.equals("/dev/stdin")) {
      if (stdin == null) {
        try {
          stdin = new String(ctx.in().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
          return null;
        }
        return stdin;
      }
      return "";
    }
    try {
      return new String(ctx.vfs().read(ctx.path(Bytes.text(name))), StandardCharsets.ISO_8859_1);
    } catch (VfsException e) {
      lastError = e.reason();
      return null;
    }
  }

  /** The next record of {@code src} under RS, or null at its end. */
  static String nextRecord(Source src, String rs, Regex regex) {
    String d = src.data;
    if (rs.isEmpty()) {
      while (src.pos < d.length() && d.charAt(src.pos) == '\n') {
        src.pos++;
      }
      if (src.pos >= d.length()) {
        return null;
      }
      Matcher m = regex.compile("\n\n+").matcher(d);
      if (m.find(src.pos)) {
        String r = d.substring(src.pos, m.start());
        src.pos = m.end();
        return r;
      }
      String r = d.substring(src.pos);
      src.pos = d.length();
      return r.endsWith("\n") ? r.substring(0, r.length() - 1) : r;
    }
    if (src.pos >= d.length()) {
      return null;
    }
    int start = src.pos;
    int end;
    int next;
    if (rs.length() == 1) {
      end = d.indexOf(rs.charAt(0), start);
      next = end + 1;
    } else {
      Matcher m = regex.compile(rs).matcher(d);
      end = m.find(start) ? m.start() : -1;
      next = end < 0 ? -1 : Math.max(m.end(), end + 1);
    }
    if (end < 0) {
      src.pos = d.length();
      return d.substring(start);
    }
    src.pos = next;
    return d.substring(start, end);
  }

  /** The source of {@code getline < name}, opened on first use; null when it cannot be. */
  Source file(String name) {
    Source s = inputs.get(name);
    if (s == null) {
      flushAll();
      String data = read(name);
      if (data == null) {
        return null;
      }
      s = new Source(data);
      inputs.put(name, s);
    }
    return s;
  }

  /** The source of {@code command | getline}: the command's whole output, run on first use. */
  Source command(String command) {
    Source s = inputs.get(command);
    if (s == null) {
      flushAll();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      run(command, new byte[0], new PrintStream(out, true, StandardCharsets.ISO_8859_1));
      s = new Source(out.toString(StandardCharsets.ISO_8859_1));
      inputs.put(command, s);
    }
    return s;
  }

  int run(String commandBytes, byte[] input, PrintStream out) {
    String command = Bytes.text(commandBytes);
    ProgramContext child = new ProgramContext(List.of("sh", "-c", command), ctx.machine(), ctx.cwd(), ctx.env(),
        new ByteArrayInputStream(input), out, ctx.err(), false, ctx.colour(), ctx.width(), ctx.scripts());
    return ctx.scripts().run(command, "sh", List.of(), child);
  }

  /** system(): earlier output first, then the command on awk's own streams. */
  int system(String command) {
    flushAll();
    ctx.out().flush();
    return run(command, new byte[0], ctx.out());
  }

  void print(String mode, String dest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    if (mode == null || dest.equals("/dev/stdout") || (dest.equals("-") && !mode.equals("|"))) {
      ctx.out().write(bytes, 0, bytes.length);
      return;
    }
    if (dest.equals("/dev/null") && !mode.equals("|")) {
      return;
    }
    if (dest.equals("/dev/stderr")) {
      ctx.err().write(bytes, 0, bytes.length);
      return;
    }
    Sink sink = outputs.computeIfAbsent(dest, k -> new Sink(mode.equals("|"), mode.equals(">>")));
    sink.buffer.writeBytes(bytes);
  }

  /** close(name): ends an output or input; -1 when nothing of that name is open. */
  int close(String name) {
    int status = -1;
    Sink sink = outputs.remove(name);
    if (sink != null) {
      status = flush(name, sink);
    }
    if (inputs.remove(name) != null) {
      status = 0;
    }
    return status;
  }

  void closeAll() {
    for (String name : List.copyOf(outputs.keySet())) {
      close(name);
    }
  }

  private void flushAll() {
    for (Map.Entry<String, Sink> e : outputs.entrySet()) {
      if (!e.getValue().command) {
        flush(e.getKey(), e.getValue());
      }
    }
  }

  private int flush(String name, Sink sink) {
    byte[] data = sink.buffer.toByteArray();
    sink.buffer.reset();
    if (sink.command) {
      ctx.out().flush();
      return run(name, data, ctx.out());
    }
    try {
      ctx.vfs().write(ctx.path(Bytes.text(name)), data, sink.append ? Vfs.WriteMode.APPEND : Vfs.WriteMode.TRUNCATE, 0644);
      sink.append = true;
      return 0;
    } catch (VfsException e) {
      throw new AwkException("cannot open \"" + name + "\" for output");
    }
  }
}
