package dev.layerlab.image;

import java.util.ArrayList;
import java.util.List;

/**
 * An image as a registry serves it: config bytes (whose sha256 is the image ID), the layers
 * bottom first, the schema2 manifest and, for images served through one, the manifest list.
 * Every identifier is computed from the bytes held here.
 *
 * @param repository the familiar name, e.g. {@code ubuntu} or {@code layerlab/hello}
 * @param tags every tag that names this image in its repository
 * @param listBytes the manifest list, or null when the repository serves the manifest directly
 */
public record Image(
    String repository, List<String> tags, byte[] configBytes, List<LayerBlob> layers, byte[] manifestBytes,
    byte[] listBytes) {

  public Image {
    tags = List.copyOf(tags);
    layers = List.copyOf(layers);
  }

  /** Assembles the manifest (and a manifest list when {@code withList}) for a config and its layers. */
  public static Image of(String repository, List<String> tags, byte[] config, List<LayerBlob> layers, boolean withList) {
    byte[] manifest = Manifest.of(config, layers);
    return new Image(repository, tags, config, layers, manifest, withList ? Manifest.list(manifest) : null);
  }

  /** sha256 of the config bytes. */
  public Digest id() {
    return Digest.of(configBytes);
  }

  public ImageConfig config() {
    return ImageConfig.parse(configBytes);
  }

  /** sha256 of the schema2 manifest. */
  public Digest manifestDigest() {
    return Digest.of(manifestBytes);
  }

  /** What {@code docker pull} prints as {@code Digest:} and RepoDigests holds: the list's digest if served through one. */
  public Digest repoDigest() {
    return listBytes != null ? Digest.of(listBytes) : manifestDigest();
  }

  public List<Digest> diffIds() {
    return layers.stream().map(LayerBlob::diffId).toList();
  }

  /** The chainIDs of the layer stack, bottom first (the names of layerdb directories). */
  public List<Digest> chainIds() {
    return Digest.chainIds(diffIds());
  }

  /** The size {@code docker images} shows: the sum of the layers' sizes. */
  public long size() {
    return layers.stream().mapToLong(LayerBlob::size).sum();
  }

  /** {@code repository:tag} for each tag. */
  public List<String> repoTags() {
    List<String> out = new ArrayList<>();
    tags.forEach(t -> out.add(repository + ":" + t));
    return out;
  }
}
