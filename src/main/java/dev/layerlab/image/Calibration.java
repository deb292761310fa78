package dev.layerlab.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Brings a made-up root filesystem to the size of the real image it stands for by scaling its
 * bulk files (libraries, modules) together, so that {@code docker images} shows the real size
 * while every byte counted is really there.
 */
final class Calibration {
  private Calibration() {}

  static LayerTree scale(LayerTree tree, Set<String> scalable, long target) {
    long fixed = 0;
    long bulk = 0;
    for (LayerEntry e : tree.entries()) {
      if (scalable.contains(e.path())) {
        bulk += e.sizeContribution();
      } else {
        fixed += e.sizeContribution();
      }
    }
    long want = target - fixed;
    if (bulk == 0 || want <= 0) {
      throw new IllegalStateException("cannot reach " + target + " bytes: fixed part is " + fixed);
    }
    double factor = (double) want / bulk;
    List<LayerEntry> out = new ArrayList<>(tree.entries().size());
    long given = 0;
    LayerEntry last = null;
    for (LayerEntry e : tree.entries()) {
      if (scalable.contains(e.path()) && e.content() instanceof Content.Filler f) {
        long size = Math.max(f.head().length, Math.round(f.size() * factor));
        e = withContent(e, Content.filler(f.head(), size, f.seed()));
        given += size;
        last = e;
      }
      out.add(e);
    }
    // Rounding leaves a few bytes over or under: the last bulk file absorbs them.
    long diff = want - given;
    if (diff != 0 && last != null) {
      Content.Filler f = (Content.Filler) last.content();
      LayerEntry fixedLast = withContent(last, Content.filler(f.head(), f.size() + diff, f.seed()));
      out.set(out.indexOf(last), fixedLast);
    }
    return LayerTree.of(out);
  }

  static LayerEntry withContent(LayerEntry e, Content c) {
    return new LayerEntry(e.path(), e.type(), e.mode(), e.uid(), e.gid(), e.mtime(), c, e.linkName(), e.devMajor(),
        e.devMinor(), e.xattrs());
  }
}
