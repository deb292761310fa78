package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * GNU sed 4: {@code sed [-n] [-e SCRIPT]... [-f FILE]... [-E] [-s] [-z] [-i[SUFFIX]] [FILE]...}.
 *
 * <p>{@code -i} writes the new text to a temporary file beside the original and renames it over
 * the original, as GNU sed does: the file gets a new inode with the old one's mode and owner,
 * and in a container the directory and the file land in the upper layer.
 */
final class Sed implements Program {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /** What the command line asked for. */
  private static final class Options {
    final List<SedParser.Piece> pieces = new ArrayList<>();
    final List<String> operands = new ArrayList<>();
    boolean quiet;
    boolean extended;
    boolean separate;
    boolean nullData;
    String inPlace;
    int lineWrap = 70;
    boolean help;
    boolean version;
  }

  @Override
  public int run(ProgramContext ctx) {
    Options o = new Options();
    try {
      parse(ctx, o);
    } catch (SedParser.Error e) {
      if (e.getMessage() != null) {
        ctx.error(e.getMessage());
      }
      ctx.err().print(usage());
      return e.status;
    } catch (SedRunner.Failure e) {
      error(ctx, e.getMessage());
      return e.status;
    }
    if (o.help) {
      ctx.out().print(usage() + "E-mail bug reports to: <bug-sed@gnu.org>.\n");
      return 0;
    }
    if (o.version) {
      ctx.out().print("sed (GNU sed) 4.9\n");
      return 0;
    }
    List<String> files = o.operands;
    if (o.pieces.isEmpty()) {
      if (files.isEmpty()) {
        ctx.err().print(usage());
        return 1;
      }
      o.pieces.add(new SedParser.Piece(bytesAsChars(files.remove(0)), null));
    }
    List<SedCommand> program;
    boolean[] quietByScript = new boolean[1];
    try {
      program = SedParser.compile(o.pieces, o.extended, quietByScript);
    } catch (SedParser.Error e) {
      error(ctx, e.getMessage());
      return e.status;
    }
    if (files.isEmpty()) {
      if (o.inPlace != null) {
        ctx.error("no input files");
        return 4;
      }
      files = List.of("-");
    }
    char separator = o.nullData ? '\0' : '\n';
    SedRunner runner = new SedRunner(ctx, program, o.quiet || quietByScript[0], separator, o.lineWrap);
    boolean missing = false;
    try {
      if (o.inPlace != null) {
        for (String file : files) {
          missing |= !editInPlace(ctx, runner, file, o.inPlace, separator);
          if (runner.quit()) {
            break;
          }
        }
      } else if (o.separate) {
        for (String file : files) {
          SedInput in = new SedInput(ctx, List.of(file), separator);
          runner.run(in, null);
          missing |= in.missing;
          if (runner.quit()) {
            break;
          }
        }
      } else {
        SedInput in = new SedInput(ctx, files, separator);
        runner.run(in, null);
        missing = in.missing;
      }
      runner.close();
    } catch (SedInput.Panic e) {
      error(ctx, e.getMessage());
      return 4;
    } catch (SedRunner.Failure e) {
      error(ctx, e.getMessage());
      return e.status;
    }
    if (runner.quit()) {
      return runner.quitStatus();
    }
    return missing ? 2 : 0;
  }

  /** Edits one file; false when it could not be read. */
  private static boolean editInPlace(ProgramContext ctx, SedRunner runner, String file, String suffix, char sep) {
    String path = ctx.path(file);
    Stat st;
    try {
      st = ctx.vfs().stat(path);
    } catch (VfsException e) {
      ctx.error("can't read " + file + ": " + e.reason());
      return false;
    }
    if (st.type() != FileType.REGULAR) {
      throw new SedInput.Panic("couldn't edit " + file + ": not a regular file");
    }
    SedInput in = new SedInput(ctx, List.of(file), sep);
    SedOutput out = SedOutput.buffer(sep);
    runner.run(in, out);
    Vfs vfs = ctx.vfs();
    String dir = VPaths.parent(VPaths.normalize(path));
    String shownDir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : ".";
    String temp = "sed" + randomSuffix();
    try {
      vfs.write(VPaths.child(dir, temp), out.bytes(), Vfs.WriteMode.CREATE_NEW, 0600);
    } catch (VfsException e) {
      throw new SedInput.Panic("couldn't open temporary file " + shownDir + "/" + temp + ": " + e.reason());
    }
    try {
      vfs.chown(VPaths.child(dir, temp), st.uid(), st.gid(), true);
      vfs.chmod(VPaths.child(dir, temp), st.mode() & 07777);
      if (!suffix.isEmpty()) {
        String name = VPaths.name(VPaths.normalize(path));
        String backup = suffix.contains("*") ? suffix.replace("*", name) : name + suffix;
        vfs.rename(path, backup.contains("/") ? ctx.path(backup) : VPaths.child(dir, backup));
      }
      vfs.rename(VPaths.child(dir, temp), path);
    } catch (VfsException e) {
      throw new SedInput.Panic("cannot rename " + shownDir + "/" + temp + ": " + e.reason());
    }
    return !in.missing;
  }

  private static String randomSuffix() {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < 6; k++) {
      b.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
    }
    return b.toString();
  }

  /** getopt_long over sed's options; a usage error carries getopt's message (or none). */
  private static void parse(ProgramContext ctx, Options o) throws SedParser.Error {
    List<String> args = ctx.operands();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        o.operands.addAll(args.subList(i + 1, args.size()));
        return;
      }
      if (arg.startsWith("--")) {
        i = longOption(ctx, o, args, i);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        for (int k = 1; k < arg.length(); k++) {
          char c = arg.charAt(k);
          String rest = arg.substring(k + 1);
          switch (c) {
            case 'n' -> o.quiet = true;
            case 'r', 'E' -> o.extended = true;
            case 's' -> o.separate = true;
            case 'z' -> o.nullData = true;
            case 'u', 'b' -> { }
            case 'i' -> {
              o.inPlace = rest;
              o.separate = true;
              k = arg.length();
            }
            case 'e', 'f', 'l' -> {
              String value;
              if (!rest.isEmpty()) {
                value = rest;
              } else if (i + 1 < args.size()) {
                value = args.get(++i);
              } else {
                throw new SedParser.Error("option requires an argument -- '" + c + "'", 1);
              }
              valued(ctx, o, c, value);
              k = arg.length();
            }
            default -> throw new SedParser.Error("invalid option -- '" + c + "'", 1);
          }
        }
      } else {
        o.operands.add(arg);
      }
    }
  }

  private static final List<String> LONG = List.of("expression", "file", "in-place", "line-length", "quiet", "silent",
      "regexp-extended", "separate", "null-data", "zero-terminated", "unbuffered", "posix", "debug", "sandbox",
      "follow-symlinks", "binary", "help", "version");

  private static int longOption(ProgramContext ctx, Options o, List<String> args, int i) throws SedParser.Error {
    String arg = args.get(i);
    int eq = arg.indexOf('=');
    String given = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
    List<String> matching = LONG.stream().filter(n -> n.startsWith(given)).toList();
    String name = LONG.contains(given) ? given : matching.size() == 1 ? matching.get(0) : null;
    if (name == null) {
      throw new SedParser.Error(matching.size() > 1 && !given.isEmpty() ? "option '" + arg + "' is ambiguous"
          : "unrecognized option '" + arg + "'", 1);
    }
    String value = eq < 0 ? null : arg.substring(eq + 1);
    switch (name) {
      case "expression", "file", "line-length" -> {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new SedParser.Error("option '--" + name + "' requires an argument", 1);
          }
          value = args.get(++i);
        }
        valued(ctx, o, name.charAt(0) == 'l' ? 'l' : name.charAt(0), value);
        return i;
      }
      case "in-place" -> {
        o.inPlace = value == null ? "" : value;
        o.separate = true;
        return i;
      }
      default -> { }
    }
    if (value != null) {
      throw new SedParser.Error("option '--" + name + "' doesn't allow an argument", 1);
    }
    switch (name) {
      case "quiet", "silent" -> o.quiet = true;
      case "regexp-extended" -> o.extended = true;
      case "separate" -> o.separate = true;
      case "null-data", "zero-terminated" -> o.nullData = true;
      case "help" -> o.help = true;
      case "version" -> o.version = true;
      default -> { }
    }
    return i;
  }

  private static void valued(ProgramContext ctx, Options o, char option, String value) {
    switch (option) {
      case 'e' -> o.pieces.add(new SedParser.Piece(bytesAsChars(value), null));
      case 'f' -> o.pieces.add(new SedParser.Piece(scriptFile(ctx, value), value));
      default -> {
        String digits = value.replaceFirst("^\\s*(\\d{0,9}).*", "$1");
        o.lineWrap = digits.isEmpty() ? 0 : Integer.parseInt(digits);
      }
    }
  }

  private static String scriptFile(ProgramContext ctx, String file) {
    try {
      byte[] bytes = file.equals("-") ? ctx.in().readAllBytes() : ctx.vfs().read(ctx.path(file));
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (VfsException e) {
      throw new SedRunner.Failure("couldn't open file " + file + ": " + e.reason(), 4);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A script argument as sed sees it: its bytes, one char each. */
  private static String bytesAsChars(String arg) {
    return new String(Text.encode(arg), StandardCharsets.ISO_8859_1);
  }

  private static void error(ProgramContext ctx, String message) {
    byte[] bytes = ("sed: " + message + "\n").getBytes(StandardCharsets.ISO_8859_1);
    ctx.err().write(bytes, 0, bytes.length);
  }

  private static String usage() {
    try (InputStream in = Sed.class.getResourceAsStream("sed-usage.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
