package dev.layerlab.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The files of an image archive (a {@code docker save} tarball or an OCI layout) by relative
 * path: written as a deterministic tar or into a real directory, read back from either with every
 * name checked before anything is used.
 */
final class ArchiveFiles {
  /** Refuse archives whose single files are larger than this (they would not fit the simulation). */
  static final long MAX_FILE = 2L << 30;

  record File(byte[] data, long mtime, String linkTarget) {}

  private final TreeMap<String, File> files = new TreeMap<>(LayerTree.WALK_ORDER);

  void put(String path, byte[] data, long mtime) {
    files.put(path, new File(data, mtime, null));
  }

  void symlink(String path, String target, long mtime) {
    files.put(path, new File(null, mtime, target));
  }

  boolean has(String path) {
    return files.containsKey(path);
  }

  /** The content at {@code path}, following one relative symlink (skopeo links layer.tar files). */
  byte[] get(String path) {
    File f = files.get(path);
    if (f == null) {
      throw new ImageFormatException("open " + path + ": no such file or directory");
    }
    if (f.linkTarget() != null) {
      String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
      String target = normalize(dir.isEmpty() ? f.linkTarget() : dir + "/" + f.linkTarget(), path);
      File t = files.get(target);
      if (t == null || t.data() == null) {
        throw new ImageFormatException("open " + path + ": no such file or directory");
      }
      return t.data();
    }
    return f.data();
  }

  Map<String, File> all() {
    return files;
  }

  /** Writes a tar: parent directories first (0755), files 0644, every name in walk order. */
  void writeTar(OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    }, 512, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    List<String> dirsDone = new ArrayList<>();
    for (Map.Entry<String, File> e : files.entrySet()) {
      String path = e.getKey();
      File f = e.getValue();
      int slash = path.indexOf('/');
      while (slash > 0) {
        String dir = path.substring(0, slash);
        if (!dirsDone.contains(dir)) {
          dirsDone.add(dir);
          TarArchiveEntry d = new TarArchiveEntry(dir + "/", TarConstants.LF_DIR, true);
          d.setMode(040755);
          d.setModTime(f.mtime() * 1000L);
          tar.putArchiveEntry(d);
          tar.closeArchiveEntry();
        }
        slash = path.indexOf('/', slash + 1);
      }
      TarArchiveEntry h;
      if (f.linkTarget() != null) {
        h = new TarArchiveEntry(path, TarConstants.LF_SYMLINK, true);
        h.setLinkName(f.linkTarget());
        h.setMode(0120777);
      } else {
        h = new TarArchiveEntry(path, TarConstants.LF_NORMAL, true);
        h.setMode(0100644);
        h.setSize(f.data().length);
      }
      h.setModTime(f.mtime() * 1000L);
      tar.putArchiveEntry(h);
      if (f.data() != null) {
        tar.write(f.data());
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.close();
  }

  /** Reads an archive tar, refusing bad names, absurd sizes and truncation. */
  static ArchiveFiles readTar(byte[] bytes) {
    ArchiveFiles out = new ArchiveFiles();
    boolean sawEnd = false;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(bytes))) {
      TarArchiveEntry h;
      while ((h = tar.getNextEntry()) != null) {
        String path = LayerTar.cleanName(h.getName());
        if (path == null || h.isDirectory()) {
          continue;
        }
        if (h.isSymbolicLink()) {
          out.symlink(path, h.getLinkName(), h.getModTime().getTime() / 1000);
          continue;
        }
        if (!h.isFile()) {
          throw new ImageFormatException("unexpected " + (char) h.getLinkFlag() + " entry " + LayerTar.quote(path));
        }
        if (h.getSize() < 0 || h.getSize() > MAX_FILE) {
          throw new ImageFormatException("archive/tar: entry " + LayerTar.quote(path) + " has an absurd size " + h.getSize());
        }
        byte[] data = new byte[(int) h.getSize()]; // one copy, straight into an array of the right size
        if (tar.readNBytes(data, 0, data.length) != data.length) {
          throw new ImageFormatException("unexpected EOF");
        }
        out.put(path, data, h.getModTime().getTime() / 1000);
      }
      sawEnd = true;
    } catch (IOException | IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage()).toLowerCase();
      throw new ImageFormatException(m.contains("truncated") || m.contains("eof") ? "unexpected EOF"
          : "archive/tar: invalid tar header", e);
    }
    if (!sawEnd || !endsWithZeroBlock(bytes)) {
      throw new ImageFormatException("unexpected EOF");
    }
    return out;
  }

  private static boolean endsWithZeroBlock(byte[] b) {
    if (b.length < 1024 || b.length % 512 != 0) {
      return false;
    }
    for (int i = b.length - 1024; i < b.length; i++) {
      if (b[i] != 0) {
        // tar writers may pad beyond the two zero blocks; any all-zero 1 KiB tail is the end
        return false;
      }
    }
    return true;
  }

  /** Writes the files under {@code dir} (created as needed). */
  void writeDirectory(Path dir) throws IOException {
    for (Map.Entry<String, File> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      if (e.getValue().linkTarget() != null) {
        Files.createSymbolicLink(p, Path.of(e.getValue().linkTarget()));
      } else {
        Files.write(p, e.getValue().data());
      }
    }
  }

  /** Reads every regular file and symlink under a real directory. */
  static ArchiveFiles readDirectory(Path dir) throws IOException {
    ArchiveFiles out = new ArchiveFiles();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          out.symlink(rel, Files.readSymbolicLink(p).toString(), 0);
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          if (Files.size(p) > MAX_FILE) {
            throw new ImageFormatException("open " + rel + ": file too large");
          }
          out.put(rel, Files.readAllBytes(p), 0);
        }
      }
    }
    return out;
  }

  private static String normalize(String path, String from) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (out.isEmpty()) {
          throw new ImageFormatException("invalid symlink " + LayerTar.quote(from) + " -> outside the archive");
        }
        out.remove(out.size() - 1);
      } else {
        out.add(part);
      }
    }
    return String.join("/", out);
  }
}
