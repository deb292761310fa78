package dev.layerlab.overlay;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An overlay mount, with the Linux kernel's rules: lower dirs stacked read-only under one
 * writable upper dir, all of them directories of a base filesystem.
 *
 * <p>Reads go to the topmost layer that has a name; the first change to a lower object copies
 * it up; deletions leave whiteouts; a directory made where a lower one was deleted is opaque.
 * Nothing is written to a lower dir, ever. Every step is reported to the {@link OverlayListener}.
 *
 * <p>This class is the VFS's side of each call: it walks the path, makes the checks the kernel
 * makes before it asks the filesystem (EEXIST, EISDIR, EBUSY, EROFS...) in their order, and
 * hands the rest to the overlay's own pieces (see the package documentation).
 */
public final class OverlayVfs implements Vfs {
  /** Anonymous device numbers 0:N, as the kernel hands them to each overlay mount. */
  private static final AtomicInteger NEXT_ANON_DEV = new AtomicInteger(39);

  private final Vfs base;
  private final List<String> lowerDirs;
  private final String upperDir;
  private final String workDir;
  private final OverlayOptions options;
  private final OverlayListener listener;
  private final long dev;
  private final Lookup lookup;
  private final LayerSearch search;
  private final Changes changes;
  private final CopyUp copyUp;
  private final Namespace namespace;
  private final MergedView view;
  private final Attributes attributes;
  private final Rename rename;

  private OverlayVfs(Vfs base, List<String> lowerDirs, String upperDir, String workDir,
      OverlayOptions options, OverlayListener listener) {
    this.base = base;
    this.lowerDirs = List.copyOf(lowerDirs);
    this.upperDir = upperDir;
    this.workDir = workDir;
    this.options = options;
    this.listener = listener;
    this.dev = NEXT_ANON_DEV.getAndIncrement();
    String[] roots = lowerDirs.stream().map(VPaths::normalize).toArray(String[]::new);
    String indexDir = upperDir != null && options.index() ? VPaths.child(VPaths.normalize(workDir), "index") : null;
    this.search = new LayerSearch(base, roots, upperDir == null ? null : VPaths.normalize(upperDir), indexDir);
    this.lookup = new Lookup(base, search);
    this.changes = new Changes(lookup, upperDir == null, options);
    this.copyUp = upperDir == null ? null
        : new CopyUp(base, VPaths.normalize(upperDir), VPaths.normalize(workDir), indexDir, options, listener);
    this.namespace = new Namespace(base, search, copyUp, options, listener);
    this.view = new MergedView(base, lookup, copyUp, dev);
    this.attributes = new Attributes(base, lookup, copyUp, changes);
    this.rename = new Rename(base, lookup, search, copyUp, namespace, changes, options, listener);
  }

  /**
   * mount -t overlay: {@code lowerDirs} top-first (the order of the lowerdir= option), paths in
   * {@code base}. With a null {@code upperDir} the mount is read-only (EROFS on changes) and needs
   * two lower dirs. Prepares {@code workDir/work} as the kernel does.
   */
  public static OverlayVfs mount(Vfs base, List<String> lowerDirs, String upperDir, String workDir,
      OverlayOptions options, OverlayListener listener) {
    OverlayOptions opts = (options == null ? OverlayOptions.DEFAULTS : options).effective();
    Workdir.check(base, lowerDirs, upperDir, workDir);
    if (upperDir != null) {
      Workdir.prepare(base, workDir, upperDir, lowerDirs.get(0), opts);
    }
    return new OverlayVfs(base, lowerDirs, upperDir, workDir, opts,
        listener == null ? OverlayListener.NONE : listener);
  }

  /** The option string {@code mount} and /proc/mounts show, in the kernel 4.15 form. */
  public String mountOptions() {
    StringBuilder sb = new StringBuilder(upperDir == null ? "ro" : "rw").append(",relatime,lowerdir=");
    sb.append(String.join(":", lowerDirs));
    if (upperDir != null) {
      sb.append(",upperdir=").append(upperDir).append(",workdir=").append(workDir);
    }
    if (options.redirectDir()) {
      sb.append(",redirect_dir=on");
    }
    if (options.index()) {
      sb.append(",index=on");
    }
    if (options.metacopy()) {
      sb.append(",metacopy=on");
    }
    return sb.toString();
  }

  public List<String> lowerDirs() {
    return lowerDirs;
  }

  /** The upper dir, or null for a read-only mount. */
  public String upperDir() {
    return upperDir;
  }

  public String workDir() {
    return workDir;
  }

  /** The options in effect (metacopy=on brings redirect_dir=on). */
  public OverlayOptions options() {
    return options;
  }

  /**
   * Which layer a merged path (not following a final symlink) comes from: the index into
   * {@link #lowerDirs()} (0 = top), or empty when the upper dir has it. ENOENT when nothing does.
   */
  public Optional<Integer> layerOf(String path) {
    Entry e = lookup.walk(path, false).need(path);
    return e.upper != null ? Optional.empty() : Optional.of(e.layers[0]);
  }

  /** Where the object a merged path shows really lives in the base filesystem. */
  public String realPath(String path) {
    return lookup.walk(path, false).need(path).real();
  }

  private Entry resolve(String path, boolean follow) {
    Entry e = lookup.walk(path, follow).need(path);
    if (listener != OverlayListener.NONE) {
      listener.on(new OverlayEvent.LookupResolved(e.path, e.layer(), e.real()));
    }
    return e;
  }

  /** The name a call is to create: EEXIST when something has it (the root included). */
  private Lookup.Found absent(String path) {
    Lookup.Found f = lookup.walk(path, false);
    if (f.node() != null || f.isRoot()) {
      throw new VfsException(Errno.EEXIST, path);
    }
    return f;
  }

  /** Creates the name {@code f} found missing with {@code make} (given the path to create it at). */
  private void create(Lookup.Found f, String path, boolean isDir, Consumer<String> make) {
    changes.writable(path);
    changes.run(() -> namespace.create(f.dir(), f.name(), isDir, make),
        Changes.touched(f.dir(), f.name(), new ArrayList<>()));
  }

  @Override
  public synchronized Stat stat(String path) {
    return view.stat(resolve(path, true));
  }

  @Override
  public synchronized Stat lstat(String path) {
    return view.stat(resolve(path, false));
  }

  @Override
  public synchronized List<DirEntry> readDir(String path) {
    Entry dir = lookup.walk(path, true).need(path);
    if (!dir.isDir()) {
      throw new VfsException(Errno.ENOTDIR, path);
    }
    return view.readDir(dir);
  }

  @Override
  public synchronized byte[] read(String path) {
    Entry e = resolve(path, true);
    if (e.isDir()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    return base.read(view.dataPath(e));
  }

  @Override
  public synchronized void write(String path, byte[] data, WriteMode how, int createMode) {
    Lookup.Found f = lookup.walk(path, how != WriteMode.CREATE_NEW);
    if (f.node() == null) {
      if (f.slash() || f.isRoot()) {
        throw new VfsException(Errno.EISDIR, path);
      }
      create(f, path, false, p -> base.write(p, data, WriteMode.CREATE_NEW, createMode));
      return;
    }
    if (how == WriteMode.CREATE_NEW) {
      throw new VfsException(Errno.EEXIST, path);
    }
    Entry e = f.need(path);
    if (e.isDir()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    if (e.type != FileType.REGULAR) {
      base.write(e.real(), data, how, createMode); // a device's driver takes it: nothing comes up
      return;
    }
    changes.writable(path);
    changes.run(() -> base.write(copyUp.copyUp(e, true), data, how, createMode), e);
  }

  @Override
  public synchronized void truncate(String path, long size) {
    Entry e = lookup.walk(path, true).need(path);
    if (e.isDir()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    if (e.type != FileType.REGULAR || size < 0) {
      throw new VfsException(Errno.EINVAL, path);
    }
    changes.writable(path);
    changes.run(() -> base.truncate(copyUp.copyUp(e, true), size), e);
  }

  @Override
  public synchronized void mkdir(String path, int mode) {
    create(absent(path), path, true, p -> base.mkdir(p, mode));
  }

  @Override
  public synchronized void rmdir(String path) {
    Lookup.Found f = lookup.walk(path, false);
    if (f.isRoot()) {
      throw new VfsException(Errno.EBUSY, path);
    }
    Entry e = f.need(path);
    if (!e.isDir()) {
      throw new VfsException(Errno.ENOTDIR, path);
    }
    changes.writable(path); // the kernel asks for write access after the name's type, before emptiness
    // with something below, emptiness is the merged view's; an upper-only dir is removed by
    // the upper fs itself, where a stray whiteout makes it ENOTEMPTY
    boolean below = e.hasLower() || search.lowerPositive(e.parent, e.name);
    if (below ? !MergedDir.isEmpty(lookup.listing(e)) : !base.readDir(e.real()).isEmpty()) {
      throw new VfsException(Errno.ENOTEMPTY, path);
    }
    changes.run(() -> namespace.remove(e), e);
  }

  @Override
  public synchronized void unlink(String path) {
    Lookup.Found f = lookup.walk(path, false);
    if (f.isRoot()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    Entry e = f.need(path);
    if (e.isDir()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    changes.writable(path); // the kernel checks the name and its type first, then write access
    changes.run(() -> namespace.remove(e), e);
  }

  @Override
  public synchronized void rename(String from, String to) {
    rename.rename(from, to);
  }

  @Override
  public synchronized void link(String existing, String newPath) {
    Entry e = lookup.walk(existing, false).need(existing);
    Lookup.Found b = absent(newPath);
    changes.writable(newPath); // filename_create: EEXIST, then write access, then vfs_link's EPERM
    if (e.isDir()) {
      throw new VfsException(Errno.EPERM, existing);
    }
    changes.run(() -> namespace.link(e, b.dir(), b.name()),
        Changes.touched(b.dir(), b.name(), Changes.touched(e, null, new ArrayList<>())));
  }

  @Override
  public synchronized void symlink(String target, String path) {
    Lookup.Found f = absent(path);
    if (target.isEmpty()) {
      throw new VfsException(Errno.ENOENT, path);
    }
    create(f, path, false, p -> base.symlink(target, p));
  }

  @Override
  public synchronized String readlink(String path) {
    Entry e = resolve(path, false);
    if (e.type != FileType.SYMLINK) {
      throw new VfsException(Errno.EINVAL, path);
    }
    return base.readlink(e.real());
  }

  @Override
  public synchronized void chmod(String path, int mode) {
    attributes.chmod(path, mode);
  }

  @Override
  public synchronized void chown(String path, int uid, int gid, boolean follow) {
    attributes.chown(path, uid, gid, follow);
  }

  @Override
  public synchronized void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    attributes.utimes(path, atime, mtime, follow);
  }

  @Override
  public synchronized void mknod(String path, FileType type, int mode, int major, int minor) {
    if (type == FileType.DIRECTORY) {
      throw new VfsException(Errno.EPERM, path);
    }
    if (type == FileType.SYMLINK) {
      throw new VfsException(Errno.EINVAL, path);
    }
    create(absent(path), path, false, p -> base.mknod(p, type, mode, major, minor));
  }

  @Override
  public synchronized byte[] getxattr(String path, String name) {
    return attributes.getxattr(path, name);
  }

  @Override
  public synchronized void setxattr(String path, String name, byte[] value) {
    attributes.setxattr(path, name, value);
  }

  @Override
  public synchronized List<String> listxattr(String path) {
    return attributes.listxattr(path);
  }

  @Override
  public synchronized void removexattr(String path, String name) {
    attributes.removexattr(path, name);
  }

  @Override
  public synchronized void copyContent(String source, String target) {
    Entry s = lookup.walk(source, true).need(source);
    Entry t = lookup.walk(target, true).need(target);
    if (s.type != FileType.REGULAR || t.type != FileType.REGULAR) {
      throw new VfsException(s.isDir() || t.isDir() ? Errno.EISDIR : Errno.EINVAL, target);
    }
    String from = view.dataPath(s);
    changes.writable(target);
    changes.run(() -> base.copyContent(from, copyUp.copyUp(t, true)), t);
  }

  @Override
  public long treeVersion() {
    return base.treeVersion();
  }

  @Override
  public String toString() {
    return "overlay on " + mountOptions();
  }
}
