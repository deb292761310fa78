package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogLazinessTest {

  @Test
  void onlyTheImageAskedForIsBuilt() {
    Catalog catalog = Catalog.fresh();
    assertThat(catalog.repositories()).contains("ubuntu", "alpine", "busybox", "hello-world", "debian", "layerlab/hello");
    assertThat(catalog.isBuilt("alpine:3.8")).isFalse();

    catalog.resolve("alpine");

    assertThat(catalog.isBuilt("alpine:3.8")).isTrue();
    assertThat(catalog.isBuilt("ubuntu:18.04")).isFalse();
    assertThat(catalog.isBuilt("debian:stretch")).isFalse();
  }

  @Test
  void twoCatalogsBuildTheSameBytes() {
    Image a = Catalog.fresh().resolve("busybox");
    Image b = Catalog.fresh().resolve("busybox");

    assertThat(a).isNotSameAs(b);
    assertThat(a.id()).isEqualTo(b.id());
    assertThat(a.layers().get(0).compressed()).isEqualTo(b.layers().get(0).compressed());
    assertThat(a.manifestBytes()).isEqualTo(b.manifestBytes());
  }

  @Test
  void tagsAreTheOnesDockerHubHadInAugust2018() {
    Catalog catalog = Catalog.fresh();

    assertThat(catalog.tags("ubuntu")).contains("18.04", "bionic", "latest", "16.04", "xenial", "22.04");
    assertThat(catalog.tags("busybox")).containsExactly("latest", "1.29.2", "1.29", "1");
  }
}
