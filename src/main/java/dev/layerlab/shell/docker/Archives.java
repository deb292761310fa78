package dev.layerlab.shell.docker;

import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.IOException;

/** {@code docker save} and {@code docker load}, reading and writing files of the machine the client runs on. */
final class Archives {
  private Archives() {}

  static void register(DockerProgram p) {
    Cmd save = new Cmd(new Spec("save", "docker save [OPTIONS] IMAGE [IMAGE...]",
        "Save one or more images to a tar archive (streamed to STDOUT by default)")
        .value('o', "output", "string", "Write to a file, instead of STDOUT")
        .value("format", "string", "Archive layout: docker (default) or oci")
        .args(1, -1), Archives::save);
    p.add("save", save);
    p.addTo("image", "save", ImageCommands.withPath(save, "image save", "docker image save [OPTIONS] IMAGE [IMAGE...]"));
    Cmd load = new Cmd(new Spec("load", "docker load [OPTIONS]", "Load an image from a tar archive or STDIN")
        .value('i', "input", "string", "Read from tar archive file, instead of STDIN")
        .flag('q', "quiet", "Suppress the load output")
        .args(0, 0), Archives::load);
    p.add("load", load);
    p.addTo("image", "load", ImageCommands.withPath(load, "image load", "docker image load [OPTIONS]"));
  }

  static int save(Cli cli, Flags f) {
    String output = f.value("output");
    if (output == null && cli.terminal()) {
      throw new CliError("Cowardly refusing to save to a terminal. Use the -o flag or redirect.", 1);
    }
    for (String ref : f.args()) {
      if (cli.engine().findImage(ref).isEmpty()) {
        throw CliError.daemon("reference does not exist");
      }
    }
    String format = f.value("format") == null ? "docker" : f.value("format");
    if (!format.equals("docker") && !format.equals("oci")) {
      throw new CliError("invalid argument \"" + format + "\" for \"--format\" flag: must be docker or oci", 125);
    }
    byte[] tar = cli.engine().save(f.args(), format.equals("oci"));
    if (output == null) {
      cli.out().write(tar, 0, tar.length);
      return 0;
    }
    String path = cli.ctx().path(output);
    try {
      cli.ctx().vfs().write(path, tar, Vfs.WriteMode.TRUNCATE, 0644);
    } catch (VfsException e) {
      throw new CliError("failed to save image: open " + output + ": " + e.reason().toLowerCase(), 1);
    }
    return 0;
  }

  static int load(Cli cli, Flags f) {
    String input = f.value("input");
    byte[] data;
    if (input == null) {
      try {
        data = cli.ctx().in().readAllBytes();
      } catch (IOException e) {
        data = new byte[0];
      }
      if (data.length == 0) {
        throw new CliError("requested load from stdin, but stdin is empty", 1);
      }
    } else {
      try {
        data = cli.ctx().vfs().read(cli.ctx().path(input));
      } catch (VfsException e) {
        throw new CliError("open " + input + ": " + e.reason().toLowerCase(), 1);
      }
    }
    var lines = cli.engine().load(data);
    if (!f.bool("quiet")) {
      lines.forEach(cli::println);
    }
    return 0;
  }
}
