package dev.layerlab.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tarball {@code docker save} writes in Docker 18.x: one legacy {@code <v1id>/} directory per
 * layer ({@code VERSION}, {@code json}, {@code layer.tar}), the config as {@code <image id>.json},
 * {@code manifest.json} and {@code repositories}. Reading is {@code docker load}'s check: every
 * layer's diffID must match the config before anything is returned.
 */
public final class DockerArchive {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DockerArchive() {}

  /** The archive's files. */
  static ArchiveFiles files(List<ArchiveImage> images) {
    ArchiveFiles out = new ArchiveFiles();
    List<Object> manifest = new ArrayList<>();
    Map<String, Map<String, Object>> repositories = new LinkedHashMap<>();
    for (ArchiveImage image : images) {
      ImageConfig config = image.config();
      long created = createdSeconds(config.created());
      List<Digest> chain = Digest.chainIds(image.diffIds());
      List<Object> layerPaths = new ArrayList<>();
      String parent = null;
      for (int i = 0; i < image.layers().size(); i++) {
        boolean top = i == image.layers().size() - 1;
        Map<String, Object> v1 = v1Json(config, top);
        String v1Id = v1Id(v1, chain.get(i), parent);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v1Id);
        if (parent != null) {
          json.put("parent", parent);
        }
        json.putAll(v1);
        out.put(v1Id + "/VERSION", "1.0".getBytes(StandardCharsets.US_ASCII), created);
        out.put(v1Id + "/json", GoJson.compact(json), created);
        out.put(v1Id + "/layer.tar", tarBytes(image.layers().get(i)), created);
        layerPaths.add(v1Id + "/layer.tar");
        parent = v1Id;
        if (top) {
          for (String tag : image.repoTags()) {
            int colon = tag.lastIndexOf(':');
            repositories.computeIfAbsent(tag.substring(0, colon), k -> new LinkedHashMap<>())
                .put(tag.substring(colon + 1), v1Id);
          }
        }
      }
      out.put(image.id().hex() + ".json", image.configBytes(), created);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("Config", image.id().hex() + ".json");
      item.put("RepoTags", image.repoTags().isEmpty() ? null : image.repoTags());
      item.put("Layers", layerPaths);
      manifest.add(item);
    }
    // manifest.json and repositories come from Go's json.Encoder, which ends them with a newline
    out.put("manifest.json", (new String(GoJson.compact(manifest), StandardCharsets.UTF_8) + "\n")
        .getBytes(StandardCharsets.UTF_8), 0);
    if (!repositories.isEmpty()) {
      Map<String, Object> sorted = new java.util.TreeMap<>();
      repositories.forEach((k, v) -> sorted.put(k, new java.util.TreeMap<>(v)));
      out.put("repositories", (new String(GoJson.compact(sorted), StandardCharsets.UTF_8) + "\n")
          .getBytes(StandardCharsets.UTF_8), 0);
    }
    return out;
  }

  /** Writes a {@code docker save} tarball of {@code images}. */
  public static void write(List<ArchiveImage> images, OutputStream out) throws IOException {
    files(images).writeTar(out);
  }

  public static byte[] bytes(List<ArchiveImage> images) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(images, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Reads and verifies a {@code docker save} tarball; ImageFormatException naming the first problem. */
  public static List<ArchiveImage> read(byte[] tar) {
    return read(ArchiveFiles.readTar(tar));
  }

  static List<ArchiveImage> read(ArchiveFiles files) {
    if (!files.has("manifest.json")) {
      throw new ImageFormatException("open repositories: no such file or directory");
    }
    JsonNode manifest = json(files.get("manifest.json"), "manifest.json");
    if (!manifest.isArray()) {
      throw new ImageFormatException("invalid manifest.json: not a JSON array");
    }
    List<ArchiveImage> out = new ArrayList<>();
    List<LayerBlob> read = new ArrayList<>();
    try {
      readImages(manifest, files, out, read);
    } catch (ImageFormatException e) {
      read.forEach(LayerBlob::verify); // Docker meets a wrong diffID of an earlier layer first
      throw e;
    }
    return out;
  }

  private static void readImages(JsonNode manifest, ArchiveFiles files, List<ArchiveImage> out, List<LayerBlob> read) {
    for (JsonNode item : manifest) {
      String configPath = item.path("Config").asText("");
      byte[] configBytes = files.get(LayerTarPath.check(configPath));
      ImageConfig config = ImageConfig.parse(configBytes);
      JsonNode layerPaths = item.path("Layers");
      if (layerPaths.size() != config.diffIds().size()) {
        throw new ImageFormatException("invalid manifest, layers length mismatch: expected "
            + config.diffIds().size() + ", got " + layerPaths.size());
      }
      List<LayerBlob> layers = new ArrayList<>();
      for (int i = 0; i < layerPaths.size(); i++) {
        byte[] layer = files.get(LayerTarPath.check(layerPaths.get(i).asText()));
        layers.add(layerBlob(i, layer, config.diffIds().get(i)));
        read.add(layers.get(i));
      }
      List<String> tags = new ArrayList<>();
      // skopeo writes docker.io/... names; Docker 18.06 keeps the familiar form
      item.path("RepoTags").forEach(t -> tags.add(familiar(t.asText())));
      out.add(new ArchiveImage(configBytes, layers, tags));
    }
  }

  private static String familiar(String repoTag) {
    try {
      Reference r = Reference.parse(repoTag);
      if (r.tag() == null) {
        throw new ImageFormatException("invalid tag " + LayerTar.quote(repoTag) + ": no tag");
      }
      return r.familiar();
    } catch (CatalogException e) {
      throw new ImageFormatException("invalid reference format: " + LayerTar.quote(repoTag));
    }
  }

  /**
   * A layer tar of the archive, parsed at once and hashed in the background: the diffID check
   * overlaps the parse and then the extraction, until {@link LayerBlob#verify}. A tar that cannot
   * be parsed is reported after its diffID, as Docker reports a wrong diffID first.
   */
  private static LayerBlob layerBlob(int index, byte[] tar, Digest expected) {
    java.util.concurrent.CompletableFuture<Void> check = java.util.concurrent.CompletableFuture.runAsync(() -> {
      Digest actual = Digest.of(tar);
      if (!actual.equals(expected)) {
        throw new ImageFormatException("invalid diffID for layer " + index + ": expected \"" + expected + "\", got \""
            + actual + "\"");
      }
    });
    try {
      return LayerBlob.fromTarBeingChecked(tar, expected, check);
    } catch (ImageFormatException e) {
      try {
        check.join();
      } catch (java.util.concurrent.CompletionException wrong) {
        throw (ImageFormatException) wrong.getCause();
      }
      throw new ImageFormatException("Error processing tar file(exit status 1): " + e.getMessage(), e);
    }
  }

  /** Keeps archive-internal names inside the archive. */
  static final class LayerTarPath {
    private LayerTarPath() {}

    static String check(String p) {
      String clean = LayerTar.cleanName(p);
      if (clean == null) {
        throw new ImageFormatException("invalid path in manifest: " + LayerTar.quote(p));
      }
      return clean;
    }
  }

  static JsonNode json(byte[] bytes, String name) {
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new ImageFormatException("invalid " + name + ": " + ImageConfig.firstLine(e.getMessage()));
    }
  }

  private static byte[] tarBytes(LayerBlob blob) {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(blob.tarSize(), Integer.MAX_VALUE - 8));
    try {
      blob.writeTar(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The legacy v1 JSON of a layer: only {@code created} (and an empty container_config) below the top. */
  private static Map<String, Object> v1Json(ImageConfig c, boolean top) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("created", c.created());
    if (top && c.container() != null && !c.container().isEmpty()) {
      m.put("container", c.container());
    }
    ContainerConfig cc = top && c.containerConfig() != null ? c.containerConfig()
        : new ContainerConfig("", "", null, null, null, false, "", null, "", null, null, null, "");
    m.put("container_config", cc.toJsonValue());
    if (top) {
      if (c.dockerVersion() != null && !c.dockerVersion().isEmpty()) {
        m.put("docker_version", c.dockerVersion());
      }
      if (c.author() != null && !c.author().isEmpty()) {
        m.put("author", c.author());
      }
      m.put("config", c.config() == null ? null : c.config().toJsonValue());
      m.put("architecture", c.architecture());
    }
    m.put("os", c.os());
    return m;
  }

  /** Docker's v1 ID: sha256 of the v1 JSON without its id, plus layer_id and parent, keys sorted. */
  private static String v1Id(Map<String, Object> v1, Digest chainId, String parent) {
    Map<String, Object> sorted = new java.util.TreeMap<>(v1);
    sorted.put("layer_id", chainId.toString());
    if (parent != null) {
      sorted.put("parent", "sha256:" + parent);
    }
    return Digest.of(GoJson.compact(sorted)).hex();
  }

  private static long createdSeconds(String created) {
    try {
      return Instant.parse(created).getEpochSecond();
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
