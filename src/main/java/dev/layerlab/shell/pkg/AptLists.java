package dev.layerlab.shell.pkg;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /var/lib/apt/lists}: what {@code apt-get update} stores. The official images ship it
 * empty ({@code rm -rf /var/lib/apt/lists/*}), so apt knows no package there until an update.
 */
final class AptLists {
  static final String DIR = "/var/lib/apt/lists";

  private AptLists() {}

  /** Whether an update has stored any package index. */
  static boolean present(Vfs vfs) {
    try {
      return vfs.readDir(DIR).stream().map(DirEntry::name).anyMatch(n -> n.contains("_Packages"));
    } catch (VfsException e) {
      return false;
    }
  }

  /** The list file a fetched target is stored as, or null for targets apt does not keep. */
  static String fileName(String repository, String target, String release) {
    String base = repository.replaceFirst("^[a-z]+://", "").replace('/', '_') + "_dists_";
    String[] words = target.split(" ");
    if (words.length == 3 && words[2].equals("Packages")) {
      // bionic's apt keeps indexes lz4-compressed; the older ones keep the .gz the images ask for
      String ext = release.equals("bionic") ? ".lz4" : ".gz";
      return base + words[0].replace('/', '_') + "_binary-" + words[1] + "_Packages" + ext;
    }
    if (words.length == 2) {
      return base + words[0].replace('/', '_') + "_" + words[1];
    }
    return null;
  }

  /** Stores one fetched file: the package index for Packages targets, a release summary otherwise. */
  static void store(Vfs vfs, Release release, String repository, String target) {
    String name = fileName(repository, target, release.name());
    if (name == null) {
      return;
    }
    String[] words = target.split(" ");
    byte[] data;
    if (words.length == 3) {
      StringBuilder b = new StringBuilder();
      for (Candidate c : release.index().values()) {
        if (c.archive().equals(words[0])) {
          Map<String, String> f = new java.util.LinkedHashMap<>(c.fields());
          f.remove("Files");
          f.remove("Alternatives");
          f.remove("Archive");
          b.append(Stanzas.format(f)).append('\n');
        }
      }
      byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
      data = name.endsWith(".lz4") ? lz4Stored(text) : gzip(text);
    } else {
      String suite = words[0];
      data = ("Origin: " + release.label().split(" ")[0] + "\nSuite: " + suite + "\nArchitectures: amd64\n")
          .getBytes(StandardCharsets.UTF_8);
    }
    mkdir(vfs, DIR);
    mkdir(vfs, DIR + "/partial");
    if (vfs.lstatOrNull(DIR + "/lock") == null) {
      vfs.write(DIR + "/lock", new byte[0], Vfs.WriteMode.CREATE_NEW, 0640);
    }
    vfs.write(DIR + "/" + name, data, Vfs.WriteMode.TRUNCATE, 0644);
  }

  private static void mkdir(Vfs vfs, String dir) {
    if (vfs.lstatOrNull(dir) == null) {
      vfs.mkdir(dir, dir.endsWith("partial") ? 0700 : 0755);
    }
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * An LZ4 frame holding the data in stored (uncompressed) blocks: a valid file for {@code lz4 -d}
   * without a compressor. Header: magic, FLG 0x60 (v1, independent blocks, no checksums),
   * BD 0x40 (64 KB blocks), and 0x82, the descriptor checksum of those two bytes.
   */
  static byte[] lz4Stored(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, (byte) 0x82});
    for (int off = 0; off < data.length; off += 65536) {
      int n = Math.min(65536, data.length - off);
      int header = n | 0x80000000;
      out.writeBytes(new byte[] {(byte) header, (byte) (header >>> 8), (byte) (header >>> 16), (byte) (header >>> 24)});
      out.write(data, off, n);
    }
    out.writeBytes(new byte[4]);
    return out.toByteArray();
  }
}
