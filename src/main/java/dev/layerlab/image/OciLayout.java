package dev.layerlab.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI image layout: {@code oci-layout}, {@code index.json} and content-addressed
 * {@code blobs/sha256/<hex>}. Written with OCI media types around the same config and layer
 * bytes (so the image ID is unchanged); read with every blob checked against its digest and size
 * and every layer's diffID against the config.
 */
public final class OciLayout {
  public static final String INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  public static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
  public static final String REF_NAME = "org.opencontainers.image.ref.name";
  /** The full name Docker 25+ and containerd record next to the OCI tag. */
  public static final String IMAGE_NAME = "io.containerd.image.name";

  private OciLayout() {}

  static ArchiveFiles files(List<ArchiveImage> images) {
    ArchiveFiles out = new ArchiveFiles();
    out.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.US_ASCII), 0);
    List<Object> manifests = new ArrayList<>();
    for (ArchiveImage image : images) {
      blob(out, image.configBytes());
      List<Object> layers = new ArrayList<>();
      for (LayerBlob l : image.layers()) {
        byte[] gz = l.compressed();
        blob(out, gz);
        layers.add(Manifest.descriptor(LAYER_GZIP, gz.length, l.digest()));
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("schemaVersion", 2);
      m.put("mediaType", MANIFEST);
      m.put("config", Manifest.descriptor(CONFIG, image.configBytes().length, image.id()));
      m.put("layers", layers);
      byte[] manifest = GoJson.compact(m);
      blob(out, manifest);
      List<String> names = image.repoTags().isEmpty() ? List.of("") : image.repoTags();
      for (String name : names) {
        Map<String, Object> d = Manifest.descriptor(MANIFEST, manifest.length, Digest.of(manifest));
        if (!name.isEmpty()) {
          // umoci and skopeo name an image in a layout by its tag alone; Docker adds the full name
          Map<String, Object> a = new LinkedHashMap<>();
          a.put(IMAGE_NAME, Reference.parse(name).canonical());
          a.put(REF_NAME, name.substring(name.lastIndexOf(':') + 1));
          d.put("annotations", a);
        }
        manifests.add(d);
      }
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", INDEX);
    index.put("manifests", manifests);
    out.put("index.json", GoJson.compact(index), 0);
    return out;
  }

  private static void blob(ArchiveFiles out, byte[] data) {
    out.put("blobs/sha256/" + Digest.of(data).hex(), data, 0);
  }

  /** Writes the layout as a tar (what {@code docker save} of Docker 25+ and oci-archive hold). */
  public static void writeTar(List<ArchiveImage> images, OutputStream out) throws IOException {
    files(images).writeTar(out);
  }

  public static byte[] bytes(List<ArchiveImage> images) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeTar(images, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the layout into a real directory (for the real tools). */
  public static void writeDirectory(List<ArchiveImage> images, Path dir) throws IOException {
    files(images).writeDirectory(dir);
  }

  public static List<ArchiveImage> read(byte[] tar) {
    return read(ArchiveFiles.readTar(tar));
  }

  /** Reads a layout from a real directory. */
  public static List<ArchiveImage> readDirectory(Path dir) throws IOException {
    return read(ArchiveFiles.readDirectory(dir));
  }

  static List<ArchiveImage> read(ArchiveFiles files) {
    if (!files.has("oci-layout")) {
      throw new ImageFormatException("open oci-layout: no such file or directory");
    }
    JsonNode layout = DockerArchive.json(files.get("oci-layout"), "oci-layout");
    if (!"1.0.0".equals(layout.path("imageLayoutVersion").asText())) {
      throw new ImageFormatException("unsupported OCI image layout version " + layout.path("imageLayoutVersion"));
    }
    List<ArchiveImage> out = new ArrayList<>();
    JsonNode index = DockerArchive.json(files.get("index.json"), "index.json");
    collect(files, index, null, out, 0);
    return out;
  }

  private static void collect(ArchiveFiles files, JsonNode index, String name, List<ArchiveImage> out, int depth) {
    if (depth > 4) {
      throw new ImageFormatException("invalid index.json: indexes nested too deep");
    }
    for (JsonNode d : index.path("manifests")) {
      JsonNode a = d.path("annotations");
      String ref = name;
      if (a.has(IMAGE_NAME)) {
        try {
          ref = Reference.parse(a.path(IMAGE_NAME).asText()).familiar();
        } catch (CatalogException e) {
          throw new ImageFormatException("invalid reference format: " + LayerTar.quote(a.path(IMAGE_NAME).asText()));
        }
      }
      byte[] bytes = verified(files, d);
      String type = d.path("mediaType").asText();
      if (type.equals(INDEX) || type.equals(Manifest.LIST_MEDIA_TYPE)) {
        collect(files, DockerArchive.json(bytes, "index"), ref, out, depth + 1);
      } else {
        out.add(image(files, DockerArchive.json(bytes, "manifest"), ref));
      }
    }
  }

  private static ArchiveImage image(ArchiveFiles files, JsonNode manifest, String ref) {
    byte[] configBytes = verified(files, manifest.path("config"));
    ImageConfig config = ImageConfig.parse(configBytes);
    JsonNode layers = manifest.path("layers");
    if (layers.size() != config.diffIds().size()) {
      throw new ImageFormatException("invalid manifest, layers length mismatch: expected "
          + config.diffIds().size() + ", got " + layers.size());
    }
    List<LayerBlob> blobs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      JsonNode d = layers.get(i);
      byte[] data = verified(files, d);
      Digest diffId = config.diffIds().get(i);
      LayerBlob b;
      try {
        b = d.path("mediaType").asText().endsWith("gzip") ? LayerBlob.fromCompressed(data, null)
            : LayerBlob.fromTar(data, null);
      } catch (ImageFormatException e) {
        throw new ImageFormatException("Error processing tar file(exit status 1): " + e.getMessage(), e);
      }
      if (!b.diffId().equals(diffId)) {
        throw new ImageFormatException("invalid diffID for layer " + i + ": expected \"" + diffId + "\", got \""
            + b.diffId() + "\"");
      }
      blobs.add(b);
    }
    // A bare OCI tag names no repository: such an image loads untagged, as Docker loads it.
    List<String> tags = ref == null || !ref.contains(":") ? List.of() : List.of(ref);
    return new ArchiveImage(configBytes, blobs, tags);
  }

  /** The blob a descriptor names, after checking its size and sha256. */
  private static byte[] verified(ArchiveFiles files, JsonNode descriptor) {
    String text = descriptor.path("digest").asText("");
    Digest digest;
    try {
      digest = Digest.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ImageFormatException("invalid checksum digest format: " + LayerTar.quote(text));
    }
    byte[] data = files.get("blobs/sha256/" + digest.hex());
    long size = descriptor.path("size").asLong(-1);
    if (size != data.length) {
      throw new ImageFormatException("blob " + digest + ": size " + data.length + " does not match descriptor size "
          + size);
    }
    if (!Digest.of(data).equals(digest)) {
      throw new ImageFormatException("blob " + digest + ": digest mismatch, content hashes to " + Digest.of(data));
    }
    return data;
  }
}
