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

  /**
   * The kernel's access check of {@code mask} (4 read, 2 write, 1 execute) on a file: root may
   * read and write anything and execute what has an x bit (or is a directory); anyone else gets
   * the owner's bits, else the group's, else the others' (generic_permission).
   */
  public boolean permits(Stat st, int mask) {
    if (isRoot()) {
      return (mask & 1) == 0 || st.isDirectory() || (st.mode() & 0111) != 0;
    }
    int bits;
    if (st.uid() == uid) {
      bits = st.mode() >> 6;
    } else if (inGroup(st.gid())) {
      bits = st.mode() >> 3;
    } else {
      bits = st.mode();
    }
    return (bits & mask) == mask;
  }
}
