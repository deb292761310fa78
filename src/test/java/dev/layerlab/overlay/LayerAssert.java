package dev.layerlab.overlay;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VfsException;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Checks on what a layer directory holds: {@code assertThat(upper).hasWhiteout("etc/motd")}. */
public final class LayerAssert extends AbstractAssert<LayerAssert, Layer> {

  private LayerAssert(Layer layer) {
    super(layer, LayerAssert.class);
  }

  public static LayerAssert assertThat(Layer layer) {
    return new LayerAssert(layer);
  }

  private Stat st(String rel) {
    try {
      return actual.lstat(rel);
    } catch (VfsException e) {
      failWithMessage("expected %s in %s but lstat said %s", rel, actual.root(), e.errno());
      throw e;
    }
  }

  private byte[] xattr(String rel, String name) {
    return Xattrs.get(actual.vfs(), actual.path(rel), name);
  }

  /** Char 0:0, mode 0000, owned by root: the kernel's whiteout. */
  public LayerAssert hasWhiteout(String rel) {
    Stat s = st(rel);
    if (!s.isWhiteout() || s.mode() != 0 || s.uid() != 0 || s.gid() != 0) {
      failWithMessage("expected %s in %s to be a whiteout (c 0000 0:0 root) but it is %s", rel, actual.root(), s);
    }
    return this;
  }

  public LayerAssert hasNoEntry(String rel) {
    if (actual.vfs().exists(actual.path(rel))) {
      failWithMessage("expected no %s in %s but found %s", rel, actual.root(), actual.lstat(rel));
    }
    return this;
  }

  public LayerAssert hasFile(String rel, String content) {
    Stat s = st(rel);
    if (!s.isRegular()) {
      failWithMessage("expected %s in %s to be a regular file but it is %s", rel, actual.root(), s.type());
    }
    String got = new String(actual.vfs().read(actual.path(rel)), UTF_8);
    if (!got.equals(content)) {
      failWithMessage("expected %s in %s to hold <%s> but it holds <%s>", rel, actual.root(), content, got);
    }
    return this;
  }

  public LayerAssert hasDir(String rel) {
    if (!st(rel).isDirectory()) {
      failWithMessage("expected %s in %s to be a directory", rel, actual.root());
    }
    return this;
  }

  public LayerAssert hasEntries(String rel, String... names) {
    List<String> got = actual.vfs().readDir(actual.path(rel)).stream().map(DirEntry::name).toList();
    if (!got.equals(List.of(names))) {
      failWithMessage("expected %s in %s to hold %s but it holds %s", rel, actual.root(), List.of(names), got);
    }
    return this;
  }

  public LayerAssert hasMode(String rel, int mode) {
    int m = st(rel).mode();
    if (m != mode) {
      failWithMessage("expected %s in %s to have mode %04o but it has %04o", rel, actual.root(), mode, m);
    }
    return this;
  }

  public LayerAssert hasOwner(String rel, int uid, int gid) {
    Stat s = st(rel);
    if (s.uid() != uid || s.gid() != gid) {
      failWithMessage("expected %s in %s owned by %d:%d but it is %d:%d", rel, actual.root(), uid, gid, s.uid(), s.gid());
    }
    return this;
  }

  /** {@code trusted.overlay.origin} is a file handle naming exactly that lower object. */
  public LayerAssert hasOrigin(String rel, Layer lower, String lowerRel) {
    byte[] fh = xattr(rel, Xattrs.ORIGIN);
    if (fh == null) {
      failWithMessage("expected %s in %s to carry trusted.overlay.origin", rel, actual.root());
      return this;
    }
    long want = lower.lstat(lowerRel).ino();
    if (fh.length != FileHandle.LENGTH || fh[0] != 0 || (fh[1] & 0xff) != 0xfb || FileHandle.inode(fh) != want) {
      failWithMessage("expected origin of %s to name inode %d (%s in %s) but it is %s",
          rel, want, lowerRel, lower.root(), Arrays.toString(fh));
    }
    return this;
  }

  public LayerAssert hasNoXattr(String rel, String name) {
    if (xattr(rel, name) != null) {
      failWithMessage("expected %s in %s not to carry %s", rel, actual.root(), name);
    }
    return this;
  }

  public LayerAssert hasXattr(String rel, String name, String value) {
    byte[] v = xattr(rel, name);
    if (v == null || !new String(v, UTF_8).equals(value)) {
      failWithMessage("expected %s in %s to carry %s=%s but it is %s", rel, actual.root(), name, value,
          v == null ? "absent" : new String(v, UTF_8));
    }
    return this;
  }

  public LayerAssert hasNoOrigin(String rel) {
    return hasNoXattr(rel, Xattrs.ORIGIN);
  }

  public LayerAssert isImpure(String rel) {
    return hasXattr(rel, Xattrs.IMPURE, "y");
  }

  public LayerAssert isNotImpure(String rel) {
    return hasNoXattr(rel, Xattrs.IMPURE);
  }

  public LayerAssert hasOpaqueDir(String rel) {
    return hasDir(rel).hasXattr(rel, Xattrs.OPAQUE, "y");
  }

  public LayerAssert isNotOpaque(String rel) {
    return hasNoXattr(rel, Xattrs.OPAQUE);
  }

  public LayerAssert hasRedirect(String rel, String redirect) {
    return hasXattr(rel, Xattrs.REDIRECT, redirect);
  }
}
