package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class ArchiveTest {
  private final Image ubuntu = Catalog.builtIn().resolve("layerlab/hello");
  private final Image whiteouts = TestImages.whiteouts();

  private static List<ArchiveImage> of(Image i, String tag) {
    return List.of(ArchiveImage.of(i, List.of(tag)));
  }

  @Test
  void dockerSaveThenLoadGivesTheSameIdsAndFiles() {
    byte[] tar = DockerArchive.bytes(of(ubuntu, "layerlab/hello:latest"));

    List<ArchiveImage> back = ImageArchives.load(tar);

    assertThat(back).hasSize(1);
    ArchiveImage i = back.get(0);
    assertThat(i.id()).isEqualTo(ubuntu.id());
    assertThat(i.diffIds()).isEqualTo(ubuntu.diffIds());
    assertThat(i.repoTags()).containsExactly("layerlab/hello:latest");
    assertThat(CatalogTest.rootfs(ubuntu).keySet()).isEqualTo(rootfs(i).keySet());
    assertThat(ImageArchives.detect(tar)).isEqualTo(ImageArchives.Format.DOCKER);
    assertThat(DockerArchive.bytes(of(ubuntu, "layerlab/hello:latest"))).isEqualTo(tar);
  }

  @Test
  void theDockerArchiveHasDockers18Layout() {
    ArchiveFiles files = DockerArchive.files(of(whiteouts, "layerlab/whiteouts:v4"));
    Map<String, ArchiveFiles.File> all = files.all();
    String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);

    assertThat(all).containsKey(whiteouts.id().hex() + ".json");
    assertThat(all.keySet().stream().filter(p -> p.endsWith("/layer.tar"))).hasSize(3);
    assertThat(all.keySet().stream().filter(p -> p.endsWith("/VERSION"))).hasSize(3);
    assertThat(manifest).startsWith("[{\"Config\":\"" + whiteouts.id().hex() + ".json\",\"RepoTags\":[\"layerlab/whiteouts:v4\"],\"Layers\":[");
    assertThat(new String(files.get("repositories"), StandardCharsets.UTF_8)).startsWith("{\"layerlab/whiteouts\":{\"v4\":\"");
    String top = manifest.substring(manifest.lastIndexOf(",\"") + 2, manifest.lastIndexOf("/layer.tar"));
    assertThat(new String(files.get(top + "/VERSION"), StandardCharsets.US_ASCII)).isEqualTo("1.0");
    assertThat(new String(files.get(top + "/json"), StandardCharsets.UTF_8)).startsWith("{\"id\":\"" + top + "\",\"parent\":\"");
  }

  @Test
  void ociLayoutRoundTripKeepsIdsDigestsAndWhiteouts() {
    byte[] tar = OciLayout.bytes(of(whiteouts, "layerlab/whiteouts:v4"));

    List<ArchiveImage> back = ImageArchives.load(tar);

    assertThat(ImageArchives.detect(tar)).isEqualTo(ImageArchives.Format.OCI);
    ArchiveImage i = back.get(0);
    assertThat(i.id()).isEqualTo(whiteouts.id());
    assertThat(i.layers()).extracting(LayerBlob::digest).isEqualTo(whiteouts.layers().stream().map(LayerBlob::digest).toList());
    assertThat(i.repoTags()).containsExactly("layerlab/whiteouts:v4");
    assertThat(i.layers().get(1).tree().get("etc/.wh.motd")).isPresent();
    assertThat(i.layers().get(2).tree().get("var/cache/app/.wh..wh..opq")).isPresent();
    Map<String, LayerEntry> fs = rootfs(i);
    assertThat(fs).doesNotContainKeys("etc/motd", "usr/share/doc/lab", "usr/share/doc/lab/README",
        "var/cache/app/a.dat").containsKeys("etc/hello", "var/cache/app/d.dat", "bin/sh");
  }

  @Test
  void truncatedOrCorruptArchivesAreRefusedWhole() {
    byte[] tar = DockerArchive.bytes(of(whiteouts, "w:1"));
    for (int cut : new int[] {100, 512, tar.length / 2, tar.length - 700}) {
      assertThatThrownBy(() -> ImageArchives.load(Arrays.copyOf(tar, cut))).as("cut at " + cut)
          .isInstanceOf(ImageFormatException.class).hasMessageContaining("unexpected EOF");
    }
    long seed = System.nanoTime();
    System.out.println("corruption seed " + seed + " (rerun: set ArchiveTest seed)");
    SplittableRandom random = new SplittableRandom(seed);
    byte[] noise = new byte[4096];
    random.nextBytes(noise);
    assertThatThrownBy(() -> ImageArchives.load(noise)).isInstanceOf(ImageFormatException.class);
  }

  @Test
  void aLayerThatDoesNotMatchItsDiffIdIsRefused() throws Exception {
    ArchiveFiles files = DockerArchive.files(of(whiteouts, "w:1"));
    String layer = files.all().keySet().stream().filter(p -> p.endsWith("layer.tar")).findFirst().orElseThrow();
    byte[] tar = LayerTar.bytes(LayerTree.of(List.of(LayerEntry.file("evil", 0644, 0, Content.text("x")))));
    files.put(layer, tar, 0);

    java.io.ByteArrayOutputStream archive = new java.io.ByteArrayOutputStream();
    files.writeTar(archive);

    assertThatThrownBy(() -> ImageArchives.load(archive.toByteArray())).isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith("invalid diffID for layer ").hasMessageContaining("got \"" + Digest.of(tar) + "\"");
  }

  @Test
  void anOciBlobThatDoesNotMatchItsDigestIsRefused() {
    ArchiveFiles files = OciLayout.files(of(whiteouts, "w:1"));
    String blob = "blobs/sha256/" + whiteouts.layers().get(1).digest().hex();
    byte[] bad = files.get(blob).clone();
    bad[bad.length / 2] ^= 1;
    files.put(blob, bad, 0);

    assertThatThrownBy(() -> OciLayout.read(files)).isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith("blob " + whiteouts.layers().get(1).digest() + ": digest mismatch");
  }

  @Test
  void namesLeavingTheArchiveAreRefused() {
    assertThatThrownBy(() -> ImageArchives.load(outerTar("../../etc/passwd", "x")))
        .isInstanceOf(ImageFormatException.class).hasMessageContaining("is outside of the layer");
    assertThatThrownBy(() -> ImageArchives.load(outerTar("/etc/passwd", "x")))
        .isInstanceOf(ImageFormatException.class).hasMessageContaining("absolute name");
  }

  @Test
  void badLayersInsideAnArchiveAreRefusedWithTheirReason() {
    for (Map.Entry<TarArchiveEntry[], String> c : Map.of(
        new TarArchiveEntry[] {entry("etc", TarConstants.LF_SYMLINK, "../../../../etc")}, "invalid symlink",
        new TarArchiveEntry[] {entry("etc", TarConstants.LF_SYMLINK, "/etc"), entry("etc/.wh.passwd", TarConstants.LF_NORMAL, null)},
        "invalid whiteout \"etc/.wh.passwd\"",
        new TarArchiveEntry[] {entry("x", TarConstants.LF_LINK, "../outside")}, "is outside of the layer").entrySet()) {
      byte[] layer = LayerTarTest.tar(c.getKey());
      ArchiveFiles files = DockerArchive.files(of(TestImages.whiteouts(), "w:1"));
      ArchiveImage bad = new ArchiveImage(configWithDiffIds(Digest.of(layer)), List.of(), List.of("w:1"));
      ArchiveFiles archive = new ArchiveFiles();
      archive.put(bad.id().hex() + ".json", bad.configBytes(), 0);
      archive.put("l/layer.tar", layer, 0);
      archive.put("manifest.json", ("[{\"Config\":\"" + bad.id().hex() + ".json\",\"RepoTags\":[\"w:1\"],\"Layers\":[\"l/layer.tar\"]}]")
          .getBytes(StandardCharsets.UTF_8), 0);
      assertThat(files).isNotNull();
      assertThatThrownBy(() -> DockerArchive.read(archive)).isInstanceOf(ImageFormatException.class)
          .hasMessageStartingWith("Error processing tar file(exit status 1): ").hasMessageContaining(c.getValue());
    }
  }

  @Test
  void absurdSizesAreRefused() {
    byte[] tar = outerTar("manifest.json", "[]");
    byte[] size = "77777777777".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, tar, 124, size.length);
    Arrays.fill(tar, 148, 156, (byte) ' ');
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += tar[i] & 0xff;
    }
    System.arraycopy(String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 0, tar, 148, 8);

    assertThatThrownBy(() -> ImageArchives.load(tar)).isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("absurd size");
  }

  private static byte[] configWithDiffIds(Digest diffId) {
    return ("{\"architecture\":\"amd64\",\"config\":{},\"created\":\"2018-08-22T17:28:57Z\",\"history\":[],"
        + "\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, LayerEntry> rootfs(ArchiveImage i) {
    return CatalogTest.rootfs(new Image("x", List.of(), i.configBytes(), i.layers(), new byte[0], null));
  }

  private static TarArchiveEntry entry(String name, byte type, String link) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    if (link != null) {
      e.setLinkName(link);
    }
    return e;
  }

  private static byte[] outerTar(String name, String content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      e.setSize(data.length);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
