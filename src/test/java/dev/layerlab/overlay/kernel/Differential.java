package dev.layerlab.overlay.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Runs one script on the real kernel and on layerlab and says where they part: each step's
 * outcome, the merged view before the unmount, the upper dir after it, and every lower layer
 * (which no write through the mount may touch).
 */
final class Differential {
  private Differential() {}

  /** What one side left: an outcome per step and the canonical listings. */
  record Run(List<String> outcomes, TreeMap<String, String> merged, TreeMap<String, String> upper,
      List<TreeMap<String, String>> lowers) {}

  /** The two runs and everything that differs; empty {@code divergences} means they agree. */
  record Result(Script script, Run kernel, Run layerlab, List<String> divergences,
      List<String> kernelSurprises) {

    boolean agree() {
      return divergences.isEmpty();
    }

    /** The script with both outcomes per step, then the differences: what a failure prints. */
    String report() {
      StringBuilder sb = new StringBuilder("case ").append(script.name()).append('\n');
      for (int i = 0; i < script.steps().size(); i++) {
        Step s = script.steps().get(i);
        String k = kernel.outcomes().get(i);
        String o = layerlab.outcomes().get(i);
        sb.append(String.format("  %-3s %-40s => %s%n", s.tag(), s.text(), k));
        if (!k.equals(o)) {
          sb.append(String.format("      %-40s    layerlab: %s%n", "", o));
        }
      }
      // step outcomes are shown in the table above
      divergences.stream().filter(d -> !d.startsWith("step ")).forEach(d -> sb.append(d).append('\n'));
      kernelSurprises.forEach(d -> sb.append(d).append('\n'));
      return sb.toString();
    }
  }

  /** Runs {@code script} on both sides and compares. */
  static Result compare(Script script, Supplier<Side> kernel, Supplier<Side> layerlab, int umask) {
    return compare(script, kernel, layerlab, umask, true);
  }

  /**
   * Runs {@code script} on both sides and compares; {@code expectations} also checks that the
   * kernel fails exactly the steps marked {@code !} (random scripts have no expectations).
   */
  static Result compare(Script script, Supplier<Side> kernel, Supplier<Side> layerlab, int umask,
      boolean expectations) {
    Run k;
    try (Side side = kernel.get()) {
      k = run(side, script, umask);
    }
    Run o;
    try (Side side = layerlab.get()) {
      o = run(side, script, umask);
    }
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < script.steps().size(); i++) {
      if (!k.outcomes().get(i).equals(o.outcomes().get(i))) {
        diffs.add("step " + (i + 1) + " '" + script.steps().get(i).text() + "': kernel "
            + k.outcomes().get(i) + ", layerlab " + o.outcomes().get(i));
      }
    }
    section(diffs, "merged view (before umount)", k.merged(), o.merged());
    section(diffs, "upper dir (after umount)", k.upper(), o.upper());
    for (int n = 0; n < k.lowers().size(); n++) {
      section(diffs, "lower L" + n + " (after umount)", k.lowers().get(n), o.lowers().get(n));
    }
    List<String> surprises = new ArrayList<>();
    for (int i = 0; expectations && i < script.steps().size(); i++) {
      Step s = script.steps().get(i);
      boolean failed = !k.outcomes().get(i).startsWith("ok");
      if (failed != s.mustFail()) {
        surprises.add("the kernel " + (failed ? "failed (" + k.outcomes().get(i) + ")" : "succeeded")
            + " at step " + (i + 1) + " '" + s.text() + "', unlike the case says");
      }
    }
    return new Result(script, k, o, diffs, surprises);
  }

  private static void section(List<String> diffs, String what, TreeMap<String, String> kernel,
      TreeMap<String, String> ours) {
    if (kernel == null && ours == null) {
      return;
    }
    if (kernel == null || ours == null) {
      diffs.add(what + ": only " + (kernel == null ? "layerlab" : "the kernel") + " has one");
      return;
    }
    List<String> d = Canon.diff(kernel, ours);
    if (!d.isEmpty()) {
      diffs.add(what + " differs:");
      diffs.addAll(d);
    }
  }

  /** Applies every step, dumps the merged view if still mounted, unmounts, dumps the layers. */
  static Run run(Side side, Script script, int umask) {
    String phase = "preparing the layers";
    try {
      side.prepare(script.layers());
      Runner runner = new Runner(side, script.layers(), umask);
      List<String> outcomes = new ArrayList<>();
      for (Step s : script.steps()) {
        phase = "step '" + s.text() + "'";
        outcomes.add(runner.apply(s));
      }
      TreeMap<String, String> merged = null;
      if (side.mounted()) {
        phase = "the merged dump";
        merged = Canon.dump(side.merged(), side.layerInodes(script.layers()));
      }
      phase = "the final umount";
      side.finish();
      phase = "the layer dumps";
      Canon.Layers inodes = side.layerInodes(script.layers());
      TreeMap<String, String> upper = Canon.dump(side.upper(), inodes);
      List<TreeMap<String, String>> lowers = new ArrayList<>();
      for (int n = 0; n < script.layers(); n++) {
        lowers.add(Canon.dump(side.lower(n), inodes));
      }
      return new Run(outcomes, merged, upper, lowers);
    } catch (RuntimeException e) {
      throw new IllegalStateException(side.name() + " side failed at " + phase + ": " + e, e);
    }
  }
}
