package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {

  /** The real diffIDs of ubuntu:18.04 (bionic-20180821) and the chainIDs Docker named its layerdb dirs after. */
  @Test
  void chainIdsOfTheRealBionicImageFollowTheFormula() {
    List<Digest> diffIds = List.of(
        Digest.parse("sha256:a30b835850bfd4c7e9495edf7085cedfad918219227c7157ff71e8afe2661f63"),
        Digest.parse("sha256:a2672464542154dc3fa4b31689055fe57dead430380899393285e4a190d042fe"),
        Digest.parse("sha256:b6a02001ba3318a8475fb7f54d7d870e4d7d71562b890b18d3cb58fe95bc6085"),
        Digest.parse("sha256:7422efa72a14c6f15af199905829c3d3fc3f7cadd7046e0ff1d2349ca6dfb159"),
        Digest.parse("sha256:ec8257ff6a7a399ac79e34864ce4e99b378c293f6e2865ea940f25df7982f34b"));

    assertThat(Digest.chainIds(diffIds)).extracting(Digest::toString).containsExactly(
        "sha256:a30b835850bfd4c7e9495edf7085cedfad918219227c7157ff71e8afe2661f63",
        "sha256:c2f76372c07b398c959f25ac97af0c4080e323d082e809de4316c1c728d5c096",
        "sha256:e54feb0ab7d782d04296e5d56bbf7efc843233497f0a16aab21bf8995f3385a7",
        "sha256:33eb1e02dcc9a707a475bf5aa739bd9f6d607b355beae5544b6576d1534fe949",
        "sha256:9c86133a1c6d4396a658294f4327a5cf7bcd7572c272bf5f75200f29326e8b6c");
  }

  @Test
  void anEmptyLayerTarIsTheWellKnownEmptyDiffId() {
    byte[] tar = LayerTar.bytes(LayerTree.empty());

    assertThat(tar).hasSize(1024).containsOnly(0);
    assertThat(Digest.of(tar)).isEqualTo(Digest.EMPTY_LAYER);
  }

  @Test
  void shortIdIsTwelveHexAndTextHasThePrefix() {
    Digest d = Digest.of(new byte[0]);

    assertThat(d.toString()).isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(d.shortId()).isEqualTo("e3b0c44298fc");
  }

  @Test
  void malformedDigestsAreRefusedInDockersWords() {
    assertThatThrownBy(() -> Digest.parse("md5:abc")).hasMessage("invalid checksum digest format");
    assertThatThrownBy(() -> Digest.parse("sha256:ABC")).hasMessage("invalid checksum digest format");
  }

  @Test
  void theHistoricalBionicValuesAgreeWithTheFormulaButAreNotOurs() {
    HistoricalImage real = HistoricalImage.of("ubuntu:18.04").orElseThrow();

    assertThat(Digest.chainIds(real.diffIds()).get(4).toString())
        .isEqualTo("sha256:9c86133a1c6d4396a658294f4327a5cf7bcd7572c272bf5f75200f29326e8b6c");
    assertThat(real.layerDigests()).hasSize(5);
    assertThat(real.size()).isEqualTo(Catalog.builtIn().resolve("ubuntu:18.04").size());
    assertThat(Catalog.builtIn().resolve("ubuntu:18.04").id()).isNotEqualTo(real.imageId());
    assertThat(HistoricalImage.of("hello-world")).isEmpty();
  }
}
