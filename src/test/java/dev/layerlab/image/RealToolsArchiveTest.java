package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.FileType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * layerlab's archives against the real tools: what layerlab writes unpacks with umoci (and goes
 * through skopeo) to the same root filesystem; what umoci builds from a real directory loads in
 * layerlab with the same files. Skipped, with the reason printed, when the tools are absent.
 */
class RealToolsArchiveTest {
  private Path work;

  @BeforeEach
  void setUp() throws IOException {
    work = Files.createTempDirectory("layerlab-image-");
  }

  @AfterEach
  void tearDown() throws IOException {
    RealTools.deleteTree(work);
  }

  private static Map<String, LayerEntry> merged(Image i) {
    return CatalogTest.rootfs(i);
  }

  @Test
  void anOciLayoutWrittenByLayerlabUnpacksWithUmociToTheSameRootfs() throws Exception {
    RealTools.require("umoci");
    boolean owners = RealTools.isRoot();
    for (Image image : List.of(TestImages.whiteouts(), Catalog.builtIn().resolve("alpine:3.8"))) {
      Path layout = work.resolve("layout-" + image.id().shortId());
      OciLayout.writeDirectory(List.of(ArchiveImage.of(image, List.of("layerlab/test:v1"))), layout);
      Path bundle = work.resolve("bundle-" + image.id().shortId());
      RealTools.run(work, owners ? new String[] {"umoci", "unpack", "--image", layout + ":v1", bundle.toString()}
          : new String[] {"umoci", "unpack", "--rootless", "--image", layout + ":v1", bundle.toString()});

      RealTools.assertSameTree(RealTools.real(bundle.resolve("rootfs"), owners), RealTools.ours(merged(image), owners));
    }
  }

  @Test
  void aDockerArchiveWrittenByLayerlabGoesThroughSkopeoToTheSameRootfs() throws Exception {
    RealTools.require("skopeo");
    RealTools.require("umoci");
    Image image = TestImages.whiteouts();
    Path archive = work.resolve("saved.tar");
    Files.write(archive, DockerArchive.bytes(List.of(ArchiveImage.of(image, List.of("layerlab/whiteouts:v4")))));
    RealTools.run(work, "skopeo", "copy", "--quiet", "docker-archive:" + archive, "oci:" + work.resolve("viaskopeo") + ":v4");
    Path bundle = work.resolve("bundle");
    RealTools.run(work, "umoci", "unpack", "--image", work.resolve("viaskopeo") + ":v4", bundle.toString());

    RealTools.assertSameTree(RealTools.real(bundle.resolve("rootfs"), true), RealTools.ours(merged(image), true));

    // and back: skopeo's own docker-archive of our OCI layout loads in layerlab as the same image
    Path layout = work.resolve("ours");
    OciLayout.writeDirectory(List.of(ArchiveImage.of(image, List.of("layerlab/whiteouts:v4"))), layout);
    Path back = work.resolve("back.tar");
    RealTools.run(work, "skopeo", "copy", "--quiet", "oci:" + layout + ":v4", "docker-archive:" + back + ":layerlab/whiteouts:v4");
    List<ArchiveImage> loaded = ImageArchives.load(Files.readAllBytes(back));
    assertThat(loaded.get(0).diffIds()).isEqualTo(image.diffIds());
    assertThat(loaded.get(0).repoTags()).containsExactly("layerlab/whiteouts:v4");
    assertThat(RealTools.ours(ArchiveTest.rootfs(loaded.get(0)), true)).isEqualTo(RealTools.ours(merged(image), true));
  }

  @Test
  void anOciLayoutMadeByUmociFromARealDirectoryLoadsWithTheSameFiles() throws Exception {
    RealTools.require("umoci");
    Path layout = work.resolve("layout");
    Path bundle = work.resolve("bundle");
    RealTools.run(work, "umoci", "init", "--layout", layout.toString());
    RealTools.run(work, "umoci", "new", "--image", layout + ":v1");
    RealTools.run(work, "umoci", "unpack", "--image", layout + ":v1", bundle.toString());
    Path rootfs = bundle.resolve("rootfs");
    Files.createDirectories(rootfs.resolve("etc"));
    Files.createDirectories(rootfs.resolve("usr/share/doc/lab"));
    Files.createDirectories(rootfs.resolve("var/cache/app"));
    Files.createDirectories(rootfs.resolve("bin"));
    Files.writeString(rootfs.resolve("etc/motd"), "welcome\n");
    Files.writeString(rootfs.resolve("etc/hostname"), "lab\n");
    Files.writeString(rootfs.resolve("usr/share/doc/lab/README"), "read me\n");
    Files.writeString(rootfs.resolve("var/cache/app/a.dat"), "a");
    Files.writeString(rootfs.resolve("var/cache/app/b.dat"), "b");
    Files.write(rootfs.resolve("bin/busybox"), BuiltinStub.bytes("busybox"));
    Files.setPosixFilePermissions(rootfs.resolve("bin/busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createLink(rootfs.resolve("bin/sh"), rootfs.resolve("bin/busybox"));
    Files.createSymbolicLink(rootfs.resolve("bin/ls"), Path.of("busybox"));
    Files.createDirectories(rootfs.resolve("tmp"));
    Files.setPosixFilePermissions(rootfs.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
    RealTools.run(work, "chmod", "1777", rootfs.resolve("tmp").toString());
    RealTools.run(work, "umoci", "repack", "--image", layout + ":v1", bundle.toString());
    Map<String, RealTools.Node> v1 = RealTools.real(rootfs, true);

    // v2: deletions become whiteouts in umoci's layer (unpacked afresh so the layer stacks on v1)
    Path bundle2 = work.resolve("bundle2");
    RealTools.run(work, "umoci", "unpack", "--image", layout + ":v1", bundle2.toString());
    bundle = bundle2;
    rootfs = bundle2.resolve("rootfs");
    Files.delete(rootfs.resolve("etc/motd"));
    RealTools.deleteTree(rootfs.resolve("usr/share/doc/lab"));
    Files.writeString(rootfs.resolve("etc/hello"), "hello\n");
    RealTools.run(work, "umoci", "repack", "--image", layout + ":v2", bundle.toString());
    Map<String, RealTools.Node> v2 = RealTools.real(rootfs, true);

    // v3: a hand-made layer with an opaque directory, added the way OBSERVED.md did it
    Path opaque = work.resolve("opaque.tar");
    Files.write(opaque, opaqueLayer());
    RealTools.run(work, "umoci", "raw", "add-layer", "--image", layout + ":v2", "--tag", "v3", opaque.toString());

    Map<String, ArchiveImage> byTop = new java.util.HashMap<>();
    List<ArchiveImage> loaded = OciLayout.readDirectory(layout);
    assertThat(loaded).hasSize(3);
    for (ArchiveImage i : loaded) {
      byTop.put(Integer.toString(i.layers().size()), i);
      assertThat(i.repoTags()).isEmpty(); // a bare OCI tag names no repository
    }
    Map<String, LayerEntry> fs1 = ArchiveTest.rootfs(byTop.get("1"));
    Map<String, LayerEntry> fs2 = ArchiveTest.rootfs(byTop.get("2"));
    Map<String, LayerEntry> fs3 = ArchiveTest.rootfs(byTop.get("3"));
    RealTools.assertSameTree(v1, RealTools.ours(fs1, true));
    RealTools.assertSameTree(v2, RealTools.ours(fs2, true));
    assertThat(byTop.get("2").layers().get(1).tree().entries()).extracting(LayerEntry::path)
        .contains("etc/.wh.motd", "usr/share/doc/.wh.lab");
    assertThat(fs3).containsKey("var/cache/app/d.dat").doesNotContainKeys("var/cache/app/a.dat", "var/cache/app/b.dat");

    // saved again by layerlab and loaded back: the same IDs (the received layer tars are kept as they came)
    ArchiveImage v3 = byTop.get("3");
    List<ArchiveImage> again = ImageArchives.load(DockerArchive.bytes(List.of(new ArchiveImage(v3.configBytes(),
        v3.layers(), List.of("layerlab/umoci:v3")))));
    assertThat(again.get(0).id()).isEqualTo(v3.id());
    assertThat(again.get(0).diffIds()).isEqualTo(v3.diffIds());

    // and the whiteouts become char 0:0 / the opaque xattr when extracted into a layer directory
    dev.layerlab.vfs.JimfsVfs vfs = dev.layerlab.vfs.JimfsVfs.create();
    vfs.mkdir("/l", 0700);
    Pulls.materialize(new Image("t", List.of(), byTop.get("3").configBytes(), byTop.get("3").layers(), new byte[0], null),
        vfs, "/l", true);
    assertThat(vfs.lstat("/l/1/etc/motd").isWhiteout()).isTrue();
    assertThat(vfs.lstat("/l/1/usr/share/doc/lab").type()).isEqualTo(FileType.CHAR_DEVICE);
    assertThat(vfs.getxattr("/l/2/var/cache/app", VfsLayers.OPAQUE_XATTR)).containsExactly('y');
  }

  private static byte[] opaqueLayer() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (String dir : List.of("var/", "var/cache/", "var/cache/app/")) {
        TarArchiveEntry d = new TarArchiveEntry(dir, TarConstants.LF_DIR, true);
        d.setMode(040755);
        tar.putArchiveEntry(d);
        tar.closeArchiveEntry();
      }
      TarArchiveEntry o = new TarArchiveEntry("var/cache/app/.wh..wh..opq", TarConstants.LF_NORMAL, true);
      o.setMode(0100000);
      tar.putArchiveEntry(o);
      tar.closeArchiveEntry();
      byte[] d = "d".getBytes(StandardCharsets.US_ASCII);
      TarArchiveEntry f = new TarArchiveEntry("var/cache/app/d.dat", TarConstants.LF_NORMAL, true);
      f.setMode(0100644);
      f.setSize(d.length);
      tar.putArchiveEntry(f);
      tar.write(d);
      tar.closeArchiveEntry();
    }
    return out.toByteArray();
  }
}
