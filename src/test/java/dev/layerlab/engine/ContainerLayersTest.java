package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.image.Catalog;
import dev.layerlab.image.Image;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The article's experiment on the daemon: a container's two layers, copy-up and whiteouts seen from the host. */
class ContainerLayersTest {
  private final EngineFixture f = new EngineFixture();
  private final Image ubuntu = Catalog.builtIn().resolve("ubuntu:18.04");
  private Container c;

  @BeforeEach
  void runAContainer() {
    f.pull("ubuntu:18.04");
    c = f.engine.create(ContainerSpec.of("ubuntu:18.04", List.of("bash")));
  }

  private String bottomDiff() {
    return f.engine.layers(f.engine.image("ubuntu:18.04")).get(0).diffDir();
  }

  private String upper() {
    return DockerPaths.layerDir(c.mountId()) + "/diff";
  }

  @Test
  void createMakesAnInitLayerAndARwLayerNamedByARandomMountId() {
    assertThat(c.id()).matches("[0-9a-f]{64}");
    assertThat(c.mountId()).matches("[0-9a-f]{64}").isNotEqualTo(c.id());
    assertThat(c.name()).matches("[a-z]+_[a-z]+");
    assertThat(f.ls(DockerPaths.OVERLAY)).contains(c.mountId(), c.mountId() + "-init");
    String init = DockerPaths.layerDir(c.mountId() + "-init");
    assertThat(f.ls(init)).containsExactly("diff", "link", "lower", "work");
    assertThat(f.ls(init + "/diff")).containsExactly(".dockerenv", "dev", "etc");
    assertThat(f.ls(init + "/diff/etc")).containsExactly("hostname", "hosts", "mtab", "resolv.conf");
    assertThat(f.ls(init + "/diff/dev")).containsExactly("console", "pts", "shm");
    assertThat(f.host.lstat(init + "/diff/.dockerenv").mode()).isEqualTo(0755);
    assertThat(f.host.readlink(init + "/diff/etc/mtab")).isEqualTo("/proc/mounts");
    assertThat(f.ls(DockerPaths.layerDir(c.mountId()))).containsExactly("diff", "link", "lower", "work");
    assertThat(f.read(DockerPaths.layerDir(c.mountId()) + "/lower"))
        .startsWith("l/" + f.read(init + "/link") + ":").hasSize(29 * 6 - 1);
    String mounts = DockerPaths.MOUNTS + "/" + c.id();
    assertThat(f.read(mounts + "/mount-id")).isEqualTo(c.mountId());
    assertThat(f.read(mounts + "/init-id")).isEqualTo(c.mountId() + "-init");
    assertThat(f.read(mounts + "/parent")).isEqualTo(ubuntu.chainIds().get(4).toString());
    assertThat(f.ls(DockerPaths.CONTAINERS + "/" + c.id())).contains("config.v2.json", "hostconfig.json");
  }

  @Test
  void startMountsTheMergedViewOnTheHostWithDockersOptionString() {
    f.engine.start(c);
    String merged = DockerPaths.layerDir(c.mountId()) + "/merged";
    assertThat(f.ls(DockerPaths.layerDir(c.mountId()))).containsExactly("diff", "link", "lower", "merged", "work");
    MountEntry m = f.host.mounts().get(f.host.mounts().size() - 1);
    assertThat(m.mountLine()).isEqualTo("overlay on " + merged + " type overlay (rw,relatime,lowerdir="
        + String.join(":", f.read(DockerPaths.layerDir(c.mountId()) + "/lower").split(":")).replace("l/",
            DockerPaths.OVERLAY + "/l/")
        + ",upperdir=" + upper() + ",workdir=" + DockerPaths.layerDir(c.mountId()) + "/work)");
    assertThat(f.ls(merged)).contains(".dockerenv", "bin", "etc", "tmp");
    Vfs inside = c.filesystem();
    assertThat(new String(inside.read("/etc/hostname"), StandardCharsets.UTF_8)).isEqualTo(c.shortId() + "\n");
    assertThat(new String(inside.read("/etc/hosts"), StandardCharsets.UTF_8))
        .endsWith("172.17.0.2\t" + c.shortId() + "\n");
    assertThat(new String(inside.read("/etc/os-release"), StandardCharsets.UTF_8)).contains("VERSION_ID=\"18.04\"");
    f.engine.exited(c, 0);
    assertThat(f.ls(DockerPaths.layerDir(c.mountId()))).containsExactly("diff", "link", "lower", "work");
    assertThat(f.host.mounts()).hasSize(1);
  }

  @Test
  void deletingAFileOfTheImageLayerLeavesAWhiteoutInTheUpperDirAndTheFileBelow() {
    f.host.write(bottomDiff() + "/tmp/thisIsAFileCreateImageLayer", "hi\n".getBytes(), Vfs.WriteMode.CREATE_NEW, 0644);
    f.engine.start(c);
    Vfs inside = c.filesystem();
    assertThat(inside.readDir("/tmp")).extracting(d -> d.name()).containsExactly("thisIsAFileCreateImageLayer");
    inside.unlink("/tmp/thisIsAFileCreateImageLayer");
    assertThat(inside.exists("/tmp/thisIsAFileCreateImageLayer")).isFalse();
    Stat wh = f.host.lstat(upper() + "/tmp/thisIsAFileCreateImageLayer");
    assertThat(wh.isWhiteout()).isTrue();
    assertThat(wh.mode()).isZero();
    assertThat(f.host.stat(upper() + "/tmp").mode()).isEqualTo(01777);
    assertThat(f.host.exists(bottomDiff() + "/tmp/thisIsAFileCreateImageLayer")).isTrue();
    assertThat(f.engine.diff(c)).containsExactly("C /tmp", "D /tmp/thisIsAFileCreateImageLayer");
  }

  @Test
  void writingAFileCopiesItUpAndDiffListsParentsBeforeChildren() {
    f.engine.start(c);
    Vfs inside = c.filesystem();
    inside.write("/etc/issue", "changed\n".getBytes(), Vfs.WriteMode.APPEND, 0644);
    inside.mkdir("/data", 0755);
    inside.write("/data/new.txt", "x".getBytes(), Vfs.WriteMode.CREATE_NEW, 0644);
    inside.unlink("/etc/issue.net");
    assertThat(f.ls(upper())).containsExactly("data", "etc");
    assertThat(f.ls(upper() + "/etc")).containsExactly("issue", "issue.net");
    assertThat(f.engine.diff(c)).containsExactly("A /data", "A /data/new.txt", "C /etc", "C /etc/issue",
        "D /etc/issue.net");
    // the bind-mounted files are written on the host, never into the layer
    inside.write("/etc/hosts", "1.2.3.4 x\n".getBytes(), Vfs.WriteMode.APPEND, 0644);
    assertThat(f.ls(upper() + "/etc")).doesNotContain("hosts");
    assertThat(f.read(DockerPaths.CONTAINERS + "/" + c.id() + "/hosts")).endsWith("1.2.3.4 x\n");
  }

  @Test
  void commitExportsTheUpperDirIntoANewLayerDirectory() {
    f.host.write(bottomDiff() + "/tmp/gone", "x".getBytes(), Vfs.WriteMode.CREATE_NEW, 0644);
    f.engine.start(c);
    c.filesystem().unlink("/tmp/gone");
    c.filesystem().write("/root/notes", "n\n".getBytes(), Vfs.WriteMode.CREATE_NEW, 0644);
    ImageRecord img = f.engine.commit(c, "mine:v1", null, "my change");
    List<Layer> layers = f.engine.layers(img);
    assertThat(layers).hasSize(6);
    Layer top = layers.get(5);
    assertThat(top.cacheId()).isNotEqualTo(c.mountId());
    assertThat(f.host.lstat(top.diffDir() + "/tmp/gone").isWhiteout()).isTrue();
    assertThat(f.read(top.diffDir() + "/root/notes")).isEqualTo("n\n");
    assertThat(img.parent()).isEqualTo(c.imageId());
    assertThat(f.engine.tags(img)).containsExactly("mine:v1");
    assertThat(f.read(DockerPaths.IMAGEDB_METADATA + "/" + img.id().hex() + "/parent")).isEqualTo(c.imageId().toString());
    assertThat(img.config().history().get(img.config().history().size() - 1).comment()).isEqualTo("my change");
  }

  @Test
  void anImageForceRemovedUnderAStoppedContainerKeepsItsLayersUntilTheContainerGoes() {
    f.engine.start(c);
    f.engine.exited(c, 0);
    List<String> lines = f.engine.removeImage("ubuntu:18.04", true, true);
    assertThat(lines).containsExactly("Untagged: ubuntu:18.04", "Untagged: ubuntu@" + ubuntu.repoDigest(),
        "Deleted: " + ubuntu.id());
    assertThat(f.ls(DockerPaths.LAYERDB)).hasSize(5);
    f.engine.remove(c, false);
    assertThat(f.ls(DockerPaths.LAYERDB)).isEmpty();
    assertThat(f.ls(DockerPaths.OVERLAY)).containsExactly("l");
  }

  @Test
  void removingTheContainerDeletesItsLayersButNotTheImages() {
    f.engine.start(c);
    assertThatThrownBy(() -> f.engine.remove(c, false)).hasMessage("You cannot remove a running container "
        + c.id() + ". Stop the container before attempting removal or force remove");
    assertThatThrownBy(() -> f.engine.removeImage("ubuntu:18.04", false, true)).hasMessage(
        "conflict: unable to remove repository reference \"ubuntu:18.04\" (must force) - container " + c.shortId()
            + " is using its referenced image " + ubuntu.id().shortId());
    f.engine.remove(c, true);
    assertThat(f.ls(DockerPaths.OVERLAY)).hasSize(6);
    assertThat(f.ls(DockerPaths.MOUNTS)).isEmpty();
    assertThat(f.ls(DockerPaths.CONTAINERS)).isEmpty();
    assertThat(f.ls(DockerPaths.LINKS)).hasSize(5);
    assertThat(f.host.mounts()).hasSize(1);
    List<String> lines = f.engine.removeImage("ubuntu:18.04", false, true);
    assertThat(lines.subList(0, 3)).containsExactly("Untagged: ubuntu:18.04",
        "Untagged: ubuntu@" + ubuntu.repoDigest(), "Deleted: " + ubuntu.id());
    List<String> freed = new java.util.ArrayList<>(ubuntu.chainIds().stream().map(d -> "Deleted: " + d).toList());
    java.util.Collections.reverse(freed);
    assertThat(lines.subList(3, 8)).containsExactlyElementsOf(freed);
    assertThat(f.ls(DockerPaths.OVERLAY)).containsExactly("l");
    assertThat(f.ls(DockerPaths.LINKS)).isEmpty();
    assertThat(f.ls(DockerPaths.LAYERDB)).isEmpty();
  }
}
