package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.image.Catalog;
import dev.layerlab.image.Digest;
import dev.layerlab.image.Image;
import dev.layerlab.vfs.Stat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a fresh host, when the learner pulls ubuntu:18.04, then /var/lib/docker looks as on a real overlay2 host. */
class PullLayoutTest {
  private final EngineFixture f = new EngineFixture();
  private final Image ubuntu = Catalog.builtIn().resolve("ubuntu:18.04");

  @Test
  void pullPrintsOneLinePerLayerBottomFirstThenDigestAndStatus() {
    List<String> lines = f.pull("ubuntu:18.04");
    assertThat(lines.get(0)).isEqualTo("18.04: Pulling from library/ubuntu");
    List<String> ids = ubuntu.layers().stream().map(l -> l.digest().shortId()).toList();
    assertThat(lines).filteredOn(l -> l.endsWith(": Pull complete"))
        .containsExactlyElementsOf(ids.stream().map(id -> id + ": Pull complete").toList());
    assertThat(lines).contains(ids.get(4) + ": Waiting", ids.get(0) + ": Pulling fs layer");
    assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly(
        "Digest: " + ubuntu.repoDigest(), "Status: Downloaded newer image for ubuntu:18.04");
  }

  @Test
  void eachLayerGetsARandomCacheIdDirectoryBottomOneWithOnlyDiffAndLink() {
    f.pull("ubuntu:18.04");
    List<Digest> chain = ubuntu.chainIds();
    String previousLink = null;
    String lowerSoFar = "";
    for (int i = 0; i < chain.size(); i++) {
      String db = DockerPaths.LAYERDB + "/" + chain.get(i).hex();
      String cacheId = f.read(db + "/cache-id");
      assertThat(cacheId).matches("[0-9a-f]{64}").isNotEqualTo(chain.get(i).hex());
      assertThat(f.read(db + "/diff")).isEqualTo(ubuntu.diffIds().get(i).toString());
      String dir = DockerPaths.layerDir(cacheId);
      assertThat(f.host.stat(dir).mode()).isEqualTo(0700);
      String link = f.read(dir + "/link");
      assertThat(link).matches("[A-Z2-7]{26}");
      assertThat(f.host.readlink(DockerPaths.LINKS + "/" + link)).isEqualTo("../" + cacheId + "/diff");
      if (i == 0) {
        assertThat(f.ls(dir)).containsExactly("diff", "link");
        assertThat(f.ls(db)).containsExactly("cache-id", "diff", "size", "tar-split.json.gz");
      } else {
        assertThat(f.ls(dir)).containsExactly("diff", "link", "lower", "work");
        assertThat(f.ls(db)).containsExactly("cache-id", "diff", "parent", "size", "tar-split.json.gz");
        assertThat(f.read(db + "/parent")).isEqualTo(chain.get(i - 1).toString());
        lowerSoFar = "l/" + previousLink + (lowerSoFar.isEmpty() ? "" : ":" + lowerSoFar);
        assertThat(f.read(dir + "/lower")).isEqualTo(lowerSoFar).hasSize(29 * i - 1);
        assertThat(f.host.stat(dir + "/work").mode()).isEqualTo(0700);
      }
      previousLink = link;
    }
    assertThat(f.ls(DockerPaths.OVERLAY)).hasSize(6).contains("l");
  }

  @Test
  void bottomDiffIsAWholeRootFilesystemAndSizesFollowTheContent() {
    f.pull("ubuntu:18.04");
    Digest bottom = ubuntu.chainIds().get(0);
    String diff = DockerPaths.layerDir(f.read(DockerPaths.LAYERDB + "/" + bottom.hex() + "/cache-id")) + "/diff";
    assertThat(f.ls(diff)).contains("bin", "etc", "root", "tmp", "usr", "var");
    assertThat(f.host.stat(diff + "/tmp").mode()).isEqualTo(01777);
    assertThat(f.host.stat(diff + "/root").mode()).isEqualTo(0700);
    for (int i = 0; i < 5; i++) {
      String db = DockerPaths.LAYERDB + "/" + ubuntu.chainIds().get(i).hex();
      assertThat(Long.parseLong(f.read(db + "/size"))).isEqualTo(ubuntu.layers().get(i).size());
    }
    ImageRecord img = f.engine.image("ubuntu:18.04");
    assertThat(f.engine.size(img)).isEqualTo(ubuntu.size());
    String last = DockerPaths.LAYERDB + "/" + ubuntu.chainIds().get(4).hex();
    String top = DockerPaths.layerDir(f.read(last + "/cache-id"));
    assertThat(f.read(top + "/diff/run/systemd/container")).isEqualTo("docker\n");
  }

  @Test
  void imageDbRepositoriesAndDistributionAreWritten() {
    f.pull("ubuntu:18.04");
    String id = ubuntu.id().hex();
    assertThat(f.host.read(DockerPaths.IMAGEDB_CONTENT + "/" + id)).isEqualTo(ubuntu.configBytes());
    assertThat(Digest.of(f.host.read(DockerPaths.IMAGEDB_CONTENT + "/" + id)).hex()).isEqualTo(id);
    assertThat(f.read(DockerPaths.REPOSITORIES)).isEqualTo("{\"Repositories\":{\"ubuntu\":{\"ubuntu:18.04\":\""
        + ubuntu.id() + "\",\"ubuntu@" + ubuntu.repoDigest() + "\":\"" + ubuntu.id() + "\"}}}");
    var blob = ubuntu.layers().get(0);
    assertThat(f.read(DockerPaths.DIFFID_BY_DIGEST + "/" + blob.digest().hex())).isEqualTo(blob.diffId().toString());
    assertThat(f.read(DockerPaths.V2METADATA_BY_DIFFID + "/" + blob.diffId().hex()))
        .isEqualTo("[{\"Digest\":\"" + blob.digest() + "\",\"SourceRepository\":\"docker.io/library/ubuntu\",\"HMAC\":\"\"}]");
  }

  @Test
  void tarSplitRecordsEveryTarMemberWithItsRawHeaders() throws Exception {
    f.pull("ubuntu:18.04");
    String db = DockerPaths.LAYERDB + "/" + ubuntu.chainIds().get(4).hex();
    byte[] gz = f.host.read(db + "/tar-split.json.gz");
    String json = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(json).contains("{\"type\":1,\"name\":\"run/systemd/container\",\"size\":7,\"payload\":\"");
    assertThat(json).startsWith("{\"type\":2,\"payload\":\"");
    // the raw segments and the sizes add up to the tar's length
    long total = 0;
    for (String line : json.split("\n")) {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      total += node.get("type").asInt() == 2 ? java.util.Base64.getDecoder().decode(node.get("payload").asText()).length
          : node.path("size").asLong(0);
    }
    assertThat(total).isEqualTo(ubuntu.layers().get(4).tarSize());
  }

  @Test
  void secondPullIsUpToDateAndAnImageOnTheSameBaseSharesItsLayers() {
    f.pull("ubuntu:18.04");
    assertThat(f.pull("ubuntu:18.04")).containsExactly("18.04: Pulling from library/ubuntu",
        "Digest: " + ubuntu.repoDigest(), "Status: Image is up to date for ubuntu:18.04");
    Image hello = Catalog.builtIn().resolve("layerlab/hello");
    List<String> lines = f.pull("layerlab/hello");
    for (int i = 0; i < 5; i++) {
      assertThat(lines.get(1 + i)).isEqualTo(hello.layers().get(i).digest().shortId() + ": Already exists");
    }
    assertThat(f.ls(DockerPaths.OVERLAY)).hasSize(1 + hello.layers().size());
  }

  @Test
  void unknownRepositoryAndTagFailWithDockersWordsAndLeaveNothing() {
    assertThatThrownBy(() -> f.pull("nosuchimage")).hasMessage(
        "pull access denied for nosuchimage, repository does not exist or may require 'docker login'");
    assertThatThrownBy(() -> f.pull("ubuntu:17.99")).hasMessage("manifest for ubuntu:17.99 not found");
    assertThat(f.ls(DockerPaths.OVERLAY)).containsExactly("l");
  }

  @Test
  void sameSeedSameIds() {
    f.pull("alpine:3.8");
    EngineFixture again = new EngineFixture();
    again.pull("alpine:3.8");
    assertThat(again.ls(DockerPaths.OVERLAY)).isEqualTo(f.ls(DockerPaths.OVERLAY));
    Stat st = f.host.lstat(DockerPaths.OVERLAY);
    assertThat(st.mode()).isEqualTo(0700);
  }
}
