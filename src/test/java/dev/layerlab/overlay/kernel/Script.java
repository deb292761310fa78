package dev.layerlab.overlay.kernel;

import java.util.List;

/** A named list of steps and the number of lower layers they use. */
record Script(String name, List<Step> steps, int layers) {

  /** The number of lower layers: the highest layer named plus one, at least {@code Layers}, at least 1. */
  static Script of(String name, List<Step> steps) {
    int n = 1;
    for (Step s : steps) {
      if (s.op() instanceof Op.Layers l) {
        n = Math.max(n, l.count());
      }
      if (s.target() == Step.Target.LOWER) {
        n = Math.max(n, s.layer() + 1);
      }
    }
    return new Script(name, List.copyOf(steps), n);
  }

  /** The script as op-language text, one step a line (what a reproduction needs). */
  String text() {
    StringBuilder sb = new StringBuilder();
    for (Step s : steps) {
      sb.append(s.text()).append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return name;
  }
}
