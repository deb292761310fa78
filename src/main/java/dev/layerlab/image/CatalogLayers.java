package dev.layerlab.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * The digests of the catalog's layers, listed once in {@code catalog-layers.tsv} so that a
 * learner's first {@code docker pull} need not tar, gzip and hash a whole root filesystem to
 * know them. A layer is found by the fingerprint of its tree (every entry's metadata and a
 * description of its content), so a tree that changed is simply not found and is hashed as
 * before; {@code CatalogLayersTest} recomputes every listed value from the real bytes.
 */
final class CatalogLayers {
  static final String RESOURCE = "catalog-layers.tsv";

  private record Known(Digest diffId, long tarSize, Digest digest, long compressedSize) {}

  private static Map<String, Known> index;

  private CatalogLayers() {}

  /** The blob of a catalog layer: from the index when it lists this tree, else made and hashed now. */
  static LayerBlob blob(LayerTree tree) {
    Known k = index().get(fingerprint(tree));
    return k == null ? LayerBlob.of(tree) : LayerBlob.known(tree, k.diffId(), k.tarSize(), k.digest(), k.compressedSize());
  }

  private static synchronized Map<String, Known> index() {
    if (index == null) {
      Map<String, Known> m = new HashMap<>();
      for (String[] row : Resources.table(RESOURCE)) {
        m.put(row[0], new Known(Digest.parse(row[1]), Long.parseLong(row[2]), Digest.parse(row[3]),
            Long.parseLong(row[4])));
      }
      index = m;
    }
    return index;
  }

  /** One index line for {@code blob}: fingerprint, diffID, tar size, digest, compressed size. */
  static String line(LayerBlob blob) {
    return String.join("\t", fingerprint(blob.tree()), blob.diffId().toString(), Long.toString(blob.tarSize()),
        blob.digest().toString(), Long.toString(blob.compressedSize()));
  }

  /**
   * sha256 over every entry's fields in tree order, with filler content described by its head,
   * size, seed and the filler pattern itself rather than by its bytes: cheap, and different
   * whenever the tar would be.
   */
  static String fingerprint(LayerTree tree) {
    MessageDigest md = Digest.sha256();
    StringBuilder b = new StringBuilder("layerlab-layer-1\n");
    for (LayerEntry e : tree.entries()) {
      b.append(e.path()).append('\0').append(e.type()).append('\0').append(e.mode()).append('\0').append(e.uid())
          .append('\0').append(e.gid()).append('\0').append(e.mtime()).append('\0').append(e.linkName()).append('\0')
          .append(e.devMajor()).append('\0').append(e.devMinor()).append('\0');
      SortedMap<String, String> x = e.xattrs();
      if (x != null) {
        x.forEach((k, v) -> b.append(k).append('=').append(v).append('\0'));
      }
      md.update(b.toString().getBytes(StandardCharsets.UTF_8));
      b.setLength(0);
      describe(e.content(), md);
    }
    return Digest.from(md).hex();
  }

  private static void describe(Content c, MessageDigest md) {
    if (c == null) {
      md.update((byte) 'N');
    } else if (c instanceof Content.Filler f) {
      md.update((byte) 'F');
      md.update(Content.Filler.patternDigest());
      md.update(f.head());
      md.update((f.size() + ":" + f.seed()).getBytes(StandardCharsets.US_ASCII));
    } else {
      md.update((byte) 'B');
      md.update(Long.toString(c.size()).getBytes(StandardCharsets.US_ASCII));
      md.update(c.bytes());
    }
    md.update((byte) '\n');
  }
}
