package dev.layerlab.engine.build;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.ExecUser;
import dev.layerlab.image.ContainerConfig;
import dev.layerlab.vfs.VPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The instructions after FROM, each as the classic builder dispatches it: RUN in a container
 * whose changes become the layer, WORKDIR creating its directory, the others changing only the
 * config (an {@code empty_layer} history entry whose Cmd carries the {@code #(nop)} comment).
 */
final class Steps {
  private final BuildRun run;
  private final char escape;

  Steps(BuildRun run, char escape) {
    this.run = run;
    this.escape = escape;
  }

  /** Runs one instruction, then removes the intermediate containers as {@code --rm}/{@code --force-rm} say. */
  void dispatch(Stage s, Instruction ins) {
    boolean succeeded = false;
    try {
      step(s, ins);
      succeeded = true;
    } finally {
      run.removeIntermediate(succeeded);
    }
  }

  private void step(Stage s, Instruction ins) {
    switch (ins.keyword()) {
      case "run" -> run(s, ins);
      case "cmd" -> cmd(s, ins);
      case "entrypoint" -> entrypoint(s, ins);
      case "env" -> env(s, ins);
      case "label" -> label(s, ins);
      case "arg" -> arg(s, ins);
      case "workdir" -> workdir(s, ins);
      case "expose" -> expose(s, ins);
      case "user" -> {
        String user = word(s, ins.fields().get(0));
        s.config = s.config.withUser(user);
        run.commitConfig(s, "USER " + user);
      }
      case "volume" -> volume(s, ins);
      case "stopsignal" -> {
        String sig = word(s, ins.fields().get(0));
        s.config = s.config.withStopSignal(sig);
        run.commitConfig(s, "STOPSIGNAL " + sig);
      }
      case "shell" -> {
        s.config = s.config.withShell(ins.json());
        run.commitConfig(s, "SHELL " + GoFormat.plain(ins.json()));
      }
      case "maintainer" -> {
        s.author = ins.args().strip();
        run.commitConfig(s, "MAINTAINER " + s.author);
      }
      case "onbuild" -> {
        String expr = ins.args().strip();
        List<String> triggers = new ArrayList<>(s.config.onBuild() == null ? List.of() : s.config.onBuild());
        triggers.add(expr);
        s.config = s.config.withOnBuild(List.copyOf(triggers));
        run.commitConfig(s, "ONBUILD " + expr);
      }
      case "healthcheck" -> Healthcheck.dispatch(run, s, ins);
      case "copy", "add" -> new CopyStep(run, escape).dispatch(s, ins);
      default -> throw BuildException.step("unexpected instruction: " + ins.keyword().toUpperCase(Locale.ROOT));
    }
  }

  String word(Stage s, String text) {
    try {
      return Words.word(text, escape, s.substitutionEnv());
    } catch (IllegalArgumentException e) {
      throw BuildException.step("failed to process \"" + text + "\": " + e.getMessage());
    }
  }

  private List<String> command(Stage s, Instruction ins) {
    if (ins.json() != null) {
      return ins.json();
    }
    List<String> cmd = new ArrayList<>(s.config.shellOrDefault());
    cmd.add(ins.args().strip());
    return List.copyOf(cmd);
  }

  private void run(Stage s, Instruction ins) {
    List<String> cmd = command(s, ins);
    List<String> argEnv = s.buildArgEnv();
    List<String> saveCmd = cmd;
    if (!argEnv.isEmpty()) {
      List<String> prefixed = new ArrayList<>();
      prefixed.add("|" + argEnv.size());
      prefixed.addAll(argEnv);
      prefixed.addAll(cmd);
      saveCmd = List.copyOf(prefixed);
      argEnv.forEach(a -> run.usedArgs.add(a.substring(0, a.indexOf('='))));
    }
    ContainerConfig probe = s.config.withCmd(saveCmd, false).withImage(s.imageRef());
    probe = probe.withEntrypoint(null);
    if (run.probe(s, probe)) {
      return;
    }
    if (s.image == null) {
      throw BuildException.step("OCI runtime create failed: container_linux.go:348: starting container process "
          + "caused \"exec: \\\"" + cmd.get(0) + "\\\": stat " + cmd.get(0) + ": no such file or directory\": unknown");
    }
    Container c = run.create(s, cmd, argEnv);
    // USER: resolved in the container's own /etc/passwd when it starts, so an unknown name fails the step
    String spec = s.config.user();
    ExecUser user = spec == null || spec.isEmpty() ? null
        : run.engine.withFilesystem(c, fs -> ExecUser.resolve(fs, spec));
    int status = run.hooks.run(c, cmd, user, run.out, run.err);
    if (status != 0) {
      throw new BuildException("The command '" + String.join(" ", cmd) + "' returned a non-zero code: " + status,
          status, false);
    }
    run.commit(s, probe, c.id(), run.changes(c));
  }

  private void cmd(Stage s, Instruction ins) {
    List<String> cmd = command(s, ins);
    s.config = s.config.withCmd(cmd, false);
    s.cmdSet = true;
    run.commitConfig(s, "CMD " + GoFormat.quote(cmd));
  }

  private void entrypoint(Stage s, Instruction ins) {
    List<String> ep = ins.json() != null ? ins.json() : ins.args().isBlank() ? null : command(s, ins);
    ContainerConfig c = s.config;
    s.config = c.withCmd(s.cmdSet ? c.cmd() : null, c.argsEscaped()).withEntrypoint(ep);
    run.commitConfig(s, "ENTRYPOINT " + GoFormat.quote(ep));
  }

  private List<String[]> pairs(Stage s, Instruction ins, String keyword) {
    try {
      List<String[]> out = new ArrayList<>();
      for (String[] kv : Words.nameValues(keyword, ins.args(), escape)) {
        out.add(new String[] {word(s, kv[0]), word(s, kv[1])});
      }
      return out;
    } catch (IllegalArgumentException e) {
      throw BuildException.parse(ins.line(), e.getMessage());
    }
  }

  private void env(Stage s, Instruction ins) {
    StringBuilder comment = new StringBuilder("ENV");
    for (String[] kv : pairs(s, ins, "ENV")) {
      s.setEnv(kv[0], kv[1]);
      comment.append(' ').append(kv[0]).append('=').append(kv[1]);
    }
    run.commitConfig(s, comment.toString());
  }

  private void label(Stage s, Instruction ins) {
    StringBuilder comment = new StringBuilder("LABEL");
    TreeMap<String, String> labels = new TreeMap<>(s.config.labels() == null ? java.util.Map.of() : s.config.labels());
    for (String[] kv : pairs(s, ins, "LABEL")) {
      labels.put(kv[0], kv[1]);
      comment.append(' ').append(kv[0]).append('=').append(kv[1]);
    }
    s.config = s.config.withLabels(labels);
    run.commitConfig(s, comment.toString());
  }

  private void arg(Stage s, Instruction ins) {
    String text = ins.fields().get(0);
    int eq = text.indexOf('=');
    String key = eq < 0 ? text : text.substring(0, eq);
    String def = eq < 0 ? null : text.substring(eq + 1);
    String value = run.buildArgs.containsKey(key) ? run.buildArgs.get(key) : def;
    if (value == null && run.metaArgs.containsKey(key)) {
      value = run.metaArgs.get(key);
    }
    if (run.buildArgs.containsKey(key)) {
      run.usedArgs.add(key);
    }
    s.args.put(key, value == null ? null : word(s, value));
    run.commitConfig(s, "ARG " + text);
  }

  private void workdir(Stage s, Instruction ins) {
    String path = word(s, ins.fields().get(0));
    String dir = VPaths.normalize(VPaths.absolute(s.config.workingDir().isEmpty() ? "/" : s.config.workingDir(), path));
    s.config = s.config.withWorkingDir(dir);
    ContainerConfig probe = run.withComment(s, "#(nop) WORKDIR " + dir);
    if (run.probe(s, probe)) {
      return;
    }
    if (s.image == null) {
      // a container over no layers: its rw layer gets the directories, as mkdir -p makes them
      String id = run.scratchContainerId(s, dir);
      dev.layerlab.vfs.Vfs scratch = dev.layerlab.vfs.JimfsVfs.create(run.engine.clock());
      scratch.mkdir("/layer", 0755);
      Mkdirs.mkdirs(scratch, "/layer" + dir);
      run.commit(s, probe, id, dev.layerlab.image.VfsLayers.export(scratch, "/layer"));
      return;
    }
    Container c = run.create(s, probe.cmd(), List.of());
    run.engine.withFilesystem(c, fs -> {
      Mkdirs.mkdirs(fs, dir);
      return null;
    });
    run.commit(s, probe, c.id(), run.changes(c));
  }

  private void expose(Stage s, Instruction ins) {
    List<String> ports = new ArrayList<>(s.config.exposedPorts() == null ? List.of() : s.config.exposedPorts());
    List<String> written = new ArrayList<>();
    for (String f : ins.fields()) {
      String p = word(s, f);
      written.add(p);
      String key = p.contains("/") ? p.toLowerCase(Locale.ROOT) : p + "/tcp";
      if (!ports.contains(key)) {
        ports.add(key);
      }
    }
    s.config = s.config.withExposedPorts(List.copyOf(ports));
    run.commitConfig(s, "EXPOSE " + String.join(" ", written));
  }

  private void volume(Stage s, Instruction ins) {
    List<String> vols = new ArrayList<>(s.config.volumes() == null ? List.of() : s.config.volumes());
    List<String> added = new ArrayList<>();
    for (String f : ins.fields()) {
      String v = ins.json() != null ? f : word(s, f);
      if (v.isBlank()) {
        throw BuildException.step("VOLUME specified can not be an empty string");
      }
      added.add(v);
      if (!vols.contains(v)) {
        vols.add(v);
      }
    }
    s.config = s.config.withVolumes(List.copyOf(vols));
    run.commitConfig(s, "VOLUME " + GoFormat.plain(added));
  }
}
