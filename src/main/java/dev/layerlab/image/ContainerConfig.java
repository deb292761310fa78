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
 *
 * @param healthcheck HEALTHCHECK's settings, null when the image has none
 * @param shell SHELL's command for shell-form instructions, null for the platform's {@code /bin/sh -c}
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
    String stopSignal,
    HealthConfig healthcheck,
    List<String> shell) {

  public static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** The shell a shell-form RUN, CMD or ENTRYPOINT runs in when no SHELL was given. */
  public static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  /**
   * Docker's HealthConfig: the test ({@code ["NONE"]}, {@code ["CMD", args...]} or
   * {@code ["CMD-SHELL", command]}) and its timings in nanoseconds; zero means "inherit" and,
   * as every field is {@code omitempty}, is left out of the JSON.
   */
  public record HealthConfig(List<String> test, long interval, long timeout, long startPeriod, int retries) {
    public HealthConfig {
      test = test == null ? null : List.copyOf(test);
    }

    Map<String, Object> toJsonValue() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (test != null && !test.isEmpty()) {
        m.put("Test", test);
      }
      putNonZero(m, "Interval", interval);
      putNonZero(m, "Timeout", timeout);
      putNonZero(m, "StartPeriod", startPeriod);
      putNonZero(m, "Retries", retries);
      return m;
    }

    private static void putNonZero(Map<String, Object> m, String key, long value) {
      if (value != 0) {
        m.put(key, value);
      }
    }

    static HealthConfig fromJson(JsonNode n) {
      if (n == null || n.isNull()) {
        return null;
      }
      return new HealthConfig(list(n.get("Test")), n.path("Interval").asLong(0), n.path("Timeout").asLong(0),
          n.path("StartPeriod").asLong(0), n.path("Retries").asInt(0));
    }
  }

  /** A config without HEALTHCHECK or SHELL, as most images are. */
  public ContainerConfig(String hostname, String user, List<String> exposedPorts, List<String> env, List<String> cmd,
      boolean argsEscaped, String image, List<String> volumes, String workingDir, List<String> entrypoint,
      List<String> onBuild, SortedMap<String, String> labels, String stopSignal) {
    this(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir, entrypoint, onBuild, labels,
        stopSignal, null, null);
  }

  /** What a build starts with on {@code FROM scratch}: only the default PATH. */
  public static ContainerConfig scratch() {
    return new ContainerConfig("", "", null, List.of(DEFAULT_PATH), null, false, "", null, "", null, null, null, "");
  }

  public ContainerConfig withCmd(List<String> newCmd, boolean escaped) {
    return new ContainerConfig(hostname, user, exposedPorts, env, newCmd, escaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withImage(String newImage) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, newImage, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withHostname(String newHostname) {
    return new ContainerConfig(newHostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withLabels(SortedMap<String, String> newLabels) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, newLabels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withEnv(List<String> newEnv) {
    return new ContainerConfig(hostname, user, exposedPorts, newEnv, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withWorkingDir(String dir) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, dir,
        entrypoint, onBuild, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withExposedPorts(List<String> ports) {
    return new ContainerConfig(hostname, user, ports, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withUser(String newUser) {
    return new ContainerConfig(hostname, newUser, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withVolumes(List<String> newVolumes) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, newVolumes, workingDir,
        entrypoint, onBuild, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withEntrypoint(List<String> newEntrypoint) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        newEntrypoint, onBuild, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withOnBuild(List<String> triggers) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, triggers, labels, stopSignal, healthcheck, shell);
  }

  public ContainerConfig withStopSignal(String signal) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, signal, healthcheck, shell);
  }

  public ContainerConfig withHealthcheck(HealthConfig newHealthcheck) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal, newHealthcheck, shell);
  }

  public ContainerConfig withShell(List<String> newShell) {
    return new ContainerConfig(hostname, user, exposedPorts, env, cmd, argsEscaped, image, volumes, workingDir,
        entrypoint, onBuild, labels, stopSignal, healthcheck, newShell == null ? null : List.copyOf(newShell));
  }

  /** The shell shell-form instructions run in: SHELL's when one was given, else {@code /bin/sh -c}. */
  public List<String> shellOrDefault() {
    return shell == null || shell.isEmpty() ? DEFAULT_SHELL : shell;
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
    if (healthcheck != null) {
      m.put("Healthcheck", healthcheck.toJsonValue());
    }
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
    if (shell != null && !shell.isEmpty()) {
      m.put("Shell", shell);
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
        list(n.get("Entrypoint")), list(n.get("OnBuild")), labels(n.get("Labels")), text(n, "StopSignal"),
        HealthConfig.fromJson(n.get("Healthcheck")), list(n.get("Shell")));
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
