package dev.layerlab.image;

/** Image IDs layerlab computes for its catalog (see CatalogTest#identifiersAreStableAcrossRuns). */
final class GoldenIds {
  private GoldenIds() {}

  static final String UBUNTU_1804 =
      "sha256:970a6921e1b0bec836b76781fedfd4a93bbceec5d8b5c5e772ed672749e58d48";
  static final String UBUNTU_1604 =
      "sha256:5c79ce463f08ddd27588746defdba7032d626e2e8eb3dcbea534f347ee0c6792";
  static final String ALPINE =
      "sha256:c7920f4e323ec9f0882fc7631e4c4905188bb7281340e97fa8e6ecf85ff5550e";
  static final String BUSYBOX =
      "sha256:b062e7128157d96536cbc81cdc39e208fff8d32da8639f42c8dcb355e5d8f02d";
  static final String HELLO_WORLD =
      "sha256:890ba7a0dea7890c7e1151860ad2a9d6f533a18e46a2fc62c7c16145a3410bc3";
  static final String APP =
      "sha256:3136823daf9247e93d81a7f896ea14a8382adcb073e54c69012578f480e52f2a";
}
