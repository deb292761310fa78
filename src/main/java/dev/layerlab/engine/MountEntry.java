package dev.layerlab.engine;

/**
 * One line of the mount table, as {@code mount} prints it
 * ({@code SOURCE on TARGET type TYPE (OPTIONS)}) and {@code /proc/mounts} lists it.
 */
public record MountEntry(String source, String target, String type, String options) {

  /** The line {@code mount} with no arguments prints. */
  public String mountLine() {
    return source + " on " + target + " type " + type + " (" + options + ")";
  }

  /** The line of {@code /proc/mounts}. */
  public String procLine() {
    return source + " " + target + " " + type + " " + options + " 0 0";
  }
}
