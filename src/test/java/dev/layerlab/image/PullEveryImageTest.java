package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.Stat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every catalog image extracts, layer by layer, into an in-memory disk with the sizes Docker reports. */
class PullEveryImageTest {

  @Test
  void everyCatalogImageMaterialisesIntoAVfs() {
    for (String ref : List.of("ubuntu:18.04", "ubuntu:16.04", "ubuntu:22.04", "debian:stretch", "alpine:3.8",
        "busybox", "hello-world", "layerlab/hello")) {
      Image image = Catalog.builtIn().resolve(ref);
      JimfsVfs vfs = JimfsVfs.create();
      vfs.mkdir("/layers", 0700);

      List<Pulls.Extracted> done = Pulls.materialize(image, vfs, "/layers", false);

      assertThat(done).extracting(Pulls.Extracted::diffId).as(ref).isEqualTo(image.diffIds());
      for (int i = 0; i < image.layers().size(); i++) {
        assertThat(duSize(vfs, "/layers/" + i)).as(ref + " layer " + i).isEqualTo(image.layers().get(i).size());
      }
    }
  }

  @Test
  void busyboxAppletsAreOneInode() {
    JimfsVfs vfs = JimfsVfs.create();
    vfs.mkdir("/l", 0700);
    Pulls.materialize(Catalog.builtIn().resolve("busybox"), vfs, "/l", false);

    Stat sh = vfs.lstat("/l/0/bin/sh");
    assertThat(sh.nlink()).isEqualTo(393);
    assertThat(vfs.lstat("/l/0/bin/ls").ino()).isEqualTo(sh.ino());
    assertThat(BuiltinStub.utility(vfs.read("/l/0/bin/ls"))).contains("busybox");
    assertThat(new String(vfs.read("/l/0/etc/passwd"), StandardCharsets.UTF_8)).startsWith("root:x:0:0:root:/root:/bin/sh\n");
  }

  /** Docker's layer size: st_size of every non-directory (symlinks by target length), each inode once. */
  private static long duSize(JimfsVfs vfs, String dir) {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    long[] total = {0};
    walk(vfs, dir, seen, total);
    return total[0];
  }

  private static void walk(JimfsVfs vfs, String dir, java.util.Set<Long> seen, long[] total) {
    for (var e : vfs.readDir(dir)) {
      String p = dir + "/" + e.name();
      Stat s = vfs.lstat(p);
      if (s.isDirectory()) {
        walk(vfs, p, seen, total);
      } else if (seen.add(s.ino())) {
        total[0] += s.size();
      }
    }
  }
}
