package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.VPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ctrl-C during docker pull (an interrupt of the pulling thread) cancels it and keeps nothing. */
class PullCancelTest {

  @Test
  void aPullInterruptedAfterItsSecondLayerLeavesTheHostAsItWas() {
    EngineFixture f = new EngineFixture();
    f.pull("hello-world");
    // what a cancelled pull must not leave: layer directories, links, layerdb entries, images
    // (the distribution metadata of layers that completed is a cache Docker keeps)
    List<String> before = stores(f);
    int[] complete = {0};
    try {
      assertThatThrownBy(() -> f.engine.pull("ubuntu:18.04", e -> {
        if (e instanceof PullEvent.Progress p && p.status().equals("Pull complete") && ++complete[0] == 2) {
          Thread.currentThread().interrupt(); // what the REPL does on Ctrl-C
        }
      })).isInstanceOf(EngineException.class).hasMessage("context canceled");
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is left for the shell").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(stores(f)).isEqualTo(before);
    assertThat(f.engine.findImage("ubuntu:18.04")).isEmpty();
    assertThat(f.pull("ubuntu:18.04")).contains("Status: Downloaded newer image for ubuntu:18.04");
  }

  @Test
  void anInterruptDuringExtractionNeitherBreaksNorHalfWritesAFile() {
    EngineFixture f = new EngineFixture();
    try {
      assertThatThrownBy(() -> f.engine.pull("ubuntu:18.04", e -> {
        if (e instanceof PullEvent.Progress p && p.status().equals("Extracting")) {
          Thread.currentThread().interrupt(); // arrives while the first layer is being written
        }
      })).hasMessage("context canceled");
    } finally {
      Thread.interrupted();
    }
    assertThat(f.ls("/var/lib/docker/overlay2")).containsExactly("l");
    assertThat(f.ls("/var/lib/docker/overlay2/l")).isEmpty();
  }

  private static List<String> stores(EngineFixture f) {
    List<String> out = new ArrayList<>(tree(f, "/var/lib/docker/overlay2"));
    out.addAll(tree(f, "/var/lib/docker/image/overlay2/layerdb"));
    out.addAll(tree(f, "/var/lib/docker/image/overlay2/imagedb"));
    out.add(f.read("/var/lib/docker/image/overlay2/repositories.json"));
    return out;
  }

  private static List<String> tree(EngineFixture f, String dir) {
    List<String> out = new ArrayList<>();
    for (DirEntry e : f.host.readDir(dir)) {
      String p = VPaths.child(dir, e.name());
      out.add(p);
      if (f.host.lstat(p).isDirectory()) {
        out.addAll(tree(f, p));
      }
    }
    return out;
  }
}
