package dev.layerlab.image;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the entries of a root filesystem being made up: absolute paths in, missing parent
 * directories created (0755 root, the default mtime) on the way, later writes replacing earlier.
 */
final class TreeWriter {
  private final Map<String, LayerEntry> entries = new LinkedHashMap<>();
  private long mtime;

  TreeWriter(long mtime) {
    this.mtime = mtime;
  }

  /** Changes the mtime given to entries made from now on. */
  TreeWriter at(long newMtime) {
    this.mtime = newMtime;
    return this;
  }

  TreeWriter dir(String path, int mode) {
    return dir(path, mode, 0, 0);
  }

  TreeWriter dir(String path, int mode, int uid, int gid) {
    String p = rel(path);
    parents(p);
    entries.put(p, LayerEntry.dir(p, mode, mtime).withOwner(uid, gid));
    return this;
  }

  TreeWriter file(String path, int mode, Content content) {
    return file(path, mode, content, 0, 0);
  }

  TreeWriter file(String path, int mode, Content content, int uid, int gid) {
    String p = rel(path);
    parents(p);
    entries.put(p, LayerEntry.file(p, mode, mtime, content).withOwner(uid, gid));
    return this;
  }

  TreeWriter text(String path, int mode, String text) {
    return file(path, mode, Content.of(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A program binary: a stub naming {@code utility}, padded to {@code size} like the real file. */
  TreeWriter program(String path, String utility, long size) {
    byte[] stub = BuiltinStub.bytes(utility);
    return file(path, 0755, size > stub.length ? Content.filler(stub, size, path.hashCode()) : Content.of(stub));
  }

  TreeWriter symlink(String path, String target) {
    String p = rel(path);
    parents(p);
    entries.put(p, LayerEntry.symlink(p, target, mtime));
    return this;
  }

  TreeWriter hardLink(String path, String existing, int mode) {
    String p = rel(path);
    parents(p);
    entries.put(p, LayerEntry.hardLink(p, rel(existing), mode, mtime));
    return this;
  }

  TreeWriter put(LayerEntry e) {
    parents(e.path());
    entries.put(e.path(), e);
    return this;
  }

  boolean has(String path) {
    return entries.containsKey(rel(path));
  }

  LayerEntry get(String path) {
    return entries.get(rel(path));
  }

  Iterable<LayerEntry> entries() {
    return entries.values();
  }

  LayerTree build() {
    return LayerTree.of(entries.values());
  }

  private void parents(String p) {
    int slash = p.lastIndexOf('/');
    if (slash > 0) {
      String parent = p.substring(0, slash);
      if (!entries.containsKey(parent)) {
        parents(parent);
        entries.put(parent, LayerEntry.dir(parent, 0755, mtime));
      }
    }
  }

  static String rel(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
