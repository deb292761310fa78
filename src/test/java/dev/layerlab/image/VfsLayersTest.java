package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.Stat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VfsLayersTest {
  private static final long T = 1534958937L;
  private final JimfsVfs vfs = JimfsVfs.create(Clock.fixed(Instant.parse("2018-08-20T14:24:03Z"), ZoneOffset.UTC));

  @Test
  void extractingTurnsWhiteoutFilesIntoCharDevicesAndOpaqueMarkersIntoXattrs() {
    LayerTree layer = LayerTree.of(List.of(
        LayerEntry.dir("etc", 0755, T),
        LayerEntry.whiteout("etc/motd", T),
        LayerEntry.dir("var", 0755, T),
        LayerEntry.file("var/.wh..wh..opq", 0755, T, null),
        LayerEntry.file("var/new", 0644, T, Content.text("n\n"))));
    vfs.mkdir("/diff", 0755);

    VfsLayers.apply(layer, vfs, "/diff");

    Stat w = vfs.lstat("/diff/etc/motd");
    assertThat(w.isWhiteout()).isTrue();
    assertThat(w.mode()).isZero();
    assertThat(vfs.exists("/diff/etc/.wh.motd")).isFalse();
    assertThat(vfs.getxattr("/diff/var", VfsLayers.OPAQUE_XATTR)).containsExactly('y');
    assertThat(vfs.exists("/diff/var/.wh..wh..opq")).isFalse();
    assertThat(vfs.read("/diff/var/new")).isEqualTo("n\n".getBytes(StandardCharsets.UTF_8));
    assertThat(vfs.lstat("/diff/var").mtime()).isEqualTo(Instant.ofEpochSecond(T));
  }

  @Test
  void exportingAnUpperDirWritesDockersWhiteoutFiles() {
    vfs.mkdir("/upper", 0755);
    vfs.mkdir("/upper/tmp", 01777);
    vfs.mknod("/upper/tmp/thisIsAFileCreateImageLayer", FileType.CHAR_DEVICE, 0, 0, 0);
    vfs.mkdir("/upper/data", 0750);
    vfs.setxattr("/upper/data", VfsLayers.OPAQUE_XATTR, new byte[] {'y'});
    vfs.write("/upper/data/x", "x".getBytes(StandardCharsets.UTF_8), dev.layerlab.vfs.Vfs.WriteMode.CREATE_NEW, 0644);
    vfs.link("/upper/data/x", "/upper/data/y");

    LayerTree layer = VfsLayers.export(vfs, "/upper");

    assertThat(layer.entries()).extracting(LayerEntry::path).containsExactly(
        "data", "data/.wh..wh..opq", "data/x", "data/y", "tmp", "tmp/.wh.thisIsAFileCreateImageLayer");
    LayerEntry wh = layer.get("tmp/.wh.thisIsAFileCreateImageLayer").orElseThrow();
    assertThat(wh.type()).isEqualTo(FileType.REGULAR);
    assertThat(wh.mode()).isEqualTo(0600);
    assertThat(wh.content().size()).isZero();
    assertThat(layer.get("data/.wh..wh..opq").orElseThrow().mode()).isEqualTo(0750);
    assertThat(layer.get("data").orElseThrow().xattrs()).doesNotContainKey(VfsLayers.OPAQUE_XATTR);
    assertThat(layer.get("data/y").orElseThrow().linkName()).isEqualTo("data/x");
    assertThat(layer.get("tmp").orElseThrow().mode()).isEqualTo(01777);
  }

  @Test
  void exportThenExtractGivesBackTheSameDirectory() {
    vfs.mkdir("/a", 0755);
    vfs.mkdir("/a/etc", 0700);
    vfs.symlink("../proc/self/mounts", "/a/etc/mtab");
    vfs.write("/a/etc/passwd", "root:x:0:0::/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8),
        dev.layerlab.vfs.Vfs.WriteMode.CREATE_NEW, 0644);
    vfs.chown("/a/etc/passwd", 0, 42, false);
    vfs.mknod("/a/etc/gone", FileType.CHAR_DEVICE, 0, 0, 0);
    vfs.mkdir("/a/opq", 0755);
    vfs.setxattr("/a/opq", VfsLayers.OPAQUE_XATTR, new byte[] {'y'});

    byte[] tar = LayerTar.bytes(VfsLayers.export(vfs, "/a"));
    vfs.mkdir("/b", 0755);
    VfsLayers.apply(LayerTar.read(tar), vfs, "/b");

    assertThat(vfs.readlink("/b/etc/mtab")).isEqualTo("../proc/self/mounts");
    assertThat(vfs.lstat("/b/etc").mode()).isEqualTo(0700);
    assertThat(vfs.lstat("/b/etc/passwd").gid()).isEqualTo(42);
    assertThat(vfs.lstat("/b/etc/gone").isWhiteout()).isTrue();
    assertThat(vfs.getxattr("/b/opq", VfsLayers.OPAQUE_XATTR)).containsExactly('y');
    assertThat(Digest.of(LayerTar.bytes(VfsLayers.export(vfs, "/b")))).isEqualTo(Digest.of(tar));
  }

  @Test
  void pullingACatalogImageMaterialisesEveryLayerAndChecksItsDiffId() {
    Image hello = Catalog.builtIn().resolve("layerlab/hello");
    vfs.mkdir("/layers", 0700);

    List<Pulls.Extracted> done = Pulls.materialize(hello, vfs, "/layers", false);

    assertThat(done).extracting(Pulls.Extracted::diffId).isEqualTo(hello.diffIds());
    assertThat(vfs.read("/layers/5/app/message.txt")).asString(StandardCharsets.UTF_8).isEqualTo("Hello from layerlab\n");
    assertThat(vfs.lstat("/layers/2/var/lib/apt/lists/lock").isWhiteout()).isTrue();
    assertThat(BuiltinStub.utility(vfs.read("/layers/0/bin/ls"))).contains("ls");
    assertThat(vfs.readlink("/layers/0/bin/sh")).isEqualTo("dash");
  }

  @Test
  void pullingWithBlobVerificationGivesTheSameFiles() {
    Image alpine = Catalog.builtIn().resolve("alpine:3.8");
    vfs.mkdir("/x", 0700);
    vfs.mkdir("/y", 0700);

    Pulls.materialize(alpine, vfs, "/x", false);
    Pulls.materialize(alpine, vfs, "/y", true);

    assertThat(Digest.of(LayerTar.bytes(VfsLayers.export(vfs, "/y/0"))))
        .isEqualTo(Digest.of(LayerTar.bytes(VfsLayers.export(vfs, "/x/0"))))
        .isEqualTo(alpine.layers().get(0).diffId());
  }
}
