package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.image.Content;
import dev.layerlab.image.LayerEntry;
import dev.layerlab.image.LayerRoundTripTest;
import dev.layerlab.image.LayerTar;
import dev.layerlab.image.LayerTree;
import dev.layerlab.image.VfsLayers;
import dev.layerlab.vfs.JimfsVfs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** tar-split.json.gz as Docker writes it: CRC-64/ISO as Go computes it, and the exact tar back. */
class TarSplitTest {

  @Test
  void crc64IsoMatchesGosKnownValue() {
    // Go: crc64.Checksum([]byte("123456789"), crc64.MakeTable(crc64.ISO)) == 0xb90956c775a41001
    assertThat(TarSplit.update(0, "123456789".getBytes(StandardCharsets.US_ASCII), 0, 9))
        .isEqualTo(0xb90956c775a41001L);
  }

  @Test
  void crc64IsTheSameInOneGoOrInPieces() {
    long seed = 77;
    byte[] data = new byte[10_000];
    new Random(seed).nextBytes(data);
    long whole = TarSplit.update(0, data, 0, data.length);
    long parts = TarSplit.update(TarSplit.update(0, data, 0, 4_321), data, 4_321, data.length - 4_321);
    long bytewise = 0;
    for (int i = 0; i < data.length; i++) {
      bytewise = TarSplit.update(bytewise, data, i, 1);
    }
    assertThat(parts).isEqualTo(whole);
    assertThat(bytewise).isEqualTo(whole);
  }

  /** What tar-split exists for: its segments and a layer's diff/ files give back the very same tar. */
  @Test
  void segmentsAndDiffFilesReassembleTheExactTar() throws Exception {
    long seed = System.nanoTime();
    System.out.println("TarSplitTest seed " + seed + " (rerun: change the seed here)");
    for (int round = 0; round < 20; round++) {
      SplittableRandom r = new SplittableRandom(seed + round);
      LayerTree layer = LayerRoundTripTest.randomLayer(r);
      if (r.nextBoolean()) { // a large file the catalog would describe as filler
        layer = LayerTree.of(concat(layer.entries(),
            LayerEntry.file("big.bin", 0644, 1_534_958_937L, Content.filler(new byte[] {1, 2}, 300_000 + r.nextInt(99_999), r.nextLong()))));
      }
      byte[] tar = LayerTar.bytes(layer);
      TarSplit split = new TarSplit();
      for (int at = 0; at < tar.length; ) { // in pieces of any size, as streams deliver them
        int n = Math.min(tar.length - at, 1 + r.nextInt(r.nextBoolean() ? 700 : 70_000));
        split.write(tar, at, n);
        at += n;
      }
      JimfsVfs disk = JimfsVfs.create();
      disk.mkdir("/diff", 0755);
      VfsLayers.apply(layer, disk, "/diff");

      assertThat(TarSplit.assemble(split.finish(), disk, "/diff")).as("seed " + (seed + round)).isEqualTo(tar);
    }
  }

  @Test
  void linesLookLikeDockersTarSplit() throws Exception {
    LayerTree layer = LayerTree.of(List.of(LayerEntry.dir("run", 0755, 1534958937L),
        LayerEntry.file("run/container", 0644, 1534958937L, Content.text("docker\n"))));
    TarSplit split = new TarSplit();
    split.write(LayerTar.bytes(layer));
    String[] l = new String(new GZIPInputStream(new ByteArrayInputStream(split.finish())).readAllBytes(),
        StandardCharsets.UTF_8).split("\n");

    assertThat(l).hasSize(5);
    assertThat(l[0]).startsWith("{\"type\":2,\"payload\":\"").endsWith("\",\"position\":0}");
    assertThat(l[1]).isEqualTo("{\"type\":1,\"name\":\"run/\",\"payload\":null,\"position\":1}");
    assertThat(l[3]).matches(
        "\\{\"type\":1,\"name\":\"run/container\",\"size\":7,\"payload\":\"[A-Za-z0-9+/=]{12}\",\"position\":3}");
    String last = l[4].replaceAll(".*\"payload\":\"([^\"]*)\".*", "$1");
    assertThat(Base64.getDecoder().decode(last)).hasSize(512 - 7 + 1024);
  }

  private static List<LayerEntry> concat(List<LayerEntry> a, LayerEntry b) {
    java.util.ArrayList<LayerEntry> out = new java.util.ArrayList<>(a);
    out.add(b);
    return out;
  }
}
