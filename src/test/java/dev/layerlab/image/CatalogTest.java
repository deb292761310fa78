package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private final Catalog catalog = Catalog.builtIn();

  @Test
  void printsTheCatalog() {
    for (String ref : List.of("ubuntu:18.04", "ubuntu:16.04", "ubuntu:22.04", "debian:stretch", "alpine:3.8",
        "busybox", "hello-world", "layerlab/hello")) {
      long t0 = System.nanoTime();
      Image i = catalog.resolve(ref);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("%-16s id %s size %d layers %d digest %s (%d ms)%n", ref, i.id().shortId(), i.size(),
          i.layers().size(), i.repoDigest(), ms);
      i.layers().forEach(l -> System.out.printf("    %s diff %s size %d blob %d%n", l.digest().shortId(),
          l.diffId().shortId(), l.size(), l.compressedSize()));
    }
  }
}
