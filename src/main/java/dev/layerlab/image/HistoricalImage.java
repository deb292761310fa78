package dev.layerlab.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identifiers Docker Hub really served for a catalog image in 2018, for lessons that compare
 * them with layerlab's own. layerlab's layers are different bytes, so its IDs differ; these values
 * are never layerlab's and must be shown as history, not as what the simulation computed.
 *
 * @param size bytes, or -1 when only the rounded {@code docker images} value is known
 */
public record HistoricalImage(String reference, Digest imageId, Digest pullDigest, List<Digest> layerDigests,
    List<Digest> diffIds, long size) {

  /** The 2018 values for {@code ubuntu:18.04}, {@code ubuntu:16.04}, {@code alpine:3.8}, {@code busybox:latest}, {@code debian:stretch}. */
  public static Optional<HistoricalImage> of(String reference) {
    String ref = Reference.parse(reference).familiar();
    Digest image = null;
    Digest digest = null;
    long size = -1;
    List<Digest> layers = new ArrayList<>();
    List<Digest> diffIds = new ArrayList<>();
    for (String[] row : Resources.table("historical-2018.tsv")) {
      if (!row[0].equals(ref)) {
        continue;
      }
      switch (row[1]) {
        case "image" -> image = Digest.parse(row[2]);
        case "digest" -> digest = Digest.parse(row[2]);
        case "size" -> size = Long.parseLong(row[2]);
        case "layer" -> layers.add(Digest.parse(row[2]));
        case "diffid" -> diffIds.add(Digest.parse(row[2]));
        default -> throw new IllegalStateException("unknown field " + row[1]);
      }
    }
    return image == null ? Optional.empty()
        : Optional.of(new HistoricalImage(ref, image, digest, List.copyOf(layers), List.copyOf(diffIds), size));
  }
}
