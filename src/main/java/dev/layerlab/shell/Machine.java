package dev.layerlab.shell;

import dev.layerlab.vfs.Vfs;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A computer the shell runs on: the host, or one container. It owns the filesystem commands run
 * in and the facts {@code hostname}, {@code uname} and {@code mount} report.
 */
public interface Machine {

  /** The root filesystem (for a container, its overlay mount). */
  Vfs vfs();

  /** The name {@code hostname} prints and the prompt shows. */
  String hostname();

  /** The environment a login shell starts with (PATH, HOME, ...). */
  Map<String, String> environment();

  /** The programs stub binaries on this machine can name. */
  Programs programs();

  /** The clock file times and {@code date} come from. */
  Clock clock();

  /** The mounts {@code mount} and {@code df} list, root first. */
  List<MountEntry> mounts();

  /**
   * The read-only image layers under this machine's root, bottom (0) first, each seen as a
   * filesystem of its own ({@code ls --layer N}); none for a machine that is not a container.
   */
  default List<Vfs> imageLayers() {
    return List.of();
  }

  /** Who the programs run as: root unless the machine says otherwise (a container's USER). */
  default dev.layerlab.vfs.Credentials credentials() {
    return dev.layerlab.vfs.Credentials.ROOT;
  }

  /** The time zone ls and stat print times in. */
  default ZoneId zone() {
    return ZoneOffset.UTC;
  }

  /** The working directory a new shell starts in. */
  default String home() {
    return environment().getOrDefault("HOME", "/");
  }

  /** One line of {@code /proc/mounts}: {@code source on target type type (options)}. */
  record MountEntry(String source, String target, String type, String options) {}
}
