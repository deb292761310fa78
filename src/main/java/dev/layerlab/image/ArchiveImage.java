package dev.layerlab.image;

import java.util.List;

/**
 * One image as archives carry it: the exact config bytes (whose sha256 is the image ID), its
 * layers bottom first, and the names it is saved or loaded under ({@code ubuntu:18.04}).
 */
public record ArchiveImage(byte[] configBytes, List<LayerBlob> layers, List<String> repoTags) {

  public ArchiveImage {
    layers = List.copyOf(layers);
    repoTags = List.copyOf(repoTags);
  }

  /** A catalog image under the given names (e.g. just the tag the learner used). */
  public static ArchiveImage of(Image image, List<String> repoTags) {
    return new ArchiveImage(image.configBytes(), image.layers(), repoTags);
  }

  public Digest id() {
    return Digest.of(configBytes);
  }

  public ImageConfig config() {
    return ImageConfig.parse(configBytes);
  }

  public List<Digest> diffIds() {
    return layers.stream().map(LayerBlob::diffId).toList();
  }
}
