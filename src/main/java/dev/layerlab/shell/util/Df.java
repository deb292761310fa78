package dev.layerlab.shell.util;

import dev.layerlab.shell.Machine.MountEntry;
import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code df [-h] [-T]}: the machine's real filesystems (pseudo filesystems left out, as df does). */
final class Df implements Program {
  private static final Set<String> DUMMY = Set.of("proc", "sysfs", "devpts", "cgroup", "cgroup2", "mqueue", "securityfs");
  /** A 50 GB disk with Ubuntu and Docker on it, in 1 KiB blocks. */
  private static final long DISK = 50_633_164L;
  private static final long DISK_USED = 6_468_712L;

  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "hTak", "human-readable=h", "print-type=T", "all=a");
    if (a == null) {
      return 1;
    }
    boolean human = a.has("h");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Filesystem", human ? "Size" : "1K-blocks", "Used", human ? "Avail" : "Available", "Use%",
        "Mounted on"});
    for (MountEntry m : ctx.machine().mounts()) {
      if (DUMMY.contains(m.type()) && !a.has("a")) {
        continue;
      }
      long size;
      long used;
      switch (m.type()) {
        case "ext4", "overlay" -> {
          size = DISK;
          used = DISK_USED;
        }
        case "devtmpfs" -> {
          size = 2_003_988L;
          used = 0;
        }
        default -> {
          size = 403_124L;
          used = 1_120L;
        }
      }
      long avail = m.type().equals("ext4") || m.type().equals("overlay") ? size - used - 2_578_240L : size - used;
      long pct = size == 0 ? 0 : (used * 100 + (used + avail) - 1) / (used + avail);
      rows.add(new String[] {m.source(), fmt(size, human), fmt(used, human), fmt(avail, human), pct + "%", m.target()});
    }
    int[] w = new int[6];
    for (String[] r : rows) {
      for (int i = 0; i < 6; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    w[0] = Math.max(w[0], 14);
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      out.append(LsLayout.pad(row[0], w[0], false));
      for (int i = 1; i < 5; i++) {
        out.append(' ').append(r == 0 && i == 4 ? LsLayout.pad(row[i], w[i], true) : LsLayout.pad(row[i], w[i], true));
      }
      out.append(' ').append(row[5]).append('\n');
    }
    Text.print(ctx.out(), out.toString());
    return 0;
  }

  private static String fmt(long kib, boolean human) {
    return human ? (kib == 0 ? "0" : Modes.human(kib * 1024)) : Long.toString(kib);
  }
}
