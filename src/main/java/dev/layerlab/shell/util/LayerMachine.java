package dev.layerlab.shell.util;

import dev.layerlab.shell.Machine;
import dev.layerlab.shell.Programs;
import dev.layerlab.vfs.Vfs;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A machine's facts with one of its image layers as the filesystem, for {@code ls --layer N}. */
final class LayerMachine implements Machine {
  private final Machine machine;
  private final Vfs layer;

  LayerMachine(Machine machine, Vfs layer) {
    this.machine = machine;
    this.layer = layer;
  }

  @Override
  public Vfs vfs() {
    return layer;
  }

  @Override
  public String hostname() {
    return machine.hostname();
  }

  @Override
  public Map<String, String> environment() {
    return machine.environment();
  }

  @Override
  public Programs programs() {
    return machine.programs();
  }

  @Override
  public Clock clock() {
    return machine.clock();
  }

  @Override
  public List<MountEntry> mounts() {
    return machine.mounts();
  }

  @Override
  public ZoneId zone() {
    return machine.zone();
  }
}
