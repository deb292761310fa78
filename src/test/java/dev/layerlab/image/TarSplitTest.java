package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class TarSplitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void crc64IsGosIsoChecksum() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);

    assertThat(HexFormat.of().formatHex(TarSplit.crc64(check, 0, check.length))).isEqualTo("b90956c775a41001");
  }

  /** What tar-split exists for: segments plus the files' contents give back the very same tar. */
  @Test
  void segmentsAndContentReassembleTheExactTar() throws Exception {
    long seed = System.nanoTime();
    System.out.println("TarSplitTest seed " + seed);
    for (int round = 0; round < 10; round++) {
      LayerTree layer = LayerRoundTripTest.randomLayer(new SplittableRandom(seed + round));
      byte[] tar = LayerTar.bytes(layer);
      byte[] gz = TarSplit.of(LayerBlob.of(layer));
      String lines = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);

      Map<String, byte[]> contents = new TreeMap<>();
      LayerTar.read(tar).entries().forEach(e -> contents.put(e.path(), e.content().bytes()));
      ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
      int expectedPosition = 0;
      for (String line : lines.split("\n")) {
        JsonNode n = JSON.readTree(line);
        assertThat(n.get("position").asInt()).isEqualTo(expectedPosition++);
        if (n.get("type").asInt() == 2) {
          rebuilt.write(Base64.getDecoder().decode(n.get("payload").asText()));
        } else if (n.has("size")) {
          String name = n.get("name").asText();
          byte[] data = contents.get(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
          assertThat(HexFormat.of().formatHex(TarSplit.crc64(data, 0, data.length)))
              .isEqualTo(HexFormat.of().formatHex(Base64.getDecoder().decode(n.get("payload").asText())));
          rebuilt.write(data);
        } else {
          assertThat(n.get("payload").isNull()).isTrue();
        }
      }
      assertThat(rebuilt.toByteArray()).as("seed " + (seed + round)).isEqualTo(tar);
    }
  }

  @Test
  void linesLookLikeDockersTarSplit() throws Exception {
    LayerTree layer = LayerTree.of(java.util.List.of(LayerEntry.dir("run", 0755, 1534958937L),
        LayerEntry.file("run/container", 0644, 1534958937L, Content.text("docker\n"))));
    String lines = new String(new GZIPInputStream(new ByteArrayInputStream(TarSplit.of(LayerBlob.of(layer))))
        .readAllBytes(), StandardCharsets.UTF_8);

    String[] l = lines.split("\n");
    assertThat(l).hasSize(5);
    assertThat(l[0]).startsWith("{\"type\":2,\"payload\":\"").endsWith("\",\"position\":0}");
    assertThat(l[1]).isEqualTo("{\"type\":1,\"name\":\"run/\",\"payload\":null,\"position\":1}");
    assertThat(l[3]).matches("\\{\"type\":1,\"name\":\"run/container\",\"size\":7,\"payload\":\"[A-Za-z0-9+/=]{12}\",\"position\":3}");
    assertThat(Base64.getDecoder().decode(JSON.readTree(l[4]).get("payload").asText())).hasSize(512 - 7 + 1024);
  }
}
