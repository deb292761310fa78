package dev.layerlab.engine;

import java.util.List;

/**
 * What {@code docker create}/{@code run} ask for.
 *
 * @param image the image as the learner typed it ({@code ubuntu:18.04}, an ID prefix...)
 * @param name null for a generated name
 * @param cmd null to use the image's CMD
 * @param entrypoint null to use the image's ENTRYPOINT; an empty list resets it
 * @param env extra {@code KEY=VALUE} pairs, after the image's
 * @param workingDir null for the image's
 * @param hostname null for the short container ID
 */
public record ContainerSpec(
    String image,
    String name,
    List<String> cmd,
    List<String> entrypoint,
    List<String> env,
    String workingDir,
    String hostname,
    boolean tty,
    boolean openStdin,
    boolean autoRemove) {

  public ContainerSpec {
    env = env == null ? List.of() : List.copyOf(env);
  }

  /** A plain {@code docker create IMAGE [CMD...]}. */
  public static ContainerSpec of(String image, List<String> cmd) {
    return new ContainerSpec(image, null, cmd == null || cmd.isEmpty() ? null : cmd, null, List.of(), null, null,
        false, false, false);
  }
}
