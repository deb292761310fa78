package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Node.Redirect;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The redirections of one command, applied left to right as bash does: files are opened (created
 * or truncated) before the command runs, and what the command wrote reaches them when it ends.
 */
final class Redirections {
  private static final int FILE_MODE = 0644;

  private final Vfs vfs;
  private final String cwd;
  private InputStream in;
  private PrintStream out;
  private PrintStream err;
  private boolean tty;
  private final Io base;
  private final List<FileSink> sinks = new ArrayList<>();

  private Redirections(Vfs vfs, String cwd, Io io) {
    this.vfs = vfs;
    this.cwd = cwd;
    this.base = io;
    this.in = io.in();
    this.out = io.out();
    this.err = io.err();
    this.tty = io.tty();
  }

  static Redirections open(List<Redirect> list, Expander expander, Vfs vfs, String cwd, Io io) {
    Redirections r = new Redirections(vfs, cwd, io);
    try {
      for (Redirect redirect : list) {
        r.apply(redirect, expander);
      }
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  Io io() {
    return new Io(in, out, err, tty, base.colour(), base.width());
  }

  void close() {
    for (FileSink sink : sinks) {
      sink.flushToFile();
    }
    sinks.clear();
  }

  private void apply(Redirect r, Expander expander) {
    String op = r.op();
    if (op.equals("<<") || op.equals("<<-")) {
      String body = r.hereDoc().body();
      setIn(r.fd(), bytes(r.hereDoc().expand() ? expander.hereDoc(body) : body));
      return;
    }
    String target = expander.single(r.target());
    switch (op) {
      case "<<<" -> setIn(r.fd(), bytes(target + "\n"));
      case "<" -> setIn(r.fd(), readFile(target));
      case ">", ">|" -> setOut(r.fd(), openFile(target, false), target);
      case ">>" -> setOut(r.fd(), openFile(target, true), target);
      case "&>" -> both(openFile(target, false), target);
      case "&>>" -> both(openFile(target, true), target);
      case ">&", "<&" -> duplicate(r.fd(), target, op);
      default -> throw new ShellError(op + ": unsupported redirection", 1);
    }
  }

  private void duplicate(int fd, String target, String op) {
    if (target.equals("-")) {
      setOut(fd, new PrintStream(OutputStream.nullOutputStream()), null);
      return;
    }
    if (!target.matches("[0-9]+")) {
      if (op.equals(">&")) {
        both(openFile(target, false), target);
        return;
      }
      throw new ShellError(target + ": ambiguous redirect", 1);
    }
    int from = Integer.parseInt(target);
    if (fd == 0 || from == 0) {
      return;
    }
    PrintStream source = from == 1 ? out : from == 2 ? err : null;
    if (source == null) {
      throw new ShellError(from + ": Bad file descriptor", 1);
    }
    if (fd == 1) {
      tty = from == 1 ? tty : source == base.out() && base.tty();
      out = source;
    } else if (fd == 2) {
      err = source;
    }
  }

  private void both(PrintStream stream, String target) {
    setOut(1, stream, target);
    setOut(2, stream, target);
  }

  private void setIn(int fd, byte[] data) {
    if (fd == 0) {
      in = new ByteArrayInputStream(data);
    }
  }

  private void setOut(int fd, PrintStream stream, String target) {
    if (fd == 1) {
      out = stream;
      tty = false;
    } else if (fd == 2) {
      err = stream;
    }
  }

  private byte[] readFile(String target) {
    if (target.equals("/dev/null")) {
      return new byte[0];
    }
    try {
      return vfs.read(VPaths.absolute(cwd, target));
    } catch (VfsException e) {
      throw new ShellError(target + ": " + e.reason(), 1);
    }
  }

  private PrintStream openFile(String target, boolean append) {
    switch (target) {
      case "/dev/null":
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      case "/dev/stdout":
        return out;
      case "/dev/stderr":
        return err;
      default:
        break;
    }
    if (target.isEmpty()) {
      throw new ShellError(": No such file or directory", 1);
    }
    String path = VPaths.absolute(cwd, target);
    try {
      vfs.write(path, new byte[0], append ? Vfs.WriteMode.APPEND : Vfs.WriteMode.TRUNCATE, FILE_MODE);
    } catch (VfsException e) {
      throw new ShellError(target + ": " + e.reason(), 1);
    }
    FileSink sink = new FileSink(path);
    sinks.add(sink);
    return sink.stream;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Collects what a command writes to a file and appends it when the command ends. */
  private final class FileSink {
    final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    final String path;

    FileSink(String path) {
      this.path = path;
    }

    void flushToFile() {
      stream.flush();
      if (buffer.size() > 0) {
        try {
          vfs.write(path, buffer.toByteArray(), Vfs.WriteMode.APPEND, FILE_MODE);
        } catch (VfsException e) {
          base.err().print("bash: " + path + ": " + e.reason() + "\n");
        }
        buffer.reset();
      }
    }
  }
}
