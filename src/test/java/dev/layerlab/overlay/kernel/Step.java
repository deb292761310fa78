package dev.layerlab.overlay.kernel;

/**
 * One line of a script: an op, where it applies, and whether it must fail.
 *
 * @param layer the lower layer number for {@link Target#LOWER}, else -1
 * @param mustFail the {@code !} prefix: any outcome but an error is unexpected
 * @param text the line as written, for reports
 */
record Step(Target target, int layer, boolean mustFail, Op op, String text) {

  /** Where an op is applied. */
  enum Target {
    /** A lower layer's dir, edited directly (before the mount, or while mounted on purpose). */
    LOWER,
    /** The upper dir, edited directly (state left by an earlier run). */
    UPPER,
    /** Through the overlay mount. */
    MERGED
  }

  static Step merged(Op op) {
    return OpLanguage.step(Target.MERGED, -1, false, op);
  }

  static Step lower(int layer, Op op) {
    return OpLanguage.step(Target.LOWER, layer, false, op);
  }

  /** The short tag reports print before the step: L0, U, M or - for mount ops. */
  String tag() {
    if (op instanceof Op.Mount || op instanceof Op.Umount || op instanceof Op.Remount
        || op instanceof Op.Layers || op instanceof Op.Note) {
      return "-";
    }
    return switch (target) {
      case LOWER -> "L" + layer;
      case UPPER -> "U";
      case MERGED -> "M";
    };
  }
}
