package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.learn.Lab.ImageView;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Decides whether one check holds on the host right now, given what happened in the step. */
final class Judge {
  private Judge() {}

  static boolean holds(Check check, Lab lab, StepLog log) {
    if (check instanceof Check.Typed t) {
      return log.typed.stream().anyMatch(l -> t.pattern().matcher(l).find());
    } else if (check instanceof Check.Output o) {
      return log.outputs.stream().anyMatch(out -> o.pattern().matcher(out).find());
    } else if (check instanceof Check.Answer a) {
      return log.answers.stream().anyMatch(w -> w.equalsIgnoreCase(a.word()));
    } else if (check instanceof Check.ImagePresent i) {
      return lab.image(i.ref()).isPresent() == i.present();
    } else if (check instanceof Check.LayerCount c) {
      return lab.image(c.ref()).map(i -> i.layers().size() == c.count()).orElse(false);
    } else if (check instanceof Check.ContainerIn c) {
      return lab.containers().stream().anyMatch(k -> inState(k, c.state())
          && (c.image() == null || sameImage(lab, k, c.image())));
    } else if (check instanceof Check.NoContainer n) {
      return lab.containers().stream().noneMatch(k -> inState(k, n.state()));
    } else if (check instanceof Check.Inside in) {
      return lab.current().isPresent() == in.inside();
    }
    return pathIs((Check.PathIs) check, lab);
  }

  private static boolean inState(ContainerView c, String state) {
    return state.equals("any") || c.state().word().equals(state);
  }

  private static boolean sameImage(Lab lab, ContainerView c, String image) {
    if (c.image().equals(image)) {
      return true;
    }
    return lab.image(image).map(i -> i.id().equals(c.imageId())).orElse(false);
  }

  private static boolean pathIs(Check.PathIs p, Lab lab) {
    Vfs vfs;
    String path;
    switch (p.where()) {
      case "host" -> {
        vfs = lab.host();
        path = p.path();
      }
      case "layer" -> {
        Optional<ImageView> image = lab.image(p.owner());
        if (image.isEmpty() || p.layer() >= image.get().layers().size()) {
          return false;
        }
        vfs = lab.host();
        path = image.get().layers().get(p.layer()).diffDir() + p.path();
      }
      case "upper" -> {
        Optional<ContainerView> c = lab.container(p.owner());
        if (c.isEmpty()) {
          return false;
        }
        vfs = lab.host();
        path = c.get().upperDir() + p.path();
      }
      default -> {
        Optional<ContainerView> c = lab.container(p.owner());
        if (c.isEmpty() || c.get().merged() == null) {
          return false;
        }
        vfs = c.get().merged();
        path = p.path();
      }
    }
    if (vfs == null) {
      return false;
    }
    Stat st;
    try {
      st = vfs.lstat(path);
    } catch (VfsException e) {
      return p.is().equals("missing");
    }
    return switch (p.is()) {
      case "exists" -> true;
      case "missing" -> false;
      case "file" -> st.isRegular();
      case "dir" -> st.isDirectory();
      case "whiteout" -> st.isWhiteout();
      case "opaque" -> st.isDirectory() && opaque(vfs, path);
      default -> st.isRegular() && contains(vfs, path, p.text());
    };
  }

  private static boolean opaque(Vfs vfs, String path) {
    try {
      byte[] v = vfs.getxattr(path, UpperScan.OPAQUE);
      return new String(v, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).equals("y");
    } catch (VfsException e) {
      return false;
    }
  }

  private static boolean contains(Vfs vfs, String path, String text) {
    try {
      return new String(vfs.read(path), StandardCharsets.UTF_8).contains(text);
    } catch (VfsException e) {
      return false;
    }
  }
}
