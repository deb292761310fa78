package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.image.ArchiveImage;
import dev.layerlab.image.Catalog;
import dev.layerlab.image.Image;
import dev.layerlab.image.ImageArchives;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.VPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker load extracts a layer while its diffID is still being hashed; a layer that turns out
 * not to match must leave the host exactly as it was: no overlay2 directory, no l/ link, no
 * layerdb entry, no image, no tag.
 */
class LoadRefusalTest {

  @Test
  void aLayerWhoseDiffIdIsWrongLeavesNothingBehind() {
    EngineFixture f = new EngineFixture();
    f.pull("hello-world");
    List<String> before = tree(f, "/var/lib/docker");
    Image busybox = Catalog.builtIn().resolve("busybox");
    Image alpine = Catalog.builtIn().resolve("alpine:3.8");
    // busybox's config, which names busybox's diffID, over alpine's layer
    byte[] archive = ImageArchives.save(
        List.of(new ArchiveImage(busybox.configBytes(), alpine.layers(), List.of("liar:1"))), ImageArchives.Format.DOCKER);

    assertThatThrownBy(() -> f.engine.load(archive)).isInstanceOf(EngineException.class)
        .hasMessage("invalid diffID for layer 0: expected \"" + busybox.diffIds().get(0) + "\", got \""
            + alpine.diffIds().get(0) + "\"");
    assertThat(tree(f, "/var/lib/docker")).isEqualTo(before);
    assertThat(f.engine.findImage("liar:1")).isEmpty();
  }

  @Test
  void aLayerSharedWithAStoredImageStaysWhenALaterLayerIsWrong() {
    EngineFixture f = new EngineFixture();
    f.pull("ubuntu:18.04");
    List<String> before = tree(f, "/var/lib/docker");
    Image ubuntu = Catalog.builtIn().resolve("ubuntu:18.04");
    Image alpine = Catalog.builtIn().resolve("alpine:3.8");
    List<dev.layerlab.image.LayerBlob> layers = new ArrayList<>(ubuntu.layers());
    layers.set(2, alpine.layers().get(0)); // layers 0 and 1 are stored already; 2 is a lie
    byte[] archive = ImageArchives.save(List.of(new ArchiveImage(ubuntu.configBytes(), layers, List.of("liar:2"))),
        ImageArchives.Format.DOCKER);

    assertThatThrownBy(() -> f.engine.load(archive)).hasMessageStartingWith("invalid diffID for layer 2: ");
    assertThat(tree(f, "/var/lib/docker")).isEqualTo(before);
    assertThat(f.engine.images()).hasSize(1);
    // and the refused load took no reference it kept: removing the image frees every layer
    f.engine.removeImage("ubuntu:18.04", false, true);
    assertThat(f.ls("/var/lib/docker/overlay2")).containsExactly("l");
    assertThat(f.ls("/var/lib/docker/image/overlay2/layerdb/sha256")).isEmpty();
  }

  private static List<String> tree(EngineFixture f, String dir) {
    List<String> out = new ArrayList<>();
    walk(f, dir, out);
    return out;
  }

  private static void walk(EngineFixture f, String dir, List<String> out) {
    for (DirEntry e : f.host.readDir(dir)) {
      String p = VPaths.child(dir, e.name());
      out.add(p);
      if (f.host.lstat(p).isDirectory()) {
        walk(f, p, out);
      }
    }
  }
}
