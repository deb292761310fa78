package dev.layerlab.image;

/** Image IDs layerlab computes for its catalog (see CatalogTest#identifiersAreStableAcrossRuns). */
final class GoldenIds {
  private GoldenIds() {}

  static final String UBUNTU_1804 =
      "sha256:567567f7c4e38739d8886e45316cc0bf63233236fb1b33ec01848c0409727962";
  static final String UBUNTU_1604 =
      "sha256:11ec25c826fc0cc48e2033250c761334df945a53fd495ae063d1b1d2ff11a220";
  static final String ALPINE =
      "sha256:c7920f4e323ec9f0882fc7631e4c4905188bb7281340e97fa8e6ecf85ff5550e";
  static final String BUSYBOX =
      "sha256:b062e7128157d96536cbc81cdc39e208fff8d32da8639f42c8dcb355e5d8f02d";
  static final String HELLO_WORLD =
      "sha256:890ba7a0dea7890c7e1151860ad2a9d6f533a18e46a2fc62c7c16145a3410bc3";
  static final String APP =
      "sha256:db76d7aad11f6de8819c7261e1c421d4a07fd2ae42172adbda08c0858fa30ada";
}
