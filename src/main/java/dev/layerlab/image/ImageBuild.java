package dev.layerlab.image;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Replays a Dockerfile the way Docker's classic builder committed it: every instruction makes a
 * new image whose config names its parent image in {@code Image}, RUN/ADD/COPY that change files
 * add a layer, the others add an {@code empty_layer} history entry. Container IDs, random on a
 * real host, are derived from the build's name so that the result is the same on every run.
 */
final class ImageBuild {
  private static final String SH = "/bin/sh -c ";

  private final String name;
  private final String dockerVersion;
  private final List<LayerBlob> layers = new ArrayList<>();
  private final List<HistoryEntry> history = new ArrayList<>();
  private ContainerConfig config;
  private ContainerConfig containerConfig;
  private String container;
  private String created;
  private String parentId = "";
  private int step;

  private ImageBuild(String name, String dockerVersion) {
    this.name = name;
    this.dockerVersion = dockerVersion;
    this.config = ContainerConfig.scratch();
  }

  static ImageBuild fromScratch(String name, String dockerVersion) {
    return new ImageBuild(name, dockerVersion);
  }

  /** Starts from a finished image: its layers, history and config, with its ID as parent. */
  static ImageBuild from(Image base, String name, String dockerVersion) {
    ImageBuild b = new ImageBuild(name, dockerVersion);
    ImageConfig c = base.config();
    b.layers.addAll(base.layers());
    b.history.addAll(c.history());
    b.config = c.config();
    b.parentId = base.id().toString();
    return b;
  }

  /** {@code ADD src /} or {@code COPY src dst}: no container, a layer made of {@code tree}. */
  ImageBuild add(String instruction, String source, String dest, LayerTree tree, Instant at) {
    LayerBlob blob = CatalogLayers.blob(tree);
    String hash = sourceHash(source, blob);
    String text = "#(nop) " + instruction + " " + hash + " in " + dest + " ";
    commit(SH + text, List.of("/bin/sh", "-c", text), blob, at, false);
    return this;
  }

  /** {@code RUN command} (shell form) with the files it changed. */
  ImageBuild run(String command, LayerTree diff, Instant at) {
    commit(SH + command, List.of("/bin/sh", "-c", command), blobOf(diff), at, true);
    return this;
  }

  /** {@code CMD [...]} (exec form). */
  ImageBuild cmd(List<String> cmd, Instant at) {
    String text = "CMD " + goQuoteList(cmd);
    config = config.withCmd(cmd, true);
    commit(SH + "#(nop)  " + text, List.of("/bin/sh", "-c", "#(nop) ", text), null, at, true);
    return this;
  }

  /** {@code ENV key=value}. */
  ImageBuild env(String key, String value, Instant at) {
    List<String> env = new ArrayList<>(config.env() == null ? List.of() : config.env());
    env.removeIf(e -> e.startsWith(key + "="));
    env.add(key + "=" + value);
    config = config.withEnv(env);
    String text = "ENV " + key + "=" + value;
    commit(SH + "#(nop)  " + text, List.of("/bin/sh", "-c", "#(nop) ", text), null, at, true);
    return this;
  }

  /** {@code LABEL key=value}. */
  ImageBuild label(String key, String value, Instant at) {
    SortedMap<String, String> labels = new TreeMap<>(config.labels() == null ? java.util.Map.of() : config.labels());
    labels.put(key, value);
    config = config.withLabels(labels);
    String text = "LABEL " + key + "=" + value;
    commit(SH + "#(nop)  " + text, List.of("/bin/sh", "-c", "#(nop) ", text), null, at, true);
    return this;
  }

  /** {@code ARG name}: recorded in history only. */
  ImageBuild arg(String arg, Instant at) {
    String text = "ARG " + arg;
    commit(SH + "#(nop)  " + text, List.of("/bin/sh", "-c", "#(nop) ", text), null, at, true);
    return this;
  }

  /** {@code WORKDIR dir} (the directory is expected to exist: no layer). */
  ImageBuild workdir(String dir, Instant at) {
    config = config.withWorkingDir(dir);
    commit(SH + "#(nop) WORKDIR " + dir, List.of("/bin/sh", "-c", "#(nop) WORKDIR " + dir), null, at, true);
    return this;
  }

  /** The final image, tagged. */
  Image build(String repository, List<String> tags, boolean withList) {
    return Image.of(repository, tags, configJson(), layers, withList);
  }

  private static LayerBlob blobOf(LayerTree diff) {
    return diff.isEmpty() ? null : CatalogLayers.blob(diff);
  }

  private void commit(String createdBy, List<String> buildCmd, LayerBlob blob, Instant at, boolean inContainer) {
    step++;
    created = GoJson.time(at);
    container = inContainer ? containerId() : null;
    ContainerConfig cc = config.withCmd(buildCmd, true).withImage(parentId);
    containerConfig = inContainer ? cc.withHostname(container.substring(0, 12)).withLabels(labelsOrEmpty())
        : cc.withLabels(labelsOrEmpty());
    config = config.withImage(parentId);
    if (blob == null) {
      history.add(HistoryEntry.empty(created, createdBy));
    } else {
      layers.add(blob);
      history.add(HistoryEntry.layer(created, createdBy));
    }
    parentId = Digest.of(configJson()).toString();
  }

  private SortedMap<String, String> labelsOrEmpty() {
    return config.labels() == null ? new TreeMap<>() : config.labels();
  }

  private byte[] configJson() {
    ImageConfig c = new ImageConfig("amd64", "linux", created, dockerVersion, null, null, container, containerConfig,
        config, history, layers.stream().map(LayerBlob::diffId).toList());
    return c.toJson();
  }

  private String containerId() {
    return Digest.of((name + " step " + step).getBytes(StandardCharsets.UTF_8)).hex();
  }

  /**
   * {@code file:<sha256>}: Docker hashes the source file's tar header and content; our sources
   * exist only as the layer they produce, so we hash the source name with that layer's diffID.
   */
  private static String sourceHash(String source, LayerBlob blob) {
    String kind = source.endsWith("/") ? "dir:" : "file:";
    return kind + Digest.of((source + " " + blob.diffId()).getBytes(StandardCharsets.UTF_8)).hex();
  }

  /** Go's {@code %q} of a string slice: {@code ["/bin/bash" "-c"]}. */
  static String goQuoteList(List<String> items) {
    return items.stream().map(LayerTar::quote).collect(Collectors.joining(" ", "[", "]"));
  }
}
