package dev.layerlab.engine;

import dev.layerlab.image.Digest;
import dev.layerlab.image.ImageConfig;
import java.time.Instant;

/**
 * An image the daemon holds: its config (whose sha256 is its ID) and its top layer.
 *
 * @param topLayer the chainID of its top layer, null for an image without layers
 * @param parent the image it was built or committed from, null for pulled and loaded images
 * @param lastTagTime when it was last tagged locally, null when never (pulled images)
 */
public record ImageRecord(Digest id, byte[] configBytes, Digest topLayer, Digest parent, Instant lastTagTime) {

  public ImageConfig config() {
    return ImageConfig.parse(configBytes);
  }

  public String shortId() {
    return id.shortId();
  }
}
