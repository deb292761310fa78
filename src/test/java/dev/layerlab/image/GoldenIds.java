package dev.layerlab.image;

/** Image IDs layerlab computes for its catalog (see CatalogTest#identifiersAreStableAcrossRuns). */
final class GoldenIds {
  private GoldenIds() {}

  static final String UBUNTU_1804 =
      "sha256:49a74c006c2420b5efdb5333cd8abcb40fe6ba36a07ca6cf9df0bc5df188e47e";
  static final String UBUNTU_1604 =
      "sha256:16582df84d731f82a9e69d7cf98040c105961ea7506b09cfe0fdb01523cc42e4";
  static final String ALPINE =
      "sha256:c7920f4e323ec9f0882fc7631e4c4905188bb7281340e97fa8e6ecf85ff5550e";
  static final String BUSYBOX =
      "sha256:b062e7128157d96536cbc81cdc39e208fff8d32da8639f42c8dcb355e5d8f02d";
  static final String HELLO_WORLD =
      "sha256:890ba7a0dea7890c7e1151860ad2a9d6f533a18e46a2fc62c7c16145a3410bc3";
  static final String APP =
      "sha256:9a590e39052014add630076255dd1b66d51c0aa7baf9121f56b59c8d1483f03b";
}
