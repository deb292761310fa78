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

/**
 * An overlay mount, with the Linux kernel's rules: lower dirs stacked read-only under one
 * writable upper dir, all of them directories of a base filesystem.
 *
 * <p>Reads go to the topmost layer that has a name; the first change to a lower object copies
 * it up; deletions leave whiteouts; a directory made where a lower one was deleted is opaque.
 * Nothing is written to a lower dir, ever. Every step is reported to the {@link OverlayListener}.
 */
public final class OverlayVfs implements Vfs {
  /** Anonymous device numbers 0:N, as the kernel hands them to each overlay mount. */
  private static final AtomicInteger NEXT_ANON_DEV = new AtomicInteger(39);
  private static final String ESCAPED = Xattrs.PREFIX + "overlay.";

  private final Vfs base;
  private final List<String> lowerDirs;
  private final String upperDir;
  private final String workDir;
  private final OverlayOptions options;
  private final OverlayListener listener;
  private final long dev;
  private final Lookup lookup;
  private final CopyUp copyUp;
  private final Namespace namespace;
  private final MergedView view;

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
    String indexDir = upperDir != null && options.index() ? Lookup.child(VPaths.normalize(workDir), "index") : null;
    this.lookup = new Lookup(base, roots, upperDir == null ? null : VPaths.normalize(upperDir), indexDir);
    this.copyUp = upperDir == null ? null
        : new CopyUp(base, VPaths.normalize(upperDir), VPaths.normalize(workDir), indexDir, options, listener);
    this.namespace = new Namespace(base, lookup, copyUp, options, listener);
    this.view = new MergedView(base, lookup, copyUp, dev);
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

  /**
   * Runs a change through the mount, then forgets what it made stale: the entries at the
   * {@code touched} merged paths (with what lies below them and their directories' listings).
   * A failure half-way, or index=on (where one copy-up changes what other names show),
   * forgets everything.
   */
  private void change(Runnable r, List<String> touched) {
    boolean done = false;
    try {
      r.run();
      done = true;
    } finally {
      if (done && !options.index()) {
        lookup.changed(touched);
      } else {
        lookup.invalidate();
      }
    }
  }

  private void change(Runnable r, Entry e) {
    change(r, touched(e, null, new ArrayList<>()));
  }

  /**
   * The merged paths a change at {@code name} in {@code dir} (or at {@code dir} itself when
   * {@code name} is null) can alter: that path and every ancestor not yet in the upper dir,
   * since copy-up may bring it there.
   */
  private static List<String> touched(Entry dir, String name, List<String> out) {
    if (name != null) {
      out.add(Lookup.child(dir.path, name));
    }
    for (Entry a = dir; ; a = a.parent) {
      if (a == dir && name == null || a.upper == null) {
        out.add(a.path);
      }
      if (a.isRoot()) {
        return out;
      }
    }
  }

  private void writable(String path) {
    if (upperDir == null) {
      throw new VfsException(Errno.EROFS, path);
    }
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
      writable(path);
      change(() -> namespace.create(f.dir(), f.name(), false, p -> base.write(p, data, WriteMode.CREATE_NEW, createMode)),
          touched(f.dir(), f.name(), new ArrayList<>()));
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
    writable(path);
    change(() -> base.write(copyUp.copyUp(e, true), data, how, createMode), e);
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
    writable(path);
    change(() -> base.truncate(copyUp.copyUp(e, true), size), e);
  }

  @Override
  public synchronized void mkdir(String path, int mode) {
    Lookup.Found f = lookup.walk(path, false);
    if (f.node() != null || f.isRoot()) {
      throw new VfsException(Errno.EEXIST, path);
    }
    writable(path);
    change(() -> namespace.create(f.dir(), f.name(), true, p -> base.mkdir(p, mode)),
        touched(f.dir(), f.name(), new ArrayList<>()));
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
    writable(path); // the kernel asks for write access after the name's type, before emptiness
    // with something below, emptiness is the merged view's; an upper-only dir is removed by
    // the upper fs itself, where a stray whiteout makes it ENOTEMPTY
    boolean below = e.hasLower() || lookup.lowerPositive(e.parent, e.name);
    if (below ? !isEmpty(e) : !base.readDir(e.real()).isEmpty()) {
      throw new VfsException(Errno.ENOTEMPTY, path);
    }
    change(() -> namespace.remove(e), e);
  }

  /**
   * Whether two names are one inode of the mount: upper hard links are; lower hard links are
   * only with index=on, where the kernel keys their inode by the lower one.
   */
  private boolean sameInode(Entry a, Entry b) {
    if (a.isDir() || b.isDir() || !(options.index() || (a.upper != null && b.upper != null))) {
      return false;
    }
    return base.lstat(a.real()).ino() == base.lstat(b.real()).ino();
  }

  /** Empty as rmdir sees it: whiteouts do not count, not even stray ones in a one-layer dir. */
  private boolean isEmpty(Entry dir) {
    for (Entry.Child c : lookup.listing(dir).values()) {
      if (c.type != null) {
        return false;
      }
    }
    return true;
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
    writable(path); // the kernel checks the name and its type first, then write access
    change(() -> namespace.remove(e), e);
  }

  @Override
  public synchronized void rename(String from, String to) {
    Lookup.Found a = lookup.walk(from, false);
    Lookup.Found b = lookup.walk(to, false); // both parents are looked up before the name itself
    if (a.isRoot() || b.isRoot()) {
      throw new VfsException(Errno.EBUSY, a.isRoot() ? from : to);
    }
    writable(from); // then write access to the mount, then the names
    Entry old = a.need(from);
    Entry target = b.node();
    if (target != null && (target.path.equals(old.path) || sameInode(old, target))) {
      return; // rename(2) of two names of one inode does nothing
    }
    if (target != null && old.path.startsWith(target.path + "/")) {
      throw new VfsException(Errno.ENOTEMPTY, to); // onto its own ancestor: checked first
    }
    if (old.isDir()) {
      String d = b.dir().path;
      if (d.equals(old.path) || d.startsWith(old.path + "/")) {
        throw new VfsException(Errno.EINVAL, to); // into its own subtree: checked first
      }
      if (target != null && !target.isDir()) {
        throw new VfsException(Errno.ENOTDIR, to);
      }
    } else if (target != null && target.isDir()) {
      throw new VfsException(Errno.EISDIR, to);
    }
    // a target with lower parts is checked as merged (whiteouts do not count); an upper-only
    // one is left to the upper fs, where a stray whiteout makes it ENOTEMPTY
    boolean mergedFull = old.isDir() && target != null && target.hasLower() && !isEmpty(target);
    boolean upperFull = old.isDir() && target != null && !target.hasLower()
        && !base.readDir(target.real()).isEmpty();
    change(() -> namespace.rename(old, b.dir(), b.name(), target, mergedFull, upperFull),
        touched(b.dir(), b.name(), touched(old, null, new ArrayList<>())));
  }

  @Override
  public synchronized void link(String existing, String newPath) {
    Entry e = lookup.walk(existing, false).need(existing);
    Lookup.Found b = lookup.walk(newPath, false);
    if (b.node() != null || b.isRoot()) {
      throw new VfsException(Errno.EEXIST, newPath);
    }
    writable(newPath); // filename_create: EEXIST, then write access, then vfs_link's EPERM
    if (e.isDir()) {
      throw new VfsException(Errno.EPERM, existing);
    }
    change(() -> namespace.link(e, b.dir(), b.name()), touched(b.dir(), b.name(), touched(e, null, new ArrayList<>())));
  }

  @Override
  public synchronized void symlink(String target, String path) {
    Lookup.Found f = lookup.walk(path, false);
    if (f.node() != null || f.isRoot()) {
      throw new VfsException(Errno.EEXIST, path);
    }
    if (target.isEmpty()) {
      throw new VfsException(Errno.ENOENT, path);
    }
    writable(path);
    change(() -> namespace.create(f.dir(), f.name(), false, p -> base.symlink(target, p)),
        touched(f.dir(), f.name(), new ArrayList<>()));
  }

  @Override
  public synchronized String readlink(String path) {
    Entry e = resolve(path, false);
    if (e.type != FileType.SYMLINK) {
      throw new VfsException(Errno.EINVAL, path);
    }
    return base.readlink(e.real());
  }

  /** A metadata change: copy up (metadata only with metacopy=on), then apply it to the upper object. */
  private void changeMetadata(String path, boolean follow, java.util.function.Consumer<String> change) {
    changeMetadata(path, follow, false, change);
  }

  /**
   * @param inodeOnly an xattr change: it goes to the inode's upper copy when it has one (an
   *     index entry), without bringing this name up, as ovl_xattr_set does
   */
  private void changeMetadata(String path, boolean follow, boolean inodeOnly,
      java.util.function.Consumer<String> change) {
    Entry e = lookup.walk(path, follow).need(path);
    writable(path);
    if (inodeOnly && e.upper == null && e.index != null) {
      change(() -> change.accept(e.index), e);
      return;
    }
    change(() -> change.accept(copyUp.copyUp(e, false)), e);
  }

  @Override
  public synchronized void chmod(String path, int mode) {
    changeMetadata(path, true, p -> base.chmod(p, mode));
  }

  @Override
  public synchronized void chown(String path, int uid, int gid, boolean follow) {
    changeMetadata(path, follow, p -> base.chown(p, uid, gid, false));
  }

  @Override
  public synchronized void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    changeMetadata(path, follow, p -> base.utimes(p, atime, mtime, false));
  }

  @Override
  public synchronized void mknod(String path, FileType type, int mode, int major, int minor) {
    if (type == FileType.DIRECTORY) {
      throw new VfsException(Errno.EPERM, path);
    }
    if (type == FileType.SYMLINK) {
      throw new VfsException(Errno.EINVAL, path);
    }
    Lookup.Found f = lookup.walk(path, false);
    if (f.node() != null || f.isRoot()) {
      throw new VfsException(Errno.EEXIST, path);
    }
    writable(path);
    change(() -> namespace.create(f.dir(), f.name(), false, p -> base.mknod(p, type, mode, major, minor)),
        touched(f.dir(), f.name(), new ArrayList<>()));
  }

  /**
   * The overlay's own xattrs are invisible through the mount. A {@code trusted.overlay.*} name
   * set through it is stored escaped as {@code trusted.overlay.overlay.*}, as kernels since 6.7 do.
   */
  private static String realXattrName(String name) {
    return name.startsWith(Xattrs.PREFIX) ? ESCAPED + name.substring(Xattrs.PREFIX.length()) : name;
  }

  @Override
  public synchronized byte[] getxattr(String path, String name) {
    return base.getxattr(lookup.walk(path, false).need(path).real(), realXattrName(name));
  }

  @Override
  public synchronized void setxattr(String path, String name, byte[] value) {
    checkXattrChange(path, name);
    changeMetadata(path, false, true, p -> base.setxattr(p, realXattrName(name), value));
  }

  /** The VFS checks the kernel makes on the overlay inode itself, before anything is copied up. */
  private void checkXattrChange(String path, String name) {
    Entry e = lookup.walk(path, false).need(path);
    writable(path); // path_setxattr/path_removexattr ask for write access before any xattr check
    if (!(name.startsWith("user.") || name.startsWith("trusted.") || name.startsWith("security.")
        || name.startsWith("system."))) {
      throw new VfsException(Errno.EOPNOTSUPP, path);
    }
    if (name.startsWith("user.") && e.type != FileType.REGULAR && !e.isDir()) {
      throw new VfsException(Errno.EPERM, path); // user.* only on files and directories
    }
  }

  @Override
  public synchronized List<String> listxattr(String path) {
    List<String> out = new ArrayList<>();
    for (String name : base.listxattr(lookup.walk(path, false).need(path).real())) {
      if (name.startsWith(ESCAPED)) {
        out.add(Xattrs.PREFIX + name.substring(ESCAPED.length()));
      } else if (!name.startsWith(Xattrs.PREFIX)) {
        out.add(name);
      }
    }
    return out;
  }

  @Override
  public synchronized void removexattr(String path, String name) {
    checkXattrChange(path, name);
    Entry e = lookup.walk(path, false).need(path);
    if (e.upper == null) {
      base.getxattr(e.real(), realXattrName(name)); // ENODATA before any copy-up
    }
    changeMetadata(path, false, true, p -> base.removexattr(p, realXattrName(name)));
  }

  @Override
  public synchronized void copyContent(String source, String target) {
    Entry s = lookup.walk(source, true).need(source);
    Entry t = lookup.walk(target, true).need(target);
    if (s.type != FileType.REGULAR || t.type != FileType.REGULAR) {
      throw new VfsException(s.isDir() || t.isDir() ? Errno.EISDIR : Errno.EINVAL, target);
    }
    String from = view.dataPath(s);
    writable(target);
    change(() -> base.copyContent(from, copyUp.copyUp(t, true)), t);
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
