package dev.layerlab.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image's configuration: the JSON whose sha256 is the image ID. Written as Docker writes it
 * (top-level keys sorted, compact, Go escapes); {@link #parse} reads any config back, but an
 * image read from elsewhere keeps its original bytes, since those are what its ID hashes.
 */
public record ImageConfig(
    String architecture,
    String os,
    String created,
    String dockerVersion,
    String author,
    String comment,
    String container,
    ContainerConfig containerConfig,
    ContainerConfig config,
    List<HistoryEntry> history,
    List<Digest> diffIds) {

  public static final String MEDIA_TYPE = "application/vnd.docker.container.image.v1+json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ImageConfig {
    history = List.copyOf(history);
    diffIds = List.copyOf(diffIds);
  }

  /** The exact bytes Docker would store for this config. */
  public byte[] toJson() {
    Map<String, Object> m = new LinkedHashMap<>(); // keys added in sorted order, as Go's map marshalling does
    m.put("architecture", architecture);
    if (author != null && !author.isEmpty()) {
      m.put("author", author);
    }
    if (comment != null && !comment.isEmpty()) {
      m.put("comment", comment);
    }
    m.put("config", config == null ? null : config.toJsonValue());
    if (container != null && !container.isEmpty()) {
      m.put("container", container);
    }
    if (containerConfig != null) {
      m.put("container_config", containerConfig.toJsonValue());
    }
    m.put("created", created);
    if (dockerVersion != null && !dockerVersion.isEmpty()) {
      m.put("docker_version", dockerVersion);
    }
    List<Object> h = new ArrayList<>();
    history.forEach(e -> h.add(e.toJsonValue()));
    m.put("history", h);
    m.put("os", os);
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", diffIds.stream().map(Digest::toString).toList());
    m.put("rootfs", rootfs);
    return GoJson.compact(m);
  }

  /** The image ID: sha256 of {@link #toJson()}. */
  public Digest id() {
    return Digest.of(toJson());
  }

  /** Reads a config JSON; ImageFormatException when it is not one. */
  public static ImageConfig parse(byte[] json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new ImageFormatException("invalid image config: " + firstLine(e.getMessage()));
    }
    if (n == null || !n.isObject()) {
      throw new ImageFormatException("invalid image config: not a JSON object");
    }
    JsonNode rootfs = n.path("rootfs");
    if (!"layers".equals(rootfs.path("type").asText())) {
      throw new ImageFormatException("invalid image config: rootfs type is not \"layers\"");
    }
    List<Digest> diffIds = new ArrayList<>();
    for (JsonNode d : rootfs.path("diff_ids")) {
      try {
        diffIds.add(Digest.parse(d.asText()));
      } catch (IllegalArgumentException e) {
        throw new ImageFormatException("invalid image config: bad diff ID " + d);
      }
    }
    List<HistoryEntry> history = new ArrayList<>();
    for (JsonNode h : n.path("history")) {
      history.add(new HistoryEntry(h.path("created").asText(""), textOrNull(h, "author"), textOrNull(h, "created_by"),
          textOrNull(h, "comment"), h.path("empty_layer").asBoolean(false)));
    }
    return new ImageConfig(n.path("architecture").asText(""), n.path("os").asText(""), n.path("created").asText(""),
        textOrNull(n, "docker_version"), textOrNull(n, "author"), textOrNull(n, "comment"), textOrNull(n, "container"),
        ContainerConfig.fromJson(n.get("container_config")), ContainerConfig.fromJson(n.get("config")), history,
        diffIds);
  }

  private static String textOrNull(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  static String firstLine(String s) {
    if (s == null) {
      return "malformed JSON";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
