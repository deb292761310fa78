package dev.layerlab.image;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Layers in and out of a directory of a {@link Vfs}, converting whiteouts as Docker's overlay2
 * driver does: on the way in {@code .wh.NAME} becomes a character device 0:0 and
 * {@code .wh..wh..opq} the xattr {@code trusted.overlay.opaque=y}; on the way out the reverse.
 */
public final class VfsLayers {
  public static final String OPAQUE_XATTR = "trusted.overlay.opaque";
  /** The only xattr Docker's archiver copies into layer tars. */
  private static final String CAPABILITY_XATTR = "security.capability";

  private VfsLayers() {}

  /**
   * Extracts {@code tree} into the existing directory {@code dir}. Directory mtimes are set last,
   * after their children exist, so they keep the layer's values.
   */
  public static void apply(LayerTree tree, Vfs vfs, String dir) {
    Applier a = new Applier(vfs, dir);
    for (LayerEntry e : tree.entries()) {
      a.entry(e);
    }
    a.finish();
  }

  /** Extracts entries one at a time, directory times at the end. */
  private static final class Applier {
    private final Vfs vfs;
    private final String dir;
    private final List<LayerEntry> dirs = new ArrayList<>();

    Applier(Vfs vfs, String dir) {
      this.vfs = vfs;
      this.dir = dir;
    }

    void entry(LayerEntry e) {
      String name = e.name();
      String parent = e.parent().isEmpty() ? dir : VPaths.child(dir, e.parent());
      String target = VPaths.child(parent, name);
      mkdirs(parent);
      if (e.isOpaqueMarker()) {
        vfs.setxattr(parent, OPAQUE_XATTR, new byte[] {'y'});
        return;
      }
      if (name.startsWith(LayerEntry.WHITEOUT_PREFIX + LayerEntry.WHITEOUT_PREFIX)) {
        return; // AUFS metadata such as .wh..wh.plnk has no overlay meaning
      }
      if (e.isWhiteout()) {
        String deleted = VPaths.child(parent, name.substring(LayerEntry.WHITEOUT_PREFIX.length()));
        removeIfPresent(vfs, deleted);
        vfs.mknod(deleted, FileType.CHAR_DEVICE, 0, 0, 0);
        vfs.chown(deleted, e.uid(), e.gid(), false);
        return;
      }
      make(e, vfs, dir, target);
      if (e.type() == FileType.DIRECTORY) {
        dirs.add(e);
      }
    }

    /**
     * Layers made by other tools may leave out a parent directory (umoci omits unchanged ones);
     * Docker's unpacker then creates it with mode 0600, and so do we.
     */
    private void mkdirs(String path) {
      if (path.equals(dir) || lstatOrNull(vfs, path) != null) {
        return;
      }
      mkdirs(VPaths.parent(path));
      vfs.mkdir(path, 0600);
    }

    void finish() {
      for (int i = dirs.size() - 1; i >= 0; i--) {
        LayerEntry d = dirs.get(i);
        Instant t = Instant.ofEpochSecond(d.mtime());
        vfs.utimes(VPaths.child(dir, d.path()), t, t, false);
      }
    }
  }

  private static void make(LayerEntry e, Vfs vfs, String root, String target) {
    Instant t = Instant.ofEpochSecond(e.mtime());
    Stat existing = lstatOrNull(vfs, target);
    if (existing != null && !(existing.isDirectory() && e.type() == FileType.DIRECTORY)) {
      removeIfPresent(vfs, target);
      existing = null;
    }
    switch (e.type()) {
      case DIRECTORY -> {
        if (existing == null) {
          vfs.mkdir(target, e.mode());
        }
      }
      case REGULAR -> {
        if (e.isHardLink()) {
          vfs.link(VPaths.child(root, e.linkName()), target);
          return;
        }
        // streamed: a layer's large files are never held twice
        vfs.create(target, e.mode(), e.content().size(), e.content()::writeTo);
      }
      case SYMLINK -> vfs.symlink(e.linkName(), target);
      case CHAR_DEVICE, BLOCK_DEVICE, FIFO -> vfs.mknod(target, e.type(), e.mode(), e.devMajor(), e.devMinor());
      default -> throw new ImageFormatException("cannot extract " + e.type().statName() + " " + e.path());
    }
    // Owner first, then mode, as Docker's unpacker does: chown clears setuid/setgid bits.
    vfs.chown(target, e.uid(), e.gid(), false);
    if (e.type() != FileType.SYMLINK) {
      vfs.chmod(target, e.mode());
    }
    for (Map.Entry<String, String> x : e.xattrs().entrySet()) {
      vfs.setxattr(target, x.getKey(), x.getValue().getBytes(StandardCharsets.ISO_8859_1));
    }
    if (e.type() != FileType.DIRECTORY) {
      vfs.utimes(target, t, t, false);
    }
  }

  private static Stat lstatOrNull(Vfs vfs, String path) {
    try {
      return vfs.lstat(path);
    } catch (VfsException e) {
      return null;
    }
  }

  /** Removes a path and everything below it (what extracting over an existing name does). */
  static void removeIfPresent(Vfs vfs, String path) {
    Stat s = lstatOrNull(vfs, path);
    if (s == null) {
      return;
    }
    if (s.isDirectory()) {
      for (DirEntry child : vfs.readDir(path)) {
        removeIfPresent(vfs, VPaths.child(path, child.name()));
      }
      vfs.rmdir(path);
    } else {
      vfs.unlink(path);
    }
  }

  /**
   * The layer an upper directory holds, as Docker exports it for commit, build and save: a walk
   * in lexical order; whiteouts (char 0:0) become {@code .wh.NAME} files (mode 0600, owner kept);
   * an opaque directory is followed by {@code .wh..wh..opq} and loses the xattr; a second name for
   * an inode becomes a hard link to the first.
   */
  public static LayerTree export(Vfs vfs, String dir) {
    List<LayerEntry> out = new ArrayList<>();
    walk(vfs, dir, "", out, new HashMap<>());
    return LayerTree.of(out);
  }

  private static void walk(Vfs vfs, String root, String rel, List<LayerEntry> out, Map<Long, String> inodes) {
    String abs = rel.isEmpty() ? root : VPaths.child(root, rel);
    for (DirEntry d : vfs.readDir(abs)) {
      String path = rel.isEmpty() ? d.name() : rel + "/" + d.name();
      String full = VPaths.child(abs, d.name());
      Stat s = vfs.lstat(full);
      long mtime = s.mtime().getEpochSecond();
      if (s.isWhiteout()) {
        out.add(LayerEntry.whiteout(path, mtime).withOwner(s.uid(), s.gid()));
        continue;
      }
      TreeMap<String, String> xattrs = new TreeMap<>();
      if (!s.isSymlink()) {
        for (String name : vfs.listxattr(full)) {
          if (name.equals(CAPABILITY_XATTR)) {
            xattrs.put(name, new String(vfs.getxattr(full, name), StandardCharsets.ISO_8859_1));
          }
        }
      }
      switch (s.type()) {
        case DIRECTORY -> {
          out.add(new LayerEntry(path, FileType.DIRECTORY, s.mode(), s.uid(), s.gid(), mtime, null, null, 0, 0, xattrs));
          if (isOpaque(vfs, full)) {
            out.add(new LayerEntry(path + "/" + LayerEntry.OPAQUE_MARKER, FileType.REGULAR, s.mode() & 0777, s.uid(),
                s.gid(), 0, null, null, 0, 0, null));
          }
          walk(vfs, root, path, out, inodes);
        }
        case REGULAR -> {
          String first = s.nlink() > 1 ? inodes.putIfAbsent(s.ino(), path) : null;
          Content c = first != null ? null : Content.of(vfs.read(full));
          out.add(new LayerEntry(path, FileType.REGULAR, s.mode(), s.uid(), s.gid(), mtime, c, first, 0, 0, xattrs));
        }
        case SYMLINK -> out.add(new LayerEntry(path, FileType.SYMLINK, 0777, s.uid(), s.gid(), mtime, null,
            vfs.readlink(full), 0, 0, null));
        case CHAR_DEVICE, BLOCK_DEVICE, FIFO -> out.add(new LayerEntry(path, s.type(), s.mode(), s.uid(), s.gid(),
            mtime, null, null, s.rdevMajor(), s.rdevMinor(), xattrs));
        default -> { } // sockets are not archived, as tar skips them
      }
    }
  }

  private static boolean isOpaque(Vfs vfs, String path) {
    try {
      byte[] v = vfs.getxattr(path, OPAQUE_XATTR);
      return v.length == 1 && v[0] == 'y';
    } catch (VfsException e) {
      return false;
    }
  }
}
