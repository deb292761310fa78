package dev.layerlab.engine;

import dev.layerlab.image.Digest;
import dev.layerlab.overlay.OverlayEvent;

/** What the daemon did, for the trace view, the lesson checks and tests; the engine never prints. */
public sealed interface EngineEvent {

  /** A layer was stored in {@code overlay2/<cacheId>} and {@code layerdb/sha256/<chainId>}. */
  record LayerRegistered(Digest chainId, String cacheId) implements EngineEvent {}

  /** A layer nobody used any more was deleted with its directory. */
  record LayerDeleted(Digest chainId) implements EngineEvent {}

  /** An image was pulled or loaded under {@code reference}. */
  record ImageStored(String reference, Digest imageId) implements EngineEvent {}

  /** An image was deleted. */
  record ImageDeleted(Digest imageId) implements EngineEvent {}

  /** A container and its {@code <mountId>-init} and {@code <mountId>} layers were created. */
  record ContainerCreated(String containerId, String name, String mountId) implements EngineEvent {}

  /** A container's overlay was mounted at {@code mergedDir}. */
  record ContainerStarted(String containerId, String mergedDir) implements EngineEvent {}

  /** A container stopped; its overlay was unmounted. */
  record ContainerStopped(String containerId, int exitCode) implements EngineEvent {}

  /** A container and its layers were removed. */
  record ContainerRemoved(String containerId) implements EngineEvent {}

  /** {@code docker commit}: the container's upper dir became a new image layer. */
  record LayerCommitted(String containerId, Digest imageId, Digest chainId) implements EngineEvent {}

  /** Something the overlay of a running container reported (copy-up, whiteout, ...). */
  record OverlayActivity(String containerId, OverlayEvent overlayEvent) implements EngineEvent {}
}
