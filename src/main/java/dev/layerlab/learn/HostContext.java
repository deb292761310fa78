package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.learn.Lab.ImageView;
import java.util.List;
import java.util.Optional;

/**
 * The part of {@code :explain} that points at this host: the images and their layers, the
 * learner's container and its real directories, so the explanation ends with something to look at.
 */
final class HostContext {
  private HostContext() {}

  static String about(String topic, Lab lab, Words w) {
    switch (topic) {
      case "image", "layer", "image-id", "diff", "cache-id", "read-only" -> {
        return images(lab, w);
      }
      case "container", "init-layer", "lowerdir", "upperdir", "workdir", "merged" -> {
        return container(topic, lab, w);
      }
      default -> {
        return "";
      }
    }
  }

  private static String images(Lab lab, Words w) {
    List<ImageView> images = lab.images();
    if (images.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\n").append(w.get("host.images")).append('\n');
    for (ImageView i : images) {
      sb.append("  ").append(w.get("host.image", i.displayName(), i.shortId(), i.layers().size(),
          Sizes.human(i.size()))).append('\n');
    }
    return sb.append(w.get("host.images.more", images.get(0).displayName())).append('\n').toString();
  }

  private static String container(String topic, Lab lab, Words w) {
    Optional<ContainerView> c = lab.current().or(() -> lab.containers().stream().filter(ContainerView::running)
        .findFirst());
    if (c.isEmpty()) {
      return "";
    }
    ContainerView k = c.get();
    String dir = k.upperDir().endsWith("/diff") ? k.upperDir().substring(0, k.upperDir().length() - 5) : k.upperDir();
    String path = switch (topic) {
      case "init-layer" -> k.lowerDirs().isEmpty() ? "" : k.lowerDirs().get(0);
      case "lowerdir" -> String.join(":", k.lowerDirs());
      case "workdir" -> dir + "/work";
      case "merged" -> dir + "/merged";
      default -> k.upperDir();
    };
    String key = switch (topic) {
      case "init-layer" -> "host.init";
      case "lowerdir" -> "host.lowerdir";
      case "workdir" -> "host.workdir";
      case "merged" -> "host.merged";
      default -> "host.upperdir";
    };
    return "\n" + w.get(key, k.name(), k.shortId(), path) + "\n";
  }
}
