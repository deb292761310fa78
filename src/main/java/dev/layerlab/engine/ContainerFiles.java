package dev.layerlab.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlab.image.Digest;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /var/lib/docker/containers/<id>/}: the container's config and the files bind-mounted into it. */
final class ContainerFiles {
  private static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

  private final Vfs vfs;

  ContainerFiles(Vfs vfs) {
    this.vfs = vfs;
  }

  static String dir(String id) {
    return DockerPaths.CONTAINERS + "/" + id;
  }

  void create(Container c) {
    String d = dir(c.id());
    vfs.mkdir(d, 0700);
    vfs.mkdir(d + "/checkpoints", 0700);
    vfs.mkdir(d + "/mounts", 0700);
    save(c);
    HostFiles.write(vfs, d + "/hostconfig.json",
        "{\"Binds\":null,\"ContainerIDFile\":\"\",\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{}},"
            + "\"NetworkMode\":\"default\",\"PortBindings\":{},\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0},"
            + "\"AutoRemove\":" + c.autoRemove() + ",\"ShmSize\":67108864}", 0644);
  }

  /** The network files written at start: hostname, hosts (with the container's address), resolv.conf. */
  void network(Container c, String address, String resolvConf) {
    String d = dir(c.id());
    HostFiles.write(vfs, d + "/hostname", c.hostname() + "\n", 0644);
    HostFiles.write(vfs, d + "/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
        + "fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n"
        + address + "\t" + c.hostname() + "\n", 0644);
    HostFiles.write(vfs, d + "/resolv.conf", resolvConf, 0644);
    HostFiles.write(vfs, d + "/resolv.conf.hash",
        Digest.of(resolvConf.getBytes(StandardCharsets.UTF_8)).toString(), 0644);
    HostFiles.mkdirs(vfs, d + "/mounts/shm", 01777);
    String log = d + "/" + c.id() + "-json.log";
    if (!vfs.exists(log)) {
      HostFiles.write(vfs, log, "", 0640);
    }
  }

  /** Writes config.v2.json with the container's current state. */
  void save(Container c) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Running", c.isRunning());
    state.put("Paused", false);
    state.put("Restarting", false);
    state.put("OOMKilled", false);
    state.put("RemovalInProgress", false);
    state.put("Dead", false);
    state.put("Pid", c.pid());
    state.put("ExitCode", c.exitCode());
    state.put("Error", "");
    state.put("StartedAt", ImageStore.rfc3339(c.startedAt() == null ? ZERO : c.startedAt()));
    state.put("FinishedAt", ImageStore.rfc3339(c.finishedAt() == null ? ZERO : c.finishedAt()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("StreamConfig", Map.of());
    m.put("State", state);
    m.put("ID", c.id());
    m.put("Created", ImageStore.rfc3339(c.created()));
    m.put("Managed", false);
    m.put("Path", c.path());
    m.put("Args", c.args());
    m.put("Config", Map.of("Hostname", c.hostname(), "Env", c.env(), "Cmd", c.cmd(), "Image", c.imageName(),
        "WorkingDir", c.workingDir().equals("/") ? "" : c.workingDir(), "Tty", c.tty(), "OpenStdin", c.openStdin()));
    m.put("Image", c.imageId().toString());
    m.put("Name", "/" + c.name());
    m.put("Driver", "overlay2");
    m.put("OS", "linux");
    m.put("RestartCount", 0);
    String d = dir(c.id());
    m.put("HostnamePath", d + "/hostname");
    m.put("HostsPath", d + "/hosts");
    m.put("ResolvConfPath", d + "/resolv.conf");
    m.put("LogPath", d + "/" + c.id() + "-json.log");
    m.put("MountPoints", Map.of());
    try {
      HostFiles.write(vfs, d + "/config.v2.json", Json.MAPPER.writeValueAsString(m), 0644);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends one line of output to the json-file log, as Docker's json-file driver stores it. */
  void appendLog(Container c, String stream, String text, Instant at) {
    if (text.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder();
    for (String line : text.split("(?<=\n)")) {
      try {
        b.append("{\"log\":").append(Json.MAPPER.writeValueAsString(line)).append(",\"stream\":\"").append(stream)
            .append("\",\"time\":\"").append(ImageStore.rfc3339(at)).append("\"}\n");
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    vfs.write(dir(c.id()) + "/" + c.id() + "-json.log", b.toString().getBytes(StandardCharsets.UTF_8),
        Vfs.WriteMode.APPEND, 0640);
  }

  void remove(String id) {
    HostFiles.removeAll(vfs, dir(id));
  }

  /** Jackson costs a tenth of a second to start: only the first container pays for it, not every launch. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
