package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.JimfsVfs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random layers through tar, a Vfs directory and back. A failure prints its seed; rerun it
 * with {@code mvn -o test -Dtest=LayerRoundTripTest -Dlayerlab.seed=<seed>}.
 */
public class LayerRoundTripTest {
  private static final long WHITEOUT_TIME = 1_534_777_443L;
  private static final String[] NAMES = {"a", "b", "etc", "bin", "x-y", "x", "lib", ".hidden", "sp ace", "ü"};

  @Test
  void randomLayersSurviveTarAndAVfsDirectoryByteForByte() {
    long base = Long.getLong("layerlab.seed", System.nanoTime());
    int rounds = Long.getLong("layerlab.seed") != null ? 1 : 40;
    for (int i = 0; i < rounds; i++) {
      long seed = base + i;
      try {
        roundTrip(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + " (rerun with -Dlayerlab.seed=" + seed + "): " + e.getMessage(), e);
      }
    }
  }

  private static void roundTrip(long seed) {
    LayerTree layer = randomLayer(new SplittableRandom(seed));
    byte[] tar = LayerTar.bytes(layer);

    LayerTree read = LayerTar.read(tar);
    assertThat(read.entries()).extracting(LayerEntry::path).isEqualTo(layer.entries().stream().map(LayerEntry::path).toList());
    assertThat(LayerTar.bytes(LayerTree.of(read.entries()))).isEqualTo(tar);

    // whiteouts get the time they are made (Docker's unpacker does not set it): a fixed clock at WHITEOUT_TIME
    JimfsVfs vfs = JimfsVfs.create(java.time.Clock.fixed(java.time.Instant.ofEpochSecond(WHITEOUT_TIME),
        java.time.ZoneOffset.UTC));
    vfs.mkdir("/diff", 0755);
    VfsLayers.apply(read, vfs, "/diff");
    LayerTree back = VfsLayers.export(vfs, "/diff");
    assertThat(back.entries()).extracting(LayerRoundTripTest::describe)
        .containsExactlyElementsOf(layer.entries().stream().map(LayerRoundTripTest::describe).toList());
    assertThat(Digest.of(LayerTar.bytes(back))).isEqualTo(Digest.of(tar));
  }

  private static String describe(LayerEntry e) {
    return e.path() + " " + e.type().lsChar() + " " + Integer.toOctalString(e.mode()) + " " + e.uid() + ":" + e.gid()
        + " @" + e.mtime() + " -> " + e.linkName() + " " + e.content().size() + " " + e.xattrs();
  }

  /** Directories, files, symlinks, hard links, whiteouts and opaque markers, in plausible places. */
  public static LayerTree randomLayer(SplittableRandom r) {
    List<LayerEntry> out = new ArrayList<>();
    List<String> dirs = new ArrayList<>();
    List<String> files = new ArrayList<>();
    dirs.add("");
    int n = 5 + r.nextInt(40);
    for (int i = 0; i < n; i++) {
      String parent = dirs.get(r.nextInt(dirs.size()));
      String name = NAMES[r.nextInt(NAMES.length)] + (r.nextInt(3) == 0 ? Integer.toString(i) : "");
      String path = parent.isEmpty() ? name : parent + "/" + name;
      String whiteout = (parent.isEmpty() ? "" : parent + "/") + LayerEntry.WHITEOUT_PREFIX + name;
      // a layer never holds both a name and its whiteout
      if (out.stream().anyMatch(e -> e.path().equals(path) || e.path().equals(whiteout)
          || e.isWhiteout() && e.whitedOutPath().equals(path))) {
        continue;
      }
      long t = 1_500_000_000L + r.nextInt(100_000_000);
      int uid = r.nextInt(4) == 0 ? 100 + r.nextInt(1000) : 0;
      switch (r.nextInt(7)) {
        case 0, 1 -> {
          int mode = new int[] {0755, 0700, 01777, 0555, 02775}[r.nextInt(5)];
          out.add(LayerEntry.dir(path, mode, t).withOwner(uid, uid));
          dirs.add(path);
          if (r.nextInt(5) == 0) {
            out.add(LayerEntry.file(path + "/" + LayerEntry.OPAQUE_MARKER, mode & 0777, 0, null).withOwner(uid, uid));
          }
        }
        case 2, 3 -> {
          byte[] data = new byte[r.nextInt(3) == 0 ? r.nextInt(20_000) : r.nextInt(100)];
          r.nextBytes(data);
          out.add(LayerEntry.file(path, new int[] {0644, 0755, 04755, 0600, 0}[r.nextInt(5)], t, Content.of(data))
              .withOwner(uid, uid));
          files.add(path);
        }
        case 4 -> out.add(LayerEntry.symlink(path, r.nextBoolean() ? "/etc/" + name : name + "-target", t));
        case 5 -> {
          if (!files.isEmpty()) {
            String target = files.get(r.nextInt(files.size()));
            LayerEntry t0 = out.stream().filter(e -> e.path().equals(target)).findFirst().orElseThrow();
            if (LayerTree.WALK_ORDER.compare(target, path) < 0) {
              out.add(new LayerEntry(path, FileType.REGULAR, t0.mode(), t0.uid(), t0.gid(), t0.mtime(), null, target, 0, 0,
                  null));
            }
          }
        }
        default -> out.add(LayerEntry.whiteout(path, WHITEOUT_TIME).withOwner(uid, uid));
      }
    }
    return LayerTree.of(out);
  }
}
