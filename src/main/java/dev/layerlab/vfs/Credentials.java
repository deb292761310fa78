package dev.layerlab.vfs;

import java.util.List;

/**
 * Who a process is when it touches files: its filesystem uid and gid and its supplementary
 * groups, the parts of the kernel's {@code struct cred} that permission checks read.
 */
public record Credentials(int uid, int gid, List<Integer> groups) {
  /** uid 0: every permission check passes (CAP_DAC_OVERRIDE, CAP_FOWNER and friends). */
  public static final Credentials ROOT = new Credentials(0, 0, List.of());

  public Credentials {
    groups = List.copyOf(groups);
  }

  public boolean isRoot() {
    return uid == 0;
  }

  /** in_group_p: the gid or one of the supplementary groups. */
  public boolean inGroup(int g) {
    return g == gid || groups.contains(g);
  }
}
