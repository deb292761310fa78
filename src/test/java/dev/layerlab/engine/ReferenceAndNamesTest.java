package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reference parsing as the CLI normalises names, and the generated IDs and names. */
class ReferenceAndNamesTest {

  @Test
  void referencesAreNormalisedToFamiliarNames() {
    assertThat(Reference.parse("ubuntu").toString()).isEqualTo("ubuntu:latest");
    assertThat(Reference.parse("docker.io/library/ubuntu:18.04").toString()).isEqualTo("ubuntu:18.04");
    assertThat(Reference.parse("layerlab/hello:1.0").remotePath()).isEqualTo("layerlab/hello");
    assertThat(Reference.parse("ubuntu").remotePath()).isEqualTo("library/ubuntu");
    assertThat(Reference.hasNoTag("ubuntu")).isTrue();
    assertThat(Reference.hasNoTag("localhost:5000/x")).isTrue();
    assertThat(Reference.hasNoTag("ubuntu:18.04")).isFalse();
    assertThatThrownBy(() -> Reference.parse("Ubuntu")).hasMessage(
        "invalid reference format: repository name must be lowercase");
    assertThatThrownBy(() -> Reference.parse("ubuntu:")).hasMessage("invalid reference format");
  }

  @Test
  void idsAreSixtyFourHexNeverTwelveDigitsAndLinksAreBase32() {
    long seed = 20180820L;
    System.out.println("seed " + seed);
    RandomIds ids = new RandomIds(new Random(seed));
    for (int i = 0; i < 2000; i++) {
      assertThat(ids.id()).matches("[0-9a-f]{64}").doesNotMatch("[0-9]{12}.*");
      assertThat(ids.linkName()).matches("[A-Z2-7]{26}");
    }
  }

  @Test
  void generatedNamesAreAdjectiveSurnameAndUnique() {
    NameGenerator names = new NameGenerator(new RandomIds(new Random(3)));
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      String n = names.generate(taken::contains);
      assertThat(n).matches("[a-z]+_[a-z]+[0-9]?");
      assertThat(taken.add(n)).isTrue();
    }
  }
}
