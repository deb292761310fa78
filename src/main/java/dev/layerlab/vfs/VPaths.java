package dev.layerlab.vfs;

import java.util.ArrayList;
import java.util.List;

/** Lexical helpers for the absolute {@code /}-separated paths of {@link Vfs}. */
public final class VPaths {
  private VPaths() {}

  /** Splits an absolute path into its names, dropping empty and {@code .} names (keeps {@code ..}). */
  public static List<String> names(String path) {
    List<String> out = new ArrayList<>(8);
    int n = path.length();
    int start = 0;
    while (start < n) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = n;
      }
      if (end > start && !(end == start + 1 && path.charAt(start) == '.')) {
        out.add(path.substring(start, end));
      }
      start = end + 1;
    }
    return out;
  }

  /** Normalises lexically: collapses {@code //}, {@code .} and {@code ..} (never above the root). */
  public static String normalize(String path) {
    List<String> out = new ArrayList<>();
    for (String name : names(path)) {
      if (name.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else {
        out.add(name);
      }
    }
    return "/" + String.join("/", out);
  }

  /** Resolves {@code path} against a working directory when it is relative. */
  public static String absolute(String cwd, String path) {
    if (path.startsWith("/")) {
      return path;
    }
    return cwd.endsWith("/") ? cwd + path : cwd + "/" + path;
  }

  /** The parent of a normalised absolute path ({@code /} for {@code /}). */
  public static String parent(String path) {
    String p = normalize(path);
    int slash = p.lastIndexOf('/');
    return slash <= 0 ? "/" : p.substring(0, slash);
  }

  /** The last name of a normalised absolute path ({@code ""} for {@code /}). */
  public static String name(String path) {
    String p = normalize(path);
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Joins a directory and a child name. */
  public static String child(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /** Orders names as {@code LC_ALL=C} does: by their UTF-8 bytes, i.e. by code point. */
  public static int compareBytewise(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
