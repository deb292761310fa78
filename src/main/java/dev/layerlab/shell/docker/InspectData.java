package dev.layerlab.shell.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlab.engine.Container;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.ImageRecord;
import dev.layerlab.image.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects {@code docker inspect} prints, with Docker's keys in Docker's order. */
final class InspectData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InspectData() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> image(Engine engine, ImageRecord img) {
    Map<String, Object> raw;
    try {
      raw = JSON.readValue(img.configBytes(), LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", img.id().toString());
    m.put("RepoTags", engine.tags(img));
    m.put("RepoDigests", engine.repoDigests(img));
    m.put("Parent", img.parent() == null ? "" : img.parent().toString());
    m.put("Comment", raw.getOrDefault("comment", ""));
    m.put("Created", raw.getOrDefault("created", ""));
    m.put("Container", raw.getOrDefault("container", ""));
    m.put("ContainerConfig", raw.get("container_config"));
    m.put("DockerVersion", raw.getOrDefault("docker_version", ""));
    m.put("Author", raw.getOrDefault("author", ""));
    m.put("Config", raw.get("config"));
    m.put("Architecture", raw.getOrDefault("architecture", ""));
    m.put("Os", raw.getOrDefault("os", ""));
    long size = engine.size(img);
    m.put("Size", size);
    m.put("VirtualSize", size);
    m.put("GraphDriver", graphDriver(engine.graphDriver(img)));
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("Type", "layers");
    rootfs.put("Layers", img.config().diffIds().stream().map(Digest::toString).toList());
    m.put("RootFS", rootfs);
    m.put("Metadata", Map.of("LastTagTime", time(img.lastTagTime())));
    return m;
  }

  /** The image's {@code config} object as Docker stored it (empty when it has none). */
  private static Map<?, ?> imageConfig(ImageRecord img) {
    try {
      Object config = JSON.readValue(img.configBytes(), LinkedHashMap.class).get("config");
      return config instanceof Map<?, ?> m ? m : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> graphDriver(Engine.GraphDriver g) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (g.lowerDir() != null) {
      data.put("LowerDir", g.lowerDir());
    }
    if (g.mergedDir() != null) {
      data.put("MergedDir", g.mergedDir());
      data.put("UpperDir", g.upperDir());
      data.put("WorkDir", g.workDir());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Data", data);
    m.put("Name", "overlay2");
    return m;
  }

  static Map<String, Object> container(Engine engine, Container c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", c.id());
    m.put("Created", time(c.created()));
    m.put("Path", c.path());
    m.put("Args", c.args());
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Status", switch (c.state()) {
      case CREATED -> "created";
      case RUNNING -> "running";
      case EXITED -> "exited";
    });
    state.put("Running", c.isRunning());
    state.put("Paused", false);
    state.put("Restarting", false);
    state.put("OOMKilled", false);
    state.put("Dead", false);
    state.put("Pid", c.pid());
    state.put("ExitCode", c.exitCode());
    state.put("Error", "");
    state.put("StartedAt", time(c.startedAt()));
    state.put("FinishedAt", time(c.finishedAt()));
    m.put("State", state);
    m.put("Image", c.imageId().toString());
    String dir = "/var/lib/docker/containers/" + c.id();
    boolean started = c.startedAt() != null || c.isRunning();
    m.put("ResolvConfPath", started ? dir + "/resolv.conf" : "");
    m.put("HostnamePath", started ? dir + "/hostname" : "");
    m.put("HostsPath", started ? dir + "/hosts" : "");
    m.put("LogPath", started ? dir + "/" + c.id() + "-json.log" : "");
    m.put("Name", "/" + c.name());
    m.put("RestartCount", 0);
    m.put("Driver", "overlay2");
    m.put("Platform", "linux");
    m.put("MountLabel", "");
    m.put("ProcessLabel", "");
    m.put("AppArmorProfile", "docker-default");
    m.put("ExecIDs", null);
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("Binds", null);
    host.put("ContainerIDFile", "");
    host.put("LogConfig", Map.of("Type", "json-file", "Config", Map.of()));
    host.put("NetworkMode", "default");
    host.put("PortBindings", Map.of());
    host.put("RestartPolicy", new LinkedHashMap<>(Map.of("Name", "no", "MaximumRetryCount", 0)));
    host.put("AutoRemove", c.autoRemove());
    host.put("ShmSize", 67108864);
    m.put("HostConfig", host);
    m.put("GraphDriver", graphDriver(engine.graphDriver(c)));
    m.put("Mounts", List.of());
    // what the daemon's config merge takes from the image: its USER and HEALTHCHECK among others
    Map<?, ?> fromImage = engine.findImage(c.imageId().toString()).map(InspectData::imageConfig).orElse(Map.of());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("Hostname", c.hostname());
    config.put("Domainname", "");
    config.put("User", fromImage.get("User") == null ? "" : fromImage.get("User"));
    config.put("AttachStdin", c.openStdin());
    config.put("AttachStdout", true);
    config.put("AttachStderr", true);
    config.put("Tty", c.tty());
    config.put("OpenStdin", c.openStdin());
    config.put("StdinOnce", c.openStdin());
    config.put("Env", c.env());
    config.put("Cmd", c.cmd().isEmpty() ? null : c.cmd());
    if (fromImage.get("Healthcheck") != null) {
      config.put("Healthcheck", fromImage.get("Healthcheck"));
    }
    config.put("Image", c.imageName());
    config.put("Volumes", null);
    config.put("WorkingDir", c.workingDir().equals("/") ? "" : c.workingDir());
    config.put("Entrypoint", c.entrypoint().isEmpty() ? null : c.entrypoint());
    config.put("OnBuild", null);
    config.put("Labels", Map.of());
    m.put("Config", config);
    Map<String, Object> net = new LinkedHashMap<>();
    net.put("Bridge", "");
    net.put("SandboxID", "");
    net.put("IPAddress", c.isRunning() ? ipOf(engine, c) : "");
    net.put("Gateway", c.isRunning() ? "172.17.0.1" : "");
    net.put("MacAddress", "");
    m.put("NetworkSettings", net);
    return m;
  }

  private static String ipOf(Engine engine, Container c) {
    try {
      String hosts = new String(engine.host().read("/var/lib/docker/containers/" + c.id() + "/hosts"),
          java.nio.charset.StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(List.of(hosts.split("\n")));
      for (String l : lines) {
        if (l.endsWith("\t" + c.hostname())) {
          return l.substring(0, l.indexOf('\t'));
        }
      }
    } catch (RuntimeException e) {
      // no network files yet
    }
    return "";
  }

  /** Go's RFC 3339 with nanoseconds; the zero time for "never". */
  static String time(Instant t) {
    if (t == null) {
      return "0001-01-01T00:00:00Z";
    }
    String base = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(t);
    return t.getNano() == 0 ? base + "Z" : base + "." + String.format("%09d", t.getNano()).replaceAll("0+$", "") + "Z";
  }
}
