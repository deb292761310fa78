package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalog's layer index holds, for every catalog layer, exactly what tarring, gzipping and
 * hashing that layer gives now. When the catalog changes, rewrite it with
 * {@code mvn -q -B test -Dtest=CatalogLayersTest -Dlayerlab.catalogLayers.write=true}.
 */
class CatalogLayersTest {
  private static final List<String> IMAGES = List.of("ubuntu:18.04", "ubuntu:16.04", "ubuntu:22.04",
      "debian:stretch", "alpine:3.8", "busybox", "hello-world", "layerlab/hello");

  @Test
  void everyCatalogLayerIsListedWithTheDigestsItsBytesHave() throws Exception {
    Set<String> lines = new LinkedHashSet<>();
    for (String ref : IMAGES) {
      for (LayerBlob layer : Catalog.builtIn().resolve(ref).layers()) {
        lines.add(CatalogLayers.line(LayerBlob.of(layer.tree()))); // made and hashed from scratch
      }
    }
    if (Boolean.getBoolean("layerlab.catalogLayers.write")) {
      Path file = Path.of("src/main/resources/dev/layerlab/image", CatalogLayers.RESOURCE);
      List<String> out = new ArrayList<>(Files.readAllLines(file).stream().filter(l -> l.startsWith("#")).toList());
      out.addAll(lines);
      Files.write(file, out, StandardCharsets.UTF_8);
      System.out.println("wrote " + lines.size() + " layers to " + file);
      return;
    }
    List<String> listed = new ArrayList<>();
    for (String[] row : Resources.table(CatalogLayers.RESOURCE)) {
      listed.add(String.join("\t", row));
    }
    assertThat(listed).as("catalog-layers.tsv is out of date: rewrite it (see this test's comment)")
        .containsExactlyInAnyOrderElementsOf(lines);
  }

  @Test
  void aListedLayerIsNotHashedUntilItsBytesAreNeededAndThenTheyMatch() {
    LayerTree tree = Catalog.builtIn().resolve("busybox").layers().get(0).tree();
    LayerBlob listed = CatalogLayers.blob(tree);
    LayerBlob made = LayerBlob.of(tree);

    assertThat(listed.diffId()).isEqualTo(made.diffId());
    assertThat(listed.compressedSize()).isEqualTo(made.compressedSize());
    assertThat(listed.compressed()).isEqualTo(made.compressed());
  }

  @Test
  void aTreeTheIndexDoesNotKnowIsHashedAsBefore() {
    LayerTree tree = LayerTree.of(List.of(LayerEntry.file("only-here", 0644, 1_500_000_000L, Content.text("x\n"))));
    LayerBlob blob = CatalogLayers.blob(tree);

    assertThat(blob.digest()).isEqualTo(LayerBlob.of(tree).digest());
    assertThat(CatalogLayers.fingerprint(tree)).isNotEqualTo(CatalogLayers.fingerprint(LayerTree.of(List.of(
        LayerEntry.file("only-here", 0644, 1_500_000_001L, Content.text("x\n"))))));
  }
}
