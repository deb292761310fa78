package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import dev.layerlab.shell.docker.DockerHost;
import java.time.Clock;

/** Where the REPL gets the shell of the simulated host. */
public final class Shells {

  private Shells() {}

  /** The learner's shell on a freshly booted Docker host (the daemon, its disk and docker on PATH). */
  public static Shell host() {
    return DockerHost.boot(Clock.systemUTC()).shell();
  }
}
