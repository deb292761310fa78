package dev.layerlab.image;

import dev.layerlab.vfs.FileType;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Layer tars: writing a {@link LayerTree} byte for byte the same on every run, and reading a
 * tar back into a tree after checking every header (so a bad archive is refused whole).
 *
 * <p>Written like Docker's archiver: names relative without {@code ./}, directories with a
 * trailing slash, the file-type bits inside the mode field, owner names {@code root} for id 0,
 * whole-second mtimes, xattrs as PAX {@code SCHILY.xattr.*} records, two zero blocks at the end
 * and no padding to a 10 KiB record.
 */
public final class LayerTar {
  /** Anything larger than this in one entry is refused as absurd (the simulated disk is memory). */
  public static final long MAX_ENTRY_SIZE = 1L << 30;

  private static final String XATTR = "SCHILY.xattr.";

  private LayerTar() {}

  /** Writes {@code tree} as an uncompressed tar. */
  public static void write(LayerTree tree, OutputStream out) throws IOException {
    // commons-compress writes 512-byte records; batching them keeps hashing and compressing cheap
    java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(new NonClosing(out), 1 << 16);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(buffered, 512, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    for (LayerEntry e : tree.entries()) {
      tar.putArchiveEntry(header(e));
      if (e.type() == FileType.REGULAR && !e.isHardLink()) {
        e.content().writeTo(tar);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.close();
  }

  /** The tar bytes of {@code tree}, in memory. */
  public static byte[] bytes(LayerTree tree) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(tree, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static TarArchiveEntry header(LayerEntry e) {
    TarArchiveEntry h;
    switch (e.type()) {
      case DIRECTORY -> h = new TarArchiveEntry(e.path() + "/", TarConstants.LF_DIR, true);
      case SYMLINK -> {
        h = new TarArchiveEntry(e.path(), TarConstants.LF_SYMLINK, true);
        h.setLinkName(e.linkName());
      }
      case REGULAR -> {
        if (e.isHardLink()) {
          h = new TarArchiveEntry(e.path(), TarConstants.LF_LINK, true);
          h.setLinkName(e.linkName());
        } else {
          h = new TarArchiveEntry(e.path(), TarConstants.LF_NORMAL, true);
          h.setSize(e.content().size());
        }
      }
      case CHAR_DEVICE, BLOCK_DEVICE -> {
        h = new TarArchiveEntry(e.path(), e.type() == FileType.CHAR_DEVICE ? TarConstants.LF_CHR : TarConstants.LF_BLK, true);
        h.setDevMajor(e.devMajor());
        h.setDevMinor(e.devMinor());
      }
      case FIFO -> h = new TarArchiveEntry(e.path(), TarConstants.LF_FIFO, true);
      default -> throw new IllegalArgumentException("a layer cannot hold a " + e.type().statName() + ": " + e.path());
    }
    h.setMode(e.type().formatBits() | (e.mode() & 07777));
    h.setUserId(e.uid());
    h.setGroupId(e.gid());
    h.setUserName(e.uid() == 0 ? "root" : "");
    h.setGroupName(e.gid() == 0 ? "root" : "");
    h.setModTime(e.mtime() * 1000L);
    e.xattrs().forEach((k, v) -> h.addPaxHeader(XATTR + k, v));
    return h;
  }

  /**
   * Reads a layer tar, checking each header: no absolute names or {@code ..}, no link leading
   * outside the layer, nothing (whiteouts included) below a symlink of the same layer, no absurd
   * sizes, no truncation. Throws {@link ImageFormatException} naming the first problem.
   */
  public static LayerTree read(InputStream in) {
    try {
      return read(in.readAllBytes());
    } catch (IOException e) {
      throw new ImageFormatException("unexpected EOF", e);
    }
  }

  /**
   * Reads a layer tar held in memory. Members are found by random access (commons-compress's
   * TarFile over the array), so a file's content is a view of the array and nothing is copied.
   */
  public static LayerTree read(byte[] bytes) {
    List<LayerEntry> out = new ArrayList<>();
    Map<String, FileType> seen = new HashMap<>();
    long end = 0; // where the member after the last one would start: the end-of-archive block
    try (TarFile tar = new TarFile(bytes, StandardCharsets.UTF_8.name())) {
      for (TarArchiveEntry h : tar.getEntries()) {
        end = h.getDataOffset() + (h.isSparse() || h.isDirectory() ? 0 : (h.getSize() + 511) / 512 * 512);
        if (h.isGlobalPaxHeader()) {
          continue;
        }
        String raw = h.getName();
        String path = cleanName(raw);
        if (path == null) {
          continue; // the root entry "./" carries nothing a layer can apply
        }
        checkUnderSymlink(path, raw, seen);
        LayerEntry e = entry(h, path, tar, bytes);
        checkLink(e, raw);
        if (e.isHardLink() && seen.get(e.linkName()) != FileType.REGULAR) {
          // the target must be an earlier member of this layer, as in every tar Docker writes
          throw new ImageFormatException("invalid hardlink " + quote(raw) + " -> " + quote(e.linkName())
              + ": no such file in the layer");
        }
        seen.put(path, e.type());
        out.add(e);
      }
      // A tar cut at a header boundary reads as a shorter archive: demand the end-of-archive block.
      if (end + 512 > bytes.length || !zeros(bytes, (int) end, 512)) {
        throw new ImageFormatException("unexpected EOF");
      }
    } catch (EOFException e) {
      throw new ImageFormatException("unexpected EOF");
    } catch (IOException | IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      if (m.toLowerCase().contains("truncated") || m.contains("EOF")) {
        throw new ImageFormatException("unexpected EOF");
      }
      if (m.startsWith("Position must be in range")) {
        // TarFile finds every member before we see one: a size this large fails while it skips
        throw new ImageFormatException("archive/tar: a member has an absurd size (it would end past 2 GiB)", e);
      }
      throw new ImageFormatException("archive/tar: invalid tar header", e);
    }
    return LayerTree.inArchiveOrder(out);
  }

  private static boolean zeros(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The layer path of a member name, null for the root; refuses names that leave the layer. */
  static String cleanName(String raw) {
    if (raw.startsWith("/")) {
      throw new ImageFormatException("invalid path " + quote(raw) + ": absolute name in layer");
    }
    List<String> names = new ArrayList<>();
    for (String part : raw.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new ImageFormatException(quote(raw) + " is outside of the layer");
      }
      names.add(part);
    }
    return names.isEmpty() ? null : String.join("/", names);
  }

  private static void checkUnderSymlink(String path, String raw, Map<String, FileType> seen) {
    int slash = path.indexOf('/');
    while (slash > 0) {
      String prefix = path.substring(0, slash);
      if (seen.get(prefix) == FileType.SYMLINK) {
        String what = path.substring(path.lastIndexOf('/') + 1).startsWith(LayerEntry.WHITEOUT_PREFIX)
            ? "whiteout " : "";
        throw new ImageFormatException(
            "invalid " + what + quote(raw) + ": parent " + quote(prefix) + " is a symlink in the same layer");
      }
      slash = path.indexOf('/', slash + 1);
    }
  }

  private static void checkLink(LayerEntry e, String raw) {
    if (e.type() == FileType.SYMLINK) {
      // Absolute targets are resolved inside the container's root, so only relative climbs escape.
      if (!e.linkName().startsWith("/") && escapes(e.parent(), e.linkName())) {
        throw new ImageFormatException("invalid symlink " + quote(raw) + " -> " + quote(e.linkName()));
      }
    } else if (e.isHardLink()) {
      if (e.linkName().startsWith("/") || escapes("", e.linkName())) {
        throw new ImageFormatException("invalid hardlink " + quote(raw) + " -> " + quote(e.linkName()));
      }
    }
  }

  private static boolean escapes(String dir, String target) {
    int depth = dir.isEmpty() ? 0 : dir.split("/").length;
    for (String part : target.split("/")) {
      if (part.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  /**
   * One member as a layer entry. A file's content is a view of the tar held in memory, not a
   * copy of it.
   */
  private static LayerEntry entry(TarArchiveEntry h, String path, TarFile tar, byte[] bytes) throws IOException {
    int mode = h.getMode() & 07777;
    long mtime = h.getModTime().getTime() / 1000L;
    TreeMap<String, String> xattrs = new TreeMap<>();
    h.getExtraPaxHeaders().forEach((k, v) -> {
      if (k.startsWith(XATTR)) {
        xattrs.put(k.substring(XATTR.length()), v);
      }
    });
    FileType type;
    Content content = null;
    String link = null;
    if (h.isDirectory()) {
      type = FileType.DIRECTORY;
    } else if (h.isSymbolicLink()) {
      type = FileType.SYMLINK;
      link = h.getLinkName();
    } else if (h.isLink()) {
      type = FileType.REGULAR;
      link = cleanName(h.getLinkName());
      if (link == null) {
        throw new ImageFormatException("invalid hardlink " + quote(h.getName()) + " -> " + quote(h.getLinkName()));
      }
    } else if (h.isCharacterDevice()) {
      type = FileType.CHAR_DEVICE;
    } else if (h.isBlockDevice()) {
      type = FileType.BLOCK_DEVICE;
    } else if (h.isFIFO()) {
      type = FileType.FIFO;
    } else if (h.isFile()) {
      type = FileType.REGULAR;
      long size = h.getSize();
      if (size < 0 || size > MAX_ENTRY_SIZE) {
        throw new ImageFormatException("archive/tar: entry " + quote(h.getName()) + " has an absurd size " + size);
      }
      if (h.isSparse()) {
        byte[] data = tar.getInputStream(h).readNBytes((int) size); // the stream fills in the holes
        if (data.length != size) {
          throw new ImageFormatException("unexpected EOF");
        }
        content = Content.of(data);
      } else {
        long at = h.getDataOffset();
        if (at < 0 || at + size > bytes.length) {
          throw new ImageFormatException("unexpected EOF");
        }
        content = Content.slice(bytes, (int) at, (int) size);
      }
    } else {
      throw new ImageFormatException("unhandled tar header type " + (char) h.getLinkFlag() + " for " + quote(h.getName()));
    }
    int major = type.isDevice() ? h.getDevMajor() : 0;
    int minor = type.isDevice() ? h.getDevMinor() : 0;
    return new LayerEntry(path, type, mode, (int) h.getLongUserId(), (int) h.getLongGroupId(), mtime,
        content, link, major, minor, xattrs);
  }

  /** Go's %q for plain names. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** Keeps the tar writer from closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

}
