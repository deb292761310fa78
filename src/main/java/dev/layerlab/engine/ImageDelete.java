package dev.layerlab.engine;

import dev.layerlab.image.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code docker rmi}: the daemon's imageDelete. Untags, then deletes the image when nothing
 * else names it, frees the layers only it held (reported top first), and prunes untagged
 * parents; refuses with Docker's conflict messages when a container or a child image needs it.
 */
final class ImageDelete {
  private final ImageStore images;
  private final LayerStore layers;
  private final Containers containers;
  private final Consumer<EngineEvent> events;

  ImageDelete(ImageStore images, LayerStore layers, Containers containers, Consumer<EngineEvent> events) {
    this.images = images;
    this.layers = layers;
    this.containers = containers;
    this.events = events;
  }

  List<String> delete(String refOrId, ImageRecord image, boolean force, boolean prune) {
    List<String> records = new ArrayList<>();
    Digest id = image.id();
    List<String> refs = images.refsOf(id);
    boolean byId = isIdPrefix(id, refOrId);
    boolean quiet = false;
    if (!byId) {
      Reference ref = Reference.parse(refOrId);
      if (!force && isSingleReference(refs)) {
        Optional<Container> user = firstUser(id, false);
        if (user.isPresent()) {
          throw EngineException.conflict("conflict: unable to remove repository reference \"" + refOrId
              + "\" (must force) - container " + user.get().shortId() + " is using its referenced image "
              + id.shortId());
        }
      }
      String name = ref.toString();
      images.removeRef(name);
      records.add("Untagged: " + name);
      refs = images.refsOf(id);
      if (ref.digest() == null) {
        boolean tagLeftInRepo = refs.stream().anyMatch(r -> !r.contains("@") && repo(r).equals(ref.repository()));
        if (!tagLeftInRepo) {
          for (String r : List.copyOf(refs)) {
            if (r.contains("@") && repo(r).equals(ref.repository())) {
              images.removeRef(r);
              records.add("Untagged: " + r);
            }
          }
          refs = images.refsOf(id);
        }
      }
      if (!refs.isEmpty()) {
        return records;
      }
      quiet = true;
    } else if (isSingleReference(refs)) {
      checkConflict(id, true, !force, false);
      for (String r : refs) {
        images.removeRef(r);
        records.add("Untagged: " + r);
      }
    }
    deleteHelper(id, records, force, prune, quiet);
    return records;
  }

  private void deleteHelper(Digest id, List<String> records, boolean force, boolean prune, boolean quiet) {
    EngineException conflict = conflictOrNull(id, true, !force, !force);
    if (conflict != null) {
      if (quiet && (!isDangling(id) || usedByContainer(id))) {
        return;
      }
      throw conflict;
    }
    ImageRecord image = images.get(id).orElseThrow();
    images.remove(id);
    records.add("Deleted: " + id);
    events.accept(new EngineEvent.ImageDeleted(id));
    if (image.topLayer() != null) {
      for (Digest chain : layers.release(image.topLayer())) {
        records.add("Deleted: " + chain);
        events.accept(new EngineEvent.LayerDeleted(chain));
      }
    }
    if (prune && image.parent() != null && images.get(image.parent()).isPresent()) {
      deleteHelper(image.parent(), records, false, true, true);
    }
  }

  private void checkConflict(Digest id, boolean hard, boolean soft, boolean activeRef) {
    EngineException e = conflictOrNull(id, hard, soft, activeRef);
    if (e != null) {
      throw e;
    }
  }

  private EngineException conflictOrNull(Digest id, boolean hard, boolean soft, boolean activeRef) {
    if (hard && !images.children(id).isEmpty()) {
      return conflict(id, true, "image has dependent child images");
    }
    Optional<Container> running = firstUser(id, true);
    if (hard && running.isPresent()) {
      return conflict(id, true, "image is being used by running container " + running.get().shortId());
    }
    if (soft && activeRef && !images.refsOf(id).isEmpty()) {
      return conflict(id, false, "image is referenced in multiple repositories");
    }
    Optional<Container> stopped = firstUser(id, false).filter(c -> !c.isRunning());
    if (soft && stopped.isPresent()) {
      return conflict(id, false, "image is being used by stopped container " + stopped.get().shortId());
    }
    return null;
  }

  private static EngineException conflict(Digest id, boolean hard, String message) {
    return EngineException.conflict("conflict: unable to delete " + id.shortId() + " ("
        + (hard ? "cannot be forced" : "must be forced") + ") - " + message);
  }

  private Optional<Container> firstUser(Digest id, boolean runningOnly) {
    return containers.all().stream().filter(c -> c.imageId().equals(id) && (!runningOnly || c.isRunning()))
        .findFirst();
  }

  private boolean usedByContainer(Digest id) {
    return firstUser(id, false).isPresent();
  }

  private boolean isDangling(Digest id) {
    return images.refsOf(id).isEmpty();
  }

  /** At most one tag, and every name in one repository. */
  private static boolean isSingleReference(List<String> refs) {
    long tags = refs.stream().filter(r -> !r.contains("@")).count();
    return tags <= 1 && refs.stream().map(ImageDelete::repo).distinct().count() <= 1;
  }

  static boolean isIdPrefix(Digest id, String text) {
    String t = text.startsWith("sha256:") ? text.substring(7) : text;
    return !t.isEmpty() && id.hex().startsWith(t);
  }

  private static String repo(String ref) {
    return ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref.substring(0, ref.lastIndexOf(':'));
  }
}
