package dev.layerlab.engine.build;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.engine.ExecUser;
import dev.layerlab.engine.ImageRecord;
import dev.layerlab.image.ContainerConfig;
import dev.layerlab.image.Digest;
import dev.layerlab.vfs.Vfs;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Docker 18.06's classic builder ({@code docker build} without BuildKit): one image per
 * instruction, RUN in intermediate containers, the build cache, multi-stage builds, and its
 * output line for line ({@code Step N/M : ...}, {@code  ---> Running in ...}, {@code Successfully built ...}).
 */
public final class ClassicBuilder {
  /** What the builder needs from above the daemon: running a process in a container, and pulling with progress. */
  public interface Hooks {
    /**
     * Starts {@code c}, runs {@code argv} in it as {@code user} (root when null) to the end with
     * its output on {@code out}/{@code err}, stops it; the exit status.
     */
    int run(Container c, List<String> argv, ExecUser user, PrintStream out, PrintStream err);

    /** Pulls a base image that is not local, printing the pull's progress on {@code out}. */
    void pull(String reference, PrintStream out);
  }

  /**
   * One {@code docker build}.
   *
   * @param contextDir the context directory on the host
   * @param dockerfile the Dockerfile's absolute path on the host
   * @param tags {@code -t} values, already checked
   * @param target {@code --target}, or null
   * @param stdinDockerfile the Dockerfile read from standard input ({@code docker build - < Dockerfile}),
   *     which leaves the build without a context; null otherwise
   * @param remove {@code --rm}: remove each step's containers once the step succeeded
   * @param forceRemove {@code --force-rm}: remove them after every step, failed ones too
   */
  public record Options(String contextDir, String dockerfile, List<String> tags, Map<String, String> buildArgs,
      boolean noCache, boolean quiet, String target, String stdinDockerfile, boolean remove, boolean forceRemove) {

    /** With Docker's defaults for intermediate containers: {@code --rm}, no {@code --force-rm}. */
    public Options(String contextDir, String dockerfile, List<String> tags, Map<String, String> buildArgs,
        boolean noCache, boolean quiet, String target, String stdinDockerfile) {
      this(contextDir, dockerfile, tags, buildArgs, noCache, quiet, target, stdinDockerfile, true, false);
    }
  }

  private final Engine engine;
  private final Vfs host;
  private final Hooks hooks;

  public ClassicBuilder(Engine engine, Vfs host, Hooks hooks) {
    this.engine = engine;
    this.host = host;
    this.hooks = hooks;
  }

  /** Runs the build; returns the final image ID or throws {@link BuildException} with the daemon's words. */
  public Digest build(Options o, PrintStream stdout, PrintStream stderr) {
    PrintStream out = o.quiet() ? new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)
        : stdout;
    BuildContext context;
    long size;
    String text;
    if (o.stdinDockerfile() != null) {
      context = new BuildContext();
      text = o.stdinDockerfile();
      size = context.tarSize() + 512 + (text.getBytes(StandardCharsets.UTF_8).length + 511) / 512 * 512;
    } else {
      String prefix = o.contextDir().equals("/") ? "/" : o.contextDir() + "/";
      boolean inside = o.dockerfile().startsWith(prefix);
      context = new BuildContext(host, o.contextDir(), inside ? o.dockerfile().substring(prefix.length()) : "Dockerfile");
      text = new String(host.read(o.dockerfile()), StandardCharsets.UTF_8);
      size = context.tarSize();
      if (!inside) {
        size += 512 + (host.read(o.dockerfile()).length + 511) / 512 * 512;
      }
    }
    out.print("Sending build context to Docker daemon " + String.format("%8s", BuildContext.humanSize(size)) + "\n");
    DockerfileParser.Parsed parsed = DockerfileParser.parse(text);
    List<Instruction> meta = new ArrayList<>();
    List<List<Instruction>> stages = new ArrayList<>();
    for (Instruction ins : parsed.instructions()) {
      if (ins.keyword().equals("from")) {
        stages.add(new ArrayList<>());
      }
      if (stages.isEmpty()) {
        if (!ins.keyword().equals("arg")) {
          throw BuildException.rejected("No build stage in current context");
        }
        meta.add(ins);
      } else {
        stages.get(stages.size() - 1).add(ins);
      }
    }
    if (stages.isEmpty()) {
      throw BuildException.rejected("No build stage in current context");
    }
    if (o.target() != null && !o.target().isEmpty()) {
      int ix = -1;
      for (int i = 0; i < stages.size(); i++) {
        List<String> f = stages.get(i).get(0).fields();
        if (f.size() == 3 && f.get(2).equalsIgnoreCase(o.target())) {
          ix = i;
        }
      }
      if (ix < 0) {
        throw BuildException.rejected("failed to reach build target " + o.target() + " in Dockerfile");
      }
      stages = stages.subList(0, ix + 1);
    }
    int total = meta.size() + stages.stream().mapToInt(List::size).sum();
    BuildRun run = new BuildRun(engine, hooks, out, stderr, context, o.buildArgs(), o.noCache(), o.remove(),
        o.forceRemove());
    Steps steps = new Steps(run, parsed.escape());
    int n = 0;
    for (Instruction ins : meta) {
      out.print("Step " + (++n) + "/" + total + " : " + ins.original() + "\n");
      String arg = ins.fields().get(0);
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg : arg.substring(0, eq);
      String value = o.buildArgs().containsKey(key) ? o.buildArgs().get(key) : eq < 0 ? null : arg.substring(eq + 1);
      if (o.buildArgs().containsKey(key)) {
        run.usedArgs.add(key);
      }
      run.metaArgs.put(key, value);
    }
    Stage stage = null;
    try {
      for (List<Instruction> body : stages) {
        for (Instruction ins : body) {
          out.print("Step " + (++n) + "/" + total + " : " + ins.original() + "\n");
          if (ins.keyword().equals("from")) {
            stage = from(run, steps, ins, run.stages.size());
            run.stages.add(stage);
          } else {
            steps.dispatch(stage, ins);
          }
          out.print(" ---> " + (stage.image == null ? "" : stage.image.shortId()) + "\n");
        }
      }
    } catch (EngineException e) {
      throw BuildException.step(e.getMessage());
    }
    TreeSet<String> unused = new TreeSet<>(o.buildArgs().keySet());
    unused.removeAll(run.usedArgs);
    if (!unused.isEmpty()) {
      out.print("[Warning] One or more build-args " + GoFormat.plain(List.copyOf(unused)) + " were not consumed\n");
    }
    if (stage.image == null) {
      throw BuildException.step("No image was generated. Is your Dockerfile empty?");
    }
    out.print("Successfully built " + stage.image.shortId() + "\n");
    for (String tag : o.tags()) {
      engine.tag(stage.image.toString(), tag);
      out.print("Successfully tagged " + dev.layerlab.engine.Reference.parse(tag) + "\n");
    }
    if (o.quiet()) {
      stdout.print(stage.image + "\n");
    }
    return stage.image;
  }

  /** FROM: the base image (pulled when missing, none for scratch), then its ONBUILD triggers. */
  private Stage from(BuildRun run, Steps steps, Instruction ins, int index) {
    List<String> f = ins.fields();
    Map<String, String> env = new java.util.HashMap<>();
    run.metaArgs.forEach((k, v) -> {
      if (v != null) {
        env.put(k, v);
      }
    });
    String base;
    try {
      base = Words.word(f.get(0), '\\', env);
    } catch (IllegalArgumentException e) {
      throw BuildException.step("failed to process \"" + f.get(0) + "\": " + e.getMessage());
    }
    Stage s = new Stage(f.size() == 3 ? f.get(2).toLowerCase(Locale.ROOT) : null, index);
    for (Stage prev : run.stages) {
      if (prev.name != null && prev.name.equals(base.toLowerCase(Locale.ROOT))) {
        s.image = prev.image;
        s.config = prev.config;
        return s;
      }
    }
    if (base.equalsIgnoreCase("scratch")) {
      s.config = ContainerConfig.scratch();
      return s;
    }
    try {
      dev.layerlab.engine.Reference.parse(base);
    } catch (EngineException e) {
      throw BuildException.step(e.getMessage());
    }
    if (engine.findImage(base).isEmpty()) {
      hooks.pull(base, run.out);
    }
    ImageRecord image = engine.image(base);
    s.image = image.id();
    ContainerConfig cfg = image.config().config();
    s.config = cfg == null ? ContainerConfig.scratch() : cfg;
    List<String> triggers = s.config.onBuild();
    if (triggers != null && !triggers.isEmpty()) {
      s.config = s.config.withOnBuild(null);
      run.out.print("# Executing " + triggers.size() + " build trigger" + (triggers.size() > 1 ? "s" : "") + "\n");
      for (String t : triggers) {
        steps.dispatch(s, DockerfileParser.instruction(t, ins.line()));
      }
    }
    return s;
  }
}
