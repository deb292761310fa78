package dev.layerlab.engine;

import dev.layerlab.image.Digest;

/**
 * A read-only image layer as the layer store knows it: {@code layerdb/sha256/<chainId>/}.
 *
 * @param parent the chainID of the layer below, null for a bottom layer
 * @param cacheId the random name of its {@code overlay2/} directory
 * @param size the bytes of content in its {@code diff/}
 */
public record Layer(Digest chainId, Digest diffId, Digest parent, String cacheId, long size) {

  /** {@code /var/lib/docker/overlay2/<cache-id>/diff}. */
  public String diffDir() {
    return DockerPaths.layerDir(cacheId) + "/diff";
  }
}
