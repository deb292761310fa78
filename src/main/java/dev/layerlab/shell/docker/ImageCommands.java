package dev.layerlab.shell.docker;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.Engine;
import dev.layerlab.engine.EngineException;
import dev.layerlab.engine.ImageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker pull}, {@code images}, {@code tag}, {@code rmi}, {@code history}, {@code inspect}. */
final class ImageCommands {
  private ImageCommands() {}

  static void register(DockerProgram p) {
    Cmd pull = new Cmd(new Spec("pull", "docker pull [OPTIONS] NAME[:TAG|@DIGEST]",
        "Pull an image or a repository from a registry")
        .flag('a', "all-tags", "Download all tagged images in the repository")
        .flag("disable-content-trust", "Skip image verification (default true)")
        .args(1, 1), ImageCommands::pull);
    p.add("pull", pull);
    p.addTo("image", "pull", withPath(pull, "image pull", "docker image pull [OPTIONS] NAME[:TAG|@DIGEST]"));
    Cmd images = new Cmd(imagesSpec("images", "docker images [OPTIONS] [REPOSITORY[:TAG]]"), ImageCommands::images);
    p.add("images", images);
    p.addTo("image", "ls", new Cmd(imagesSpec("image ls", "docker image ls [OPTIONS] [REPOSITORY[:TAG]]"),
        ImageCommands::images));
    Cmd tag = new Cmd(new Spec("tag", "docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
        "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE").args(2, 2), ImageCommands::tag);
    p.add("tag", tag);
    p.addTo("image", "tag", withPath(tag, "image tag", "docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]"));
    Cmd rmi = new Cmd(new Spec("rmi", "docker rmi [OPTIONS] IMAGE [IMAGE...]", "Remove one or more images")
        .flag('f', "force", "Force removal of the image")
        .flag("no-prune", "Do not delete untagged parents")
        .args(1, -1), ImageCommands::rmi);
    p.add("rmi", rmi);
    p.addTo("image", "rm", withPath(rmi, "image rm", "docker image rm [OPTIONS] IMAGE [IMAGE...]"));
    Cmd history = new Cmd(new Spec("history", "docker history [OPTIONS] IMAGE", "Show the history of an image")
        .value("format", "string", "Pretty-print images using a Go template")
        .flag('H', "human", "Print sizes and dates in human readable format (default true)")
        .flag("no-trunc", "Don't truncate output")
        .flag('q', "quiet", "Only show numeric IDs")
        .args(1, 1), ImageCommands::history);
    p.add("history", history);
    p.addTo("image", "history", withPath(history, "image history", "docker image history [OPTIONS] IMAGE"));
    p.add("inspect", new Cmd(new Spec("inspect", "docker inspect [OPTIONS] NAME|ID [NAME|ID...]",
        "Return low-level information on Docker objects")
        .value('f', "format", "string", "Format the output using the given Go template")
        .flag('s', "size", "Display total file sizes if the type is container")
        .value("type", "string", "Return JSON for specified type")
        .args(1, -1), (cli, f) -> inspect(cli, f, f.value("type"))));
    p.addTo("image", "inspect", new Cmd(new Spec("image inspect", "docker image inspect [OPTIONS] IMAGE [IMAGE...]",
        "Display detailed information on one or more images")
        .value('f', "format", "string", "Format the output using the given Go template")
        .args(1, -1), (cli, f) -> inspect(cli, f, "image")));
    Archives.register(p);
  }

  static Cmd withPath(Cmd c, String path, String usage) {
    Spec s = new Spec(path, usage, c.spec().description);
    s.opts.addAll(c.spec().opts);
    s.interspersed = c.spec().interspersed;
    s.min = c.spec().min;
    s.max = c.spec().max;
    return new Cmd(s, c.body());
  }

  private static Spec imagesSpec(String path, String usage) {
    return new Spec(path, usage, "List images")
        .flag('a', "all", "Show all images (default hides intermediate images)")
        .flag("digests", "Show digests")
        .value('f', "filter", "filter", "Filter output based on conditions provided")
        .value("format", "string", "Pretty-print images using a Go template")
        .flag("no-trunc", "Don't truncate output")
        .flag('q', "quiet", "Only show numeric IDs")
        .args(0, 1);
  }

  static int pull(Cli cli, Flags f) {
    String ref = f.args().get(0);
    pullImage(cli, ref, cli.ctx().out());
    return 0;
  }

  /** Pulls with the CLI's output to {@code out}; used by run/create after "Unable to find image". */
  static void pullImage(Cli cli, String ref, java.io.PrintStream out) {
    validateReference(ref);
    if (dev.layerlab.engine.Reference.hasNoTag(ref)) {
      out.print("Using default tag: latest\n");
    }
    cli.engine().pull(ref, new PullRenderer(out, cli.terminal(), cli.ctx().width()));
  }

  /** Reference syntax errors are the client's own ({@code invalid reference format}), without the daemon prefix. */
  static void validateReference(String ref) {
    try {
      dev.layerlab.engine.Reference.parse(ref);
    } catch (EngineException e) {
      throw new CliError(e.getMessage(), 1);
    }
  }

  static int images(Cli cli, Flags f) {
    Engine engine = cli.engine();
    boolean all = f.bool("all");
    boolean digests = f.bool("digests");
    boolean noTrunc = f.bool("no-trunc");
    String filter = f.args().isEmpty() ? null : f.args().get(0);
    Instant now = engine.clock().instant();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ImageRecord img : engine.images()) {
      List<String> tags = engine.tags(img);
      List<String> dig = engine.repoDigests(img);
      boolean intermediate = tags.isEmpty() && dig.isEmpty() && hasChildren(engine, img);
      if (intermediate && !all) {
        continue;
      }
      Map<String, List<String>> byRepo = new LinkedHashMap<>();
      tags.forEach(t -> byRepo.computeIfAbsent(t.substring(0, t.lastIndexOf(':')), k -> new ArrayList<>())
          .add(t.substring(t.lastIndexOf(':') + 1)));
      dig.forEach(d -> byRepo.computeIfAbsent(d.substring(0, d.indexOf('@')), k -> new ArrayList<>()));
      if (byRepo.isEmpty()) {
        byRepo.put("<none>", new ArrayList<>(List.of("<none>")));
      }
      for (Map.Entry<String, List<String>> e : byRepo.entrySet()) {
        String repo = e.getKey();
        String digest = dig.stream().filter(d -> d.startsWith(repo + "@")).map(d -> d.substring(d.indexOf('@') + 1))
            .findFirst().orElse("<none>");
        List<String> repoTags = e.getValue().isEmpty() ? List.of("<none>") : e.getValue();
        for (String tag : repoTags) {
          if (filter != null && !matches(filter, repo, tag)) {
            continue;
          }
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("Repository", repo);
          row.put("Tag", tag);
          row.put("Digest", digest);
          row.put("ID", noTrunc ? img.id().toString() : img.shortId());
          Instant created = Instant.parse(img.config().created());
          row.put("CreatedSince", Format.duration(Duration.between(created, now)) + " ago");
          row.put("CreatedAt", created.toString());
          row.put("Size", Format.size(engine.size(img)));
          rows.add(row);
        }
      }
    }
    String format = f.value("format");
    if (f.bool("quiet")) {
      rows.forEach(r -> cli.println((String) r.get("ID")));
      return 0;
    }
    if (format != null) {
      return Formats.print(cli, format, rows);
    }
    TabWriter t = new TabWriter();
    if (digests) {
      t.row("REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE");
    } else {
      t.row("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
    }
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>(List.of((String) r.get("Repository"), (String) r.get("Tag")));
      if (digests) {
        cells.add((String) r.get("Digest"));
      }
      cells.addAll(List.of((String) r.get("ID"), (String) r.get("CreatedSince"), (String) r.get("Size")));
      t.row(cells);
    }
    cli.out().print(t.render());
    return 0;
  }

  private static boolean matches(String filter, String repo, String tag) {
    int colon = filter.lastIndexOf(':');
    if (colon > filter.lastIndexOf('/')) {
      return repo.equals(filter.substring(0, colon)) && tag.equals(filter.substring(colon + 1));
    }
    return repo.equals(filter);
  }

  private static boolean hasChildren(Engine engine, ImageRecord img) {
    return engine.images().stream().anyMatch(i -> img.id().equals(i.parent()));
  }

  static int tag(Cli cli, Flags f) {
    validateReference(f.args().get(1));
    cli.engine().tag(f.args().get(0), f.args().get(1));
    return 0;
  }

  static int rmi(Cli cli, Flags f) {
    int status = 0;
    for (String ref : f.args()) {
      Optional<ImageRecord> img = cli.engine().findImage(ref);
      if (img.isEmpty()) {
        cli.errln("Error: No such image: " + ref);
        status = 1;
        continue;
      }
      try {
        cli.engine().removeImage(ref, f.bool("force"), !f.bool("no-prune")).forEach(cli::println);
      } catch (EngineException e) {
        cli.errln("Error response from daemon: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }

  static int history(Cli cli, Flags f) {
    Engine engine = cli.engine();
    List<Engine.HistoryRow> rows = engine.history(f.args().get(0));
    boolean noTrunc = f.bool("no-trunc");
    boolean human = !f.has("human") || f.bool("human");
    if (f.bool("quiet")) {
      rows.forEach(r -> cli.println(r.id().equals("<missing>") || noTrunc ? r.id() : Format.shortId(r.id())));
      return 0;
    }
    Instant now = engine.clock().instant();
    TabWriter t = new TabWriter().row("IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT");
    for (Engine.HistoryRow r : rows) {
      String id = r.id().equals("<missing>") || noTrunc ? r.id() : Format.shortId(r.id());
      Instant created = Instant.parse(r.entry().created());
      String when = human ? Format.duration(Duration.between(created, now)) + " ago" : InspectData.time(created);
      String by = r.entry().createdBy() == null ? "" : r.entry().createdBy().replace('\t', ' ');
      if (!noTrunc) {
        by = Format.ellipsis(by, 45);
      }
      String size = human ? Format.size(r.size()) : Long.toString(r.size());
      String comment = r.entry().comment() == null ? "" : r.entry().comment();
      t.row(id, when, by, size, comment);
    }
    cli.out().print(t.render());
    return 0;
  }

  static int inspect(Cli cli, Flags f, String type) {
    Engine engine = cli.engine();
    List<Object> found = new ArrayList<>();
    int status = 0;
    for (String name : f.args()) {
      Object obj = null;
      if (type == null || type.equals("container")) {
        Optional<Container> c = engine.findContainer(name);
        if (c.isPresent()) {
          obj = InspectData.container(engine, c.get());
        }
      }
      if (obj == null && (type == null || type.equals("image"))) {
        Optional<ImageRecord> img = engine.findImage(name);
        if (img.isPresent()) {
          obj = InspectData.image(engine, img.get());
        }
      }
      if (obj == null) {
        cli.errln("Error: No such " + (type == null ? "object" : type) + ": " + name);
        status = 1;
        continue;
      }
      found.add(obj);
    }
    String format = f.value("format");
    if (format != null) {
      Template t = Formats.template(format);
      for (Object o : found) {
        try {
          cli.println(t.execute(o));
        } catch (Template.TemplateError e) {
          throw new CliError("Template parsing error: " + e.getMessage(), 1);
        }
      }
    } else {
      cli.println(dev.layerlab.image.GoJson.text(found, "    "));
    }
    return status;
  }
}
