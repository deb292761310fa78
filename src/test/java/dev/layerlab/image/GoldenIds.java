package dev.layerlab.image;

/** Image IDs layerlab computes for its catalog (see CatalogTest#identifiersAreStableAcrossRuns). */
final class GoldenIds {
  private GoldenIds() {}

  static final String UBUNTU_1804 =
      "sha256:44827da42ddaf703127b630f7fca1a3940127df7d3f551629d602da12c355407";
  static final String UBUNTU_1604 =
      "sha256:0f365240c921984426f89a2634f1c2b964e837139bfb1cdc8b26f3d3721d7e04";
  static final String ALPINE =
      "sha256:c7920f4e323ec9f0882fc7631e4c4905188bb7281340e97fa8e6ecf85ff5550e";
  static final String BUSYBOX =
      "sha256:b062e7128157d96536cbc81cdc39e208fff8d32da8639f42c8dcb355e5d8f02d";
  static final String HELLO_WORLD =
      "sha256:890ba7a0dea7890c7e1151860ad2a9d6f533a18e46a2fc62c7c16145a3410bc3";
  static final String APP =
      "sha256:2d27cc4c5a1767b418e7810a097580265e5aa3ed49c67b8c60ba685178e3fd0b";
}
