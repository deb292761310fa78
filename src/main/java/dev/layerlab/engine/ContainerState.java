package dev.layerlab.engine;

/** The states {@code docker ps} distinguishes. */
public enum ContainerState {
  CREATED,
  RUNNING,
  EXITED
}
