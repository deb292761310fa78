package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.Container;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stepping into containers and back: run -it, exec -it, start -ai, and what completion offers. */
class SessionTest {
  private final Terminal t = new Terminal();

  @BeforeEach
  void pull() {
    t.type("docker pull ubuntu:18.04");
  }

  @Test
  void runItRmLeavesNoContainerAfterExit() {
    t.type("docker run -it --rm -w /tmp -e WHO=learner ubuntu:18.04 bash");
    Container c = t.host.engine().containers().get(0);
    assertThat(t.prompt()).isEqualTo("root@" + c.shortId() + ":/tmp# ");
    assertThat(t.type("echo $WHO $HOSTNAME $PATH")).isEqualTo("learner " + c.shortId()
        + " /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
    assertThat(t.type("mount | head -1")).startsWith("overlay on / type overlay (rw,relatime,lowerdir=");
    assertThat(t.type("cat /proc/mounts | head -1")).startsWith("overlay / overlay rw,relatime,lowerdir=");
    assertThat(t.type("ls -a / | grep dockerenv")).isEqualTo(".dockerenv\n");
    assertThat(t.type("which docker")).isEmpty();
    t.type("exit 3");
    assertThat(t.status).isEqualTo(3);
    assertThat(t.prompt()).isEqualTo("root@host:~# ");
    assertThat(t.host.engine().containers()).isEmpty();
  }

  @Test
  void deletingABinaryInsideTheContainerBreaksThatCommandThere() {
    t.type("docker run -it ubuntu:18.04");
    t.type("rm /bin/ls");
    t.type("ls /");
    assertThat(t.status).isEqualTo(127);
    assertThat(t.err).contains("ls: command not found");
    t.type("exit");
    assertThat(t.type("ls / | head -1")).isEqualTo("bin\n");
  }

  @Test
  void execItEntersARunningContainerAndExitLeavesItRunning() {
    t.type("docker run -d --name web ubuntu:18.04 sleep 1000");
    Container c = t.host.engine().container("web");
    t.type("docker exec -it web bash");
    assertThat(t.prompt()).isEqualTo("root@" + c.shortId() + ":/# ");
    t.type("touch /made-by-exec");
    t.type("exit");
    assertThat(t.prompt()).isEqualTo("root@host:~# ");
    assertThat(c.isRunning()).isTrue();
    assertThat(t.type("docker diff web")).isEqualTo("A /made-by-exec\n");
  }

  @Test
  void startAiReentersAStoppedShellContainerWithItsLayer() {
    t.type("docker run -it --name keep ubuntu:18.04 bash");
    t.type("echo kept > /root/file");
    t.type("exit");
    assertThat(t.type("docker ps -a --format '{{.Names}} {{.Status}}'")).isEqualTo("keep Exited (0) Less than a second ago\n");
    t.type("docker start -ai keep");
    assertThat(t.type("cat /root/file")).isEqualTo("kept\n");
    t.type("exit");
    assertThat(t.prompt()).isEqualTo("root@host:~# ");
  }

  @Test
  void busyboxImagesRunTheirAppletsThroughTheMultiCallBinary() {
    assertThat(t.type("docker run --rm alpine:3.8 cat /etc/alpine-release")).startsWith("3.8");
    assertThat(t.err).doesNotContain("Exec format error");
    t.type("docker run -it busybox");
    assertThat(t.type("ls /bin | grep -c ''")).matches("[0-9]{3}\n");
    t.type("exit");
    assertThat(t.prompt()).isEqualTo("root@host:~# ");
  }

  @Test
  void completionKnowsSubcommandsImagesAndContainers() {
    t.type("docker run -d --name web ubuntu:18.04 sleep 1000");
    assertThat(t.host.shell().complete(java.util.List.of("docker"), "im")).containsExactly("image", "images");
    assertThat(t.host.shell().complete(java.util.List.of("docker", "run"), "ub")).containsExactly("ubuntu:18.04");
    assertThat(t.host.shell().complete(java.util.List.of("docker", "exec"), "w")).containsExactly("web");
  }

  @Test
  void infoNamesTheOverlay2Driver() {
    assertThat(t.type("docker info")).contains("Storage Driver: overlay2\n Backing Filesystem: extfs\n"
        + " Supports d_type: true\n Native Overlay Diff: true\n").contains("Docker Root Dir: /var/lib/docker\n");
  }
}
