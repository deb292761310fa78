package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code sed -i} in a container, as a Dockerfile's RUN line uses it: the image layer's file stays
 * as it was, the edited file (with the original's mode and owner) and its directory appear in
 * the container's upper dir, and docker diff reports both as changed.
 */
class SedInPlaceTest {
  private final Terminal t = new Terminal();

  @Test
  void sedInPlaceCopiesTheFileUpIntoTheContainersLayer() {
    t.type("docker pull ubuntu:18.04");
    t.type("docker run --name box ubuntu:18.04 sed -i 's/Ubuntu/Xubuntu/' /etc/issue.net");
    assertThat(t.err).isEmpty();
    assertThat(t.status).isZero();
    Container c = t.host.engine().container("box");
    String upper = "/var/lib/docker/overlay2/" + c.mountId() + "/diff";

    assertThat(t.type("docker diff box")).isEqualTo("C /etc\nC /etc/issue.net\n");
    assertThat(t.type("cat " + upper + "/etc/issue.net")).isEqualTo("Xubuntu 18.04.1 LTS\n");
    assertThat(t.type("ls -A " + upper + "/etc")).isEqualTo("issue.net\n");
    assertThat(t.type("stat -c '%a %U %G' " + upper + "/etc/issue.net")).isEqualTo("644 root root\n");
    List<Layer> layers = t.host.engine().layers(t.host.engine().image("ubuntu:18.04"));
    StringBuilder lower = new StringBuilder();
    for (Layer layer : layers) {
      lower.append(t.type("cat " + layer.diffDir() + "/etc/issue.net 2>/dev/null"));
    }
    assertThat(lower.toString()).isEqualTo("Ubuntu 18.04.1 LTS\n");
    assertThat(t.type("docker run --rm ubuntu:18.04 cat /etc/issue.net")).isEqualTo("Ubuntu 18.04.1 LTS\n");
  }

  @Test
  void theEditedFileKeepsItsModeAndOwnerButIsANewFile() {
    t.type("docker pull ubuntu:18.04");
    t.type("docker run -it --name box ubuntu:18.04 bash");
    String before = t.type("stat -c '%a %U %G %i' /etc/shadow");
    t.type("sed -i '/^games:/d' /etc/shadow");
    assertThat(t.err).isEmpty();
    String after = t.type("stat -c '%a %U %G %i' /etc/shadow");
    assertThat(before).startsWith("640 root shadow ");
    assertThat(after).startsWith("640 root shadow ");
    assertThat(after).isNotEqualTo(before);
    assertThat(t.type("grep -c games /etc/shadow")).isEqualTo("0\n");
    assertThat(t.type("ls -A /etc | grep -c '^sed'")).isEqualTo("0\n");
    t.type("exit");
    assertThat(t.type("docker diff box")).isEqualTo("C /etc\nC /etc/shadow\n");
  }

  @Test
  void sedRunsThroughBusyboxInAlpineAndBusyboxImages() {
    t.type("docker pull alpine:3.8");
    assertThat(t.type("docker run --rm alpine:3.8 readlink /bin/sed")).isEqualTo("/bin/busybox\n");
    assertThat(t.type("docker run --rm alpine:3.8 sed -n 's/^NAME=//p' /etc/os-release")).isEqualTo("\"Alpine Linux\"\n");
    t.type("docker pull busybox");
    assertThat(t.type("docker run --rm busybox sh -c 'echo hello | sed s/hello/bye/'")).isEqualTo("bye\n");
    assertThat(t.type("docker run --rm busybox rm /bin/sed; docker run --rm busybox busybox sed -n 1p /etc/passwd"))
        .startsWith("root:");
  }

  @Test
  void aDockerfileRunLineWithSedInPlaceCommitsTheEditedFileInItsLayer() {
    t.type("docker pull ubuntu:18.04");
    t.type("mkdir -p /root/app && cd /root/app");
    t.type("cat > Dockerfile <<'EOF'\nFROM ubuntu:18.04\n"
        + "RUN sed -i 's|http://archive.ubuntu.com|http://mirror.example.org|' /etc/apt/sources.list\nEOF");
    t.type("docker build -t mirrored .");
    assertThat(t.status).as(t.err).isZero();
    assertThat(t.out).contains("Step 2/2 : RUN sed -i 's|http://archive.ubuntu.com|http://mirror.example.org|' "
        + "/etc/apt/sources.list\n");
    String before = t.type("docker run --rm ubuntu:18.04 cat /etc/apt/sources.list");
    assertThat(before).contains("http://archive.ubuntu.com");
    assertThat(t.type("docker run --rm mirrored cat /etc/apt/sources.list"))
        .isEqualTo(before.replace("http://archive.ubuntu.com", "http://mirror.example.org"));
    List<Layer> layers = t.host.engine().layers(t.host.engine().image("mirrored"));
    String top = layers.get(layers.size() - 1).diffDir();
    assertThat(t.type("find " + top + " | sed 's|^" + top + "||' | sort")).isEqualTo("\n/etc\n/etc/apt\n/etc/apt/sources.list\n");
  }
}
