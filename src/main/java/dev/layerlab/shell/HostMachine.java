package dev.layerlab.shell;

import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.Vfs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The simulated Docker host: an Ubuntu-like root filesystem in memory, hostname {@code host}. */
public final class HostMachine implements Machine {
  private static final Map<String, String> ENVIRONMENT = Map.of(
      "HOME", "/root",
      "USER", "root",
      "LOGNAME", "root",
      "SHELL", "/bin/bash",
      "TERM", "xterm",
      "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  private final JimfsVfs vfs;
  private final Clock clock;
  private final Programs programs;
  private final List<Supplier<List<MountEntry>>> mountSources = new CopyOnWriteArrayList<>();

  private HostMachine(JimfsVfs vfs, Clock clock, Programs programs) {
    this.vfs = vfs;
    this.clock = clock;
    this.programs = programs;
  }

  /** A fresh host whose filesystem holds a stub under /bin or /usr/bin for every program in {@code programs}. */
  public static HostMachine create(Clock clock, Programs programs) {
    JimfsVfs vfs = JimfsVfs.create(clock);
    HostLayout.populate(vfs, programs.names());
    return new HostMachine(vfs, clock, programs);
  }

  /** A fresh host with the standard utilities. */
  public static HostMachine create(Clock clock) {
    return create(clock, Programs.standard());
  }

  /** The host's disk, for the engine to lay out /var/lib/docker on. */
  public JimfsVfs disk() {
    return vfs;
  }

  /** Adds mounts to what {@code mount} lists (the engine's overlay mounts of running containers). */
  public void addMountSource(Supplier<List<MountEntry>> source) {
    mountSources.add(source);
  }

  @Override
  public Vfs vfs() {
    return vfs;
  }

  @Override
  public String hostname() {
    return "host";
  }

  @Override
  public Map<String, String> environment() {
    return ENVIRONMENT;
  }

  @Override
  public Programs programs() {
    return programs;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public List<MountEntry> mounts() {
    List<MountEntry> all = new ArrayList<>(HostLayout.MOUNTS);
    for (Supplier<List<MountEntry>> source : mountSources) {
      all.addAll(source.get());
    }
    return all;
  }
}
