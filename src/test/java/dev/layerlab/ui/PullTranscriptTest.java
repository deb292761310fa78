package dev.layerlab.ui;

import dev.layerlab.image.Catalog;
import dev.layerlab.image.Digest;
import dev.layerlab.image.Image;
import dev.layerlab.image.LayerEntry;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The learner pulls every catalog image in one session, then walks /var/lib/docker with the
 * shell as on a real overlay2 host. Every expected value comes from the catalog (digests,
 * diffIDs, chainIDs, trees); cache IDs are random, so the walk checks how they link up.
 */
class PullTranscriptTest {
  private static final List<String> IMAGES = List.of("ubuntu:18.04", "ubuntu:16.04", "ubuntu:22.04",
      "debian:stretch", "alpine:3.8", "busybox", "hello-world", "layerlab/hello");
  private static final String DB = "/var/lib/docker/image/overlay2/layerdb/sha256/";
  private static final String O2 = "/var/lib/docker/overlay2/";

  @Test
  void everyCatalogImagePullsAndItsHostLayoutCanBeWalked() {
    Catalog catalog = Catalog.builtIn();
    StringBuilder in = new StringBuilder();
    StringBuilder want = new StringBuilder();
    java.util.Set<Digest> stored = new java.util.HashSet<>();
    for (String ref : IMAGES) {
      Image image = catalog.resolve(ref);
      String name = ref.contains(":") ? ref : ref + ":latest";
      in.append("docker pull ").append(ref).append(" | grep -E 'Pull complete$|exists$|^Digest|^Status'\n");
      List<Digest> chain = image.chainIds();
      for (int i = 0; i < image.layers().size(); i++) {
        want.append(image.layers().get(i).digest().shortId())
            .append(stored.contains(chain.get(i)) ? ": Already exists\n" : ": Pull complete\n");
      }
      stored.addAll(chain);
      want.append("Digest: ").append(image.repoDigest()).append('\n')
          .append("Status: Downloaded newer image for ").append(name).append('\n');
    }
    for (String ref : IMAGES) {
      Image image = catalog.resolve(ref);
      List<Digest> chain = image.chainIds();
      for (int i = 0; i < chain.size(); i++) {
        String db = DB + chain.get(i).hex();
        in.append("cat ").append(db).append("/diff; echo\n");
        want.append(image.diffIds().get(i)).append('\n');
        in.append("id=$(cat ").append(db).append("/cache-id); ls ").append(O2).append("$id | tr '\\n' ' '; echo\n");
        want.append(i == 0 ? "diff link \n" : "diff link lower work \n");
        in.append("[ \"$(readlink ").append(O2).append("l/$(cat ").append(O2)
            .append("$id/link))\" = \"../$id/diff\" ] && echo linked\n");
        want.append("linked\n");
        if (i > 0) {
          String parentDb = DB + chain.get(i - 1).hex();
          in.append("cat ").append(db).append("/parent; echo\n");
          want.append(chain.get(i - 1)).append('\n');
          // lower names the parent's l/ link first, then the parent's own lower dirs
          in.append("p=").append(O2).append("$(cat ").append(parentDb).append("/cache-id); ")
              .append("if [ -f $p/lower ]; then pl=:$(cat $p/lower); else pl=; fi; ")
              .append("[ \"$(cat ").append(O2).append("$id/lower)\" = \"l/$(cat $p/link)$pl\" ] && echo lower-ok\n");
          want.append("lower-ok\n");
        }
      }
      // the bottom layer's diff/ is the image's whole root directory
      String db0 = DB + chain.get(0).hex();
      in.append("ls ").append(O2).append("$(cat ").append(db0).append("/cache-id)/diff | tr '\\n' ' '; echo\n");
      TreeSet<String> top = new TreeSet<>();
      for (LayerEntry e : image.layers().get(0).tree().entries()) {
        if (!e.path().contains("/")) {
          top.add(e.path());
        }
      }
      want.append(String.join(" ", top)).append(" \n");
      String name = ref.contains(":") ? ref : ref + ":latest";
      in.append("grep -c '\"").append(name).append("\":\"").append(image.id())
          .append("\"' /var/lib/docker/image/overlay2/repositories.json\n");
      want.append("1\n");
      in.append("ls /var/lib/docker/image/overlay2/imagedb/content/sha256 | grep -c ").append(image.id().hex()).append('\n');
      want.append("1\n");
    }
    in.append("docker images -q | wc -l\n");
    want.append(IMAGES.size()).append('\n');
    Transcript.script().check(in.toString(), want.toString());
  }
}
