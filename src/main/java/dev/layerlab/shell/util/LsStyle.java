package dev.layerlab.shell.util;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import java.util.Locale;

/** How ls decorates a name: dircolors' default colours and the {@code -F} indicator. */
final class LsStyle {
  private final boolean colour;
  private final boolean classify;
  private boolean coloured;

  LsStyle(boolean colour, boolean classify) {
    this.colour = colour;
    this.classify = classify;
  }

  /** The name as printed, with colour codes around it when colouring. */
  String paint(String name, Stat stat, boolean dangling) {
    String code = colour ? code(stat, dangling, name) : null;
    if (code == null) {
      return name;
    }
    String prefix = coloured ? "" : "\033[0m";
    coloured = true;
    return prefix + "\033[" + code + "m" + name + "\033[0m";
  }

  /** The {@code -F} character after a name, or "". */
  String indicator(Stat stat, boolean inLongFormatLink) {
    if (!classify || stat == null) {
      return "";
    }
    return switch (stat.type()) {
      case DIRECTORY -> "/";
      case SYMLINK -> inLongFormatLink ? "" : "@";
      case FIFO -> "|";
      case SOCKET -> "=";
      case REGULAR -> (stat.mode() & 0111) != 0 ? "*" : "";
      default -> "";
    };
  }

  private static String code(Stat st, boolean dangling, String name) {
    FileType type = st.type();
    int mode = st.mode();
    switch (type) {
      case SYMLINK:
        return dangling ? "40;31;01" : "01;36";
      case DIRECTORY:
        if ((mode & 01002) == 01002) {
          return "30;42";
        }
        if ((mode & 0002) != 0) {
          return "34;42";
        }
        return (mode & 01000) != 0 ? "37;44" : "01;34";
      case CHAR_DEVICE:
      case BLOCK_DEVICE:
        return "40;33;01";
      case FIFO:
        return "40;33";
      case SOCKET:
        return "01;35";
      default:
        break;
    }
    if ((mode & 04000) != 0) {
      return "37;41";
    }
    if ((mode & 02000) != 0) {
      return "30;43";
    }
    if ((mode & 0111) != 0) {
      return "01;32";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".tar", ".tgz", ".gz", ".zip", ".xz", ".bz2", ".deb", ".rpm", ".zst", ".7z"}) {
      if (lower.endsWith(ext)) {
        return "01;31";
      }
    }
    for (String ext : new String[] {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".svg"}) {
      if (lower.endsWith(ext)) {
        return "01;35";
      }
    }
    return null;
  }
}
