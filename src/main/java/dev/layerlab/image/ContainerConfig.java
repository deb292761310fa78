package dev.layerlab.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code config} / {@code container_config} object of an image: Docker's container.Config,
 * whose JSON keys follow the Go struct's field order (optional ones left out when empty).
 * Null lists and maps are written as {@code null}, as Go writes a nil slice or map.
 */
public record ContainerConfig(
    String hostname,
    String user,
    List<String> exposedPorts,
    List<String> env,
    List<String> cmd,
    boolean argsEscaped,
    String image,
    List<String> volumes,
    String workingDir,
    List<String> entrypoint,
    List<String> onBuild,
    SortedMap<String, String> labels,
    String stopSignal) {

  public static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** What a build starts with on {@code FROM scratch}: only the default PATH. */
  public static ContainerConfig scratch() {
    return new ContainerConfig("", "", null, List.of(DEFAULT_PATH), null, false, "", null, "", null, null, null, "");
  }

  public ContainerConfig withCmd(List<String> newCmd, boolean escaped) {
    return new ContainerConfig(hostname, user, exposedPorts, env, newCmd, escaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal);
  }

  public ContainerConfig withImage(String newImage) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, newImage, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal);
  }

  public ContainerConfig withHostname(String newHostname) {
    return new ContainerConfig(newHostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal);
  }

  public ContainerConfig withLabels(SortedMap<String, String> newLabels) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, newLabels, stopSignal);
  }

  public ContainerConfig withEnv(List<String> newEnv) {
    return new ContainerConfig(hostname, user, exposedPorts, newEnv, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal);
  }

  public ContainerConfig withWorkingDir(String dir) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, dir,
        entrypoint, onBuild, labels, stopSignal);
  }

  public ContainerConfig withExposedPorts(List<String> ports) {
    return new ContainerConfig(hostname, user, ports, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal);
  }

  /** The JSON object in Go field order. */
  Map<String, Object> toJsonValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Hostname", hostname);
    m.put("Domainname", "");
    m.put("User", user);
    m.put("AttachStdin", false);
    m.put("AttachStdout", false);
    m.put("AttachStderr", false);
    if (exposedPorts != null && !exposedPorts.isEmpty()) {
      Map<String, Object> ports = new LinkedHashMap<>();
      exposedPorts.stream().sorted().forEach(p -> ports.put(p, Map.of()));
      m.put("ExposedPorts", ports);
    }
    m.put("Tty", false);
    m.put("OpenStdin", false);
    m.put("StdinOnce", false);
    m.put("Env", env);
    m.put("Cmd", cmd);
    if (argsEscaped) {
      m.put("ArgsEscaped", true);
    }
    m.put("Image", image);
    if (volumes == null) {
      m.put("Volumes", null);
    } else {
      Map<String, Object> v = new LinkedHashMap<>();
      volumes.stream().sorted().forEach(p -> v.put(p, Map.of()));
      m.put("Volumes", v);
    }
    m.put("WorkingDir", workingDir);
    m.put("Entrypoint", entrypoint);
    m.put("OnBuild", onBuild);
    m.put("Labels", labels == null ? null : new LinkedHashMap<>(labels));
    if (stopSignal != null && !stopSignal.isEmpty()) {
      m.put("StopSignal", stopSignal);
    }
    return m;
  }

  static ContainerConfig fromJson(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return new ContainerConfig(
        text(n, "Hostname"), text(n, "User"), keys(n.get("ExposedPorts")), list(n.get("Env")), list(n.get("Cmd")),
        n.path("ArgsEscaped").asBoolean(false), text(n, "Image"), keys(n.get("Volumes")), text(n, "WorkingDir"),
        list(n.get("Entrypoint")), list(n.get("OnBuild")), labels(n.get("Labels")), text(n, "StopSignal"));
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? "" : v.asText();
  }

  static List<String> list(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return List.of(n.asText());
    }
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return List.copyOf(out);
  }

  private static List<String> keys(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return List.copyOf(out);
  }

  private static SortedMap<String, String> labels(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    SortedMap<String, String> out = new TreeMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
