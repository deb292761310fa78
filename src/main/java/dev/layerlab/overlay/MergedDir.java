package dev.layerlab.overlay;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.util.HashMap;
import java.util.Map;

/**
 * The merged listing of one directory, the way ovl_iterate builds it: the upper dir's names,
 * then each lower dir's names not seen above, a name merging on down only while it is a directory.
 */
final class MergedDir {
  private MergedDir() {}

  /** Reads every layer of {@code dir}; a whiteout's name stays in the listing with no type. */
  static Map<String, Entry.Child> read(Vfs base, Entry dir) {
    Map<String, Entry.Child> t = new HashMap<>();
    if (dir.upper != null) {
      readPart(base, t, dir.upper, OverlayEvent.UPPER);
    }
    for (int i = 0; i < dir.layers.length; i++) {
      readPart(base, t, dir.lowers[i], dir.layers[i]);
    }
    return t;
  }

  /** Empty as rmdir and rename see a merged dir: whiteouts do not count, not even stray ones in a one-layer dir. */
  static boolean isEmpty(Map<String, Entry.Child> listing) {
    for (Entry.Child c : listing.values()) {
      if (c.type != null) {
        return false;
      }
    }
    return true;
  }

  private static void readPart(Vfs base, Map<String, Entry.Child> t, String dir, int layer) {
    for (DirEntry d : base.readDir(dir)) {
      Entry.Child c = t.get(d.name());
      if (c == null) {
        boolean whiteout = d.type() == FileType.CHAR_DEVICE
            && LayerSearch.isWhiteout(base, VPaths.child(dir, d.name()));
        t.put(d.name(), new Entry.Child(layer, whiteout ? null : d.type(), d.ino()));
      } else if (c.open) {
        if (d.type() == FileType.DIRECTORY) {
          c.addDirLayer(layer);
        } else {
          c.open = false;
        }
      }
    }
  }
}
