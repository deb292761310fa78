package dev.layerlab.learn;

import dev.layerlab.vfs.Vfs;
import java.util.List;
import java.util.Optional;

/**
 * The simulated Docker host as the learning layer reads it: the host's disk, the images with
 * their layers and the containers with theirs. Lesson checks, {@code :explain}, {@code :which}
 * and {@code :layers} only read through this view; they never change anything.
 */
public interface Lab {

  /** A host with no Docker state at all (nothing pulled, no container). */
  Lab EMPTY = new Lab() {
    @Override
    public Vfs host() {
      return null;
    }

    @Override
    public List<ImageView> images() {
      return List.of();
    }

    @Override
    public List<ContainerView> containers() {
      return List.of();
    }
  };

  /** The host's filesystem ({@code /var/lib/docker/...} lives there), or null when there is none. */
  Vfs host();

  /** Every image, newest first. */
  List<ImageView> images();

  /** Every container, newest first. */
  List<ContainerView> containers();

  /** The container whose shell the learner is typing in right now, if any. */
  default Optional<ContainerView> current() {
    return Optional.empty();
  }

  /** The image a name, tag or ID prefix refers to, as {@code docker} would resolve it. */
  default Optional<ImageView> image(String ref) {
    String want = ref.contains(":") || ref.contains("@") ? ref : ref + ":latest";
    for (ImageView image : images()) {
      if (image.tags().contains(want) || image.tags().contains(ref)) {
        return Optional.of(image);
      }
    }
    String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
    if (hex.matches("[0-9a-f]{4,64}")) {
      List<ImageView> hits = images().stream().filter(i -> i.id().startsWith(hex)).toList();
      if (hits.size() == 1) {
        return Optional.of(hits.get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * The container a reference names: {@code latest} (the newest), {@code current} (the one the
   * learner is in), a name, or an ID prefix.
   */
  default Optional<ContainerView> container(String ref) {
    List<ContainerView> all = containers();
    if (ref.equals("latest")) {
      return all.stream().findFirst();
    }
    if (ref.equals("current")) {
      return current();
    }
    for (ContainerView c : all) {
      if (c.name().equals(ref) || c.id().equals(ref)) {
        return Optional.of(c);
      }
    }
    List<ContainerView> hits = all.stream().filter(c -> c.id().startsWith(ref)).toList();
    return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
  }

  /**
   * One image.
   *
   * @param id the 64-hex image ID (sha256 of its config)
   * @param tags {@code repo:tag} names
   * @param layers its filesystem layers, bottom (0) first
   * @param history its history entries, oldest first, empty layers included
   */
  record ImageView(String id, List<String> tags, List<LayerView> layers, List<HistoryView> history) {
    public String shortId() {
      return id.substring(0, Math.min(12, id.length()));
    }

    public long size() {
      return layers.stream().mapToLong(LayerView::size).sum();
    }

    /** The tag to show: the first one, or the short ID for an untagged image. */
    public String displayName() {
      return tags.isEmpty() ? shortId() : tags.get(0);
    }
  }

  /**
   * One read-only image layer.
   *
   * @param diffDir {@code /var/lib/docker/overlay2/<cache-id>/diff} on the host
   * @param createdBy the history entry that made it ({@code /bin/sh -c ...})
   */
  record LayerView(String chainId, String diffId, String cacheId, String diffDir, long size, String createdBy) {}

  /** One entry of the image's history: an instruction, and whether it added a layer. */
  record HistoryView(String createdBy, boolean emptyLayer) {}

  /** The states {@code docker ps -a} distinguishes. */
  enum ContainerState {
    CREATED, RUNNING, EXITED;

    /** The word lesson checks use: created, running, exited. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One container.
   *
   * @param image the image as given to {@code docker run} ({@code ubuntu:18.04})
   * @param mountId the random name of its {@code overlay2/<mount-id>} and {@code <mount-id>-init} dirs
   * @param upperDir its read-write layer, {@code overlay2/<mount-id>/diff}
   * @param lowerDirs the init layer's diff, then the image layers' diffs, top first (lowerdir= order)
   * @param merged its root filesystem while it runs, else null
   */
  record ContainerView(String id, String name, String image, String imageId, ContainerState state, String mountId,
      String upperDir, List<String> lowerDirs, Vfs merged) {
    public String shortId() {
      return id.substring(0, Math.min(12, id.length()));
    }

    public boolean running() {
      return state == ContainerState.RUNNING;
    }
  }
}
