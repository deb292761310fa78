package dev.layerlab.shell;

import java.time.Clock;

/** Where the REPL gets its shells. */
public final class Shells {
  private Shells() {}

  /** A login shell on a fresh simulated host, in /root. */
  public static Shell host(Clock clock) {
    return on(HostMachine.create(clock));
  }

  /** A login shell on an existing machine (the host the engine also uses, or a container). */
  public static Shell on(Machine machine) {
    return new MachineShell(machine);
  }
}
