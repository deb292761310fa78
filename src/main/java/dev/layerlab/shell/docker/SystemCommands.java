package dev.layerlab.shell.docker;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.Engine;

/** {@code docker version} and {@code docker info}: the 2018 host's client, daemon and storage driver. */
final class SystemCommands {
  private SystemCommands() {}

  static void register(DockerProgram p) {
    p.add("version", new Cmd(new Spec("version", "docker version [OPTIONS]", "Show the Docker version information")
        .value('f', "format", "string", "Format the output using the given Go template").args(0, 0),
        (cli, f) -> {
          cli.out().print("Client:\n Version:           18.06.1-ce\n API version:       1.38\n Go version:        go1.10.3\n"
              + " Git commit:        e68fc7a\n Built:             Tue Aug 21 17:24:56 2018\n OS/Arch:           linux/amd64\n"
              + " Experimental:      false\n\nServer:\n Engine:\n  Version:          18.06.1-ce\n"
              + "  API version:      1.38 (minimum version 1.12)\n  Go version:       go1.10.3\n  Git commit:       e68fc7a\n"
              + "  Built:            Tue Aug 21 17:23:21 2018\n  OS/Arch:          linux/amd64\n  Experimental:     false\n");
          return 0;
        }));
    p.add("info", new Cmd(new Spec("info", "docker info [OPTIONS]", "Display system-wide information")
        .value('f', "format", "string", "Format the output using the given Go template").args(0, 0),
        SystemCommands::info));
  }

  private static int info(Cli cli, Flags f) {
    Engine e = cli.engine();
    long running = e.containers().stream().filter(Container::isRunning).count();
    long total = e.containers().size();
    cli.out().print("Containers: " + total + "\n Running: " + running + "\n Paused: 0\n Stopped: " + (total - running)
        + "\nImages: " + e.images().size() + "\nServer Version: 18.06.1-ce\nStorage Driver: overlay2\n"
        + " Backing Filesystem: extfs\n Supports d_type: true\n Native Overlay Diff: true\n"
        + "Logging Driver: json-file\nCgroup Driver: cgroupfs\n"
        + "Kernel Version: 4.15.0-33-generic\nOperating System: Ubuntu 18.04.1 LTS\nOSType: linux\nArchitecture: x86_64\n"
        + "Name: host\nDocker Root Dir: /var/lib/docker\nDebug Mode (client): false\nDebug Mode (server): false\n"
        + "Registry: https://index.docker.io/v1/\nLive Restore Enabled: false\n");
    return 0;
  }
}
