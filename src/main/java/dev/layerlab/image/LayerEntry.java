package dev.layerlab.image;

import dev.layerlab.vfs.FileType;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One member of a layer, as a tar header describes it.
 *
 * @param path relative to the layer root, {@code /}-separated, no leading {@code ./} or {@code /}
 *     and no trailing slash (e.g. {@code etc/apt/sources.list})
 * @param mode the 12 permission bits (setuid, setgid, sticky included)
 * @param mtime seconds since the epoch
 * @param linkName a symlink's target, or for a hard link (type REGULAR) the path it links to;
 *     null otherwise
 * @param xattrs extended attributes, values as ISO-8859-1 strings of their raw bytes
 */
public record LayerEntry(
    String path,
    FileType type,
    int mode,
    int uid,
    int gid,
    long mtime,
    Content content,
    String linkName,
    int devMajor,
    int devMinor,
    SortedMap<String, String> xattrs) {

  /** The prefix the OCI and Docker layer formats use to mark a deleted name. */
  public static final String WHITEOUT_PREFIX = ".wh.";

  /** The name that makes its directory opaque (hides every lower child). */
  public static final String OPAQUE_MARKER = ".wh..wh..opq";

  public LayerEntry {
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("not a layer path: " + path);
    }
    content = content == null ? Content.EMPTY : content;
    xattrs = xattrs == null || xattrs.isEmpty()
        ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(new TreeMap<>(xattrs));
  }

  public static LayerEntry dir(String path, int mode, long mtime) {
    return new LayerEntry(path, FileType.DIRECTORY, mode, 0, 0, mtime, null, null, 0, 0, null);
  }

  public static LayerEntry file(String path, int mode, long mtime, Content content) {
    return new LayerEntry(path, FileType.REGULAR, mode, 0, 0, mtime, content, null, 0, 0, null);
  }

  public static LayerEntry symlink(String path, String target, long mtime) {
    return new LayerEntry(path, FileType.SYMLINK, 0777, 0, 0, mtime, null, target, 0, 0, null);
  }

  public static LayerEntry hardLink(String path, String existing, int mode, long mtime) {
    return new LayerEntry(path, FileType.REGULAR, mode, 0, 0, mtime, null, existing, 0, 0, null);
  }

  /** A deletion marker as Docker's pkg/archive writes it: an empty regular file, mode 0600. */
  public static LayerEntry whiteout(String deletedPath, long mtime) {
    int slash = deletedPath.lastIndexOf('/');
    String dir = slash < 0 ? "" : deletedPath.substring(0, slash + 1);
    return file(dir + WHITEOUT_PREFIX + deletedPath.substring(slash + 1), 0600, mtime, null);
  }

  public LayerEntry withOwner(int newUid, int newGid) {
    return new LayerEntry(path, type, mode, newUid, newGid, mtime, content, linkName, devMajor, devMinor, xattrs);
  }

  public LayerEntry withXattr(String name, String value) {
    TreeMap<String, String> x = new TreeMap<>(xattrs);
    x.put(name, value);
    return new LayerEntry(path, type, mode, uid, gid, mtime, content, linkName, devMajor, devMinor, x);
  }

  /** The last name of the path. */
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The parent directory's path, {@code ""} for the layer root. */
  public String parent() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  public boolean isHardLink() {
    return type == FileType.REGULAR && linkName != null;
  }

  /** A {@code .wh.NAME} marker (the opaque marker is not one). */
  public boolean isWhiteout() {
    return name().startsWith(WHITEOUT_PREFIX) && !name().equals(OPAQUE_MARKER);
  }

  public boolean isOpaqueMarker() {
    return name().equals(OPAQUE_MARKER);
  }

  /** For a whiteout, the path of the name it deletes. */
  public String whitedOutPath() {
    String p = parent();
    String n = name().substring(WHITEOUT_PREFIX.length());
    return p.isEmpty() ? n : p + "/" + n;
  }

  /** Bytes this entry adds to a layer's size: regular files count their content once, symlinks their target. */
  long sizeContribution() {
    if (type == FileType.SYMLINK) {
      return linkName.length();
    }
    return type == FileType.REGULAR && linkName == null ? content.size() : 0;
  }
}
