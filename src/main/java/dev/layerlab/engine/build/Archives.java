package dev.layerlab.engine.build;

import dev.layerlab.image.LayerBlob;
import dev.layerlab.image.VfsLayers;
import dev.layerlab.vfs.Vfs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** ADD's local archives: plain, gzip or bzip2 tars, recognised by their bytes rather than their names. */
final class Archives {
  private Archives() {}

  static boolean isArchive(byte[] data) {
    return tar(data) != null;
  }

  /** Unpacks into {@code dir}; directories the archive implies without listing them are made 0755, as untar makes them. */
  static void extract(byte[] data, Vfs vfs, String dir) {
    var tree = LayerBlob.fromTar(tar(data), null).tree();
    for (var e : tree.entries()) {
      String parent = e.parent();
      if (!parent.isEmpty()) {
        Mkdirs.mkdirs(vfs, dir + "/" + parent);
      }
    }
    VfsLayers.apply(tree, vfs, dir);
  }

  /** The uncompressed tar, or null when {@code data} is not one. */
  private static byte[] tar(byte[] data) {
    byte[] plain = data;
    try {
      if (data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
        plain = readAll(new GZIPInputStream(new ByteArrayInputStream(data)));
      } else if (data.length > 3 && data[0] == 'B' && data[1] == 'Z' && data[2] == 'h') {
        plain = readAll(new BZip2CompressorInputStream(new ByteArrayInputStream(data)));
      }
    } catch (IOException e) {
      return null;
    }
    if (plain.length < 512 || !new String(plain, 257, 5, java.nio.charset.StandardCharsets.ISO_8859_1)
        .equals("ustar")) {
      return null;
    }
    return plain;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
