package dev.layerlab.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Docker schema2 image manifest and the one-platform manifest list that official images are
 * served through, both as a registry stores them (three-space indentation, no final newline).
 */
public final class Manifest {
  public static final String MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
  public static final String LIST_MEDIA_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";

  private Manifest() {}

  /** The manifest bytes for a config blob and its layers, bottom first. */
  public static byte[] of(byte[] config, List<LayerBlob> layers) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", 2);
    m.put("mediaType", MEDIA_TYPE);
    m.put("config", descriptor(ImageConfig.MEDIA_TYPE, config.length, Digest.of(config)));
    List<Object> l = new ArrayList<>();
    for (LayerBlob b : layers) {
      l.add(descriptor(LayerBlob.MEDIA_TYPE, b.compressedSize(), b.digest()));
    }
    m.put("layers", l);
    return GoJson.indented(m, "   ");
  }

  /** A manifest list naming one linux/amd64 manifest. */
  public static byte[] list(byte[] manifest) {
    Map<String, Object> d = descriptor(MEDIA_TYPE, manifest.length, Digest.of(manifest));
    Map<String, Object> platform = new LinkedHashMap<>();
    platform.put("architecture", "amd64");
    platform.put("os", "linux");
    d.put("platform", platform);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", 2);
    m.put("mediaType", LIST_MEDIA_TYPE);
    m.put("manifests", List.of(d));
    return GoJson.indented(m, "   ");
  }

  static Map<String, Object> descriptor(String mediaType, long size, Digest digest) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mediaType", mediaType);
    d.put("size", size);
    d.put("digest", digest.toString());
    return d;
  }
}
