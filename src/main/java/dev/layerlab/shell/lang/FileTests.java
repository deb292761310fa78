package dev.layerlab.shell.lang;

import dev.layerlab.vfs.Credentials;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;

/** The file tests {@code test}, {@code [} and {@code [[ ]]} share, for a file that exists. */
public final class FileTests {
  private FileTests() {}

  /** Whether the existing file {@code s} passes {@code op} (-f, -d, -r, -w, -x, ...) for {@code cred}. */
  public static boolean unary(String op, Stat s, Credentials cred) {
    return switch (op) {
      case "-f" -> s.type() == FileType.REGULAR;
      case "-d" -> s.type() == FileType.DIRECTORY;
      case "-L", "-h" -> s.type() == FileType.SYMLINK;
      case "-b" -> s.type() == FileType.BLOCK_DEVICE;
      case "-c" -> s.type() == FileType.CHAR_DEVICE;
      case "-p" -> s.type() == FileType.FIFO;
      case "-S" -> s.type() == FileType.SOCKET;
      case "-s" -> s.size() > 0;
      case "-r" -> cred.permits(s, 4);
      case "-w" -> cred.permits(s, 2);
      case "-x" -> cred.permits(s, 1);
      case "-u" -> (s.mode() & 04000) != 0;
      case "-g" -> (s.mode() & 02000) != 0;
      case "-k" -> (s.mode() & 01000) != 0;
      case "-O" -> s.uid() == cred.uid();
      case "-G" -> s.gid() == cred.gid();
      case "-N" -> s.mtime().isAfter(s.atime());
      default -> true; // -e, -a
    };
  }
}
