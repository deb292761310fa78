package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import java.time.Clock;

/** Where the REPL gets the shell of the simulated host. */
public final class Shells {

  private Shells() {}

  /** A fresh shell on a freshly booted simulated host. */
  public static Shell host() {
    return dev.layerlab.shell.Shells.host(Clock.systemUTC());
  }
}
