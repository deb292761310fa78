package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed article's experiment, typed at the layerlab prompt: pull ubuntu:18.04, walk
 * /var/lib/docker, run a container, change and delete files in it, and find the copied-up files
 * and the whiteout in its upper dir from the host.
 */
class ArticleExperimentTest {
  private final Terminal t = new Terminal();

  @Test
  void theWholeExperiment() {
    String pull = t.type("docker pull ubuntu:18.04");
    assertThat(pull).startsWith("18.04: Pulling from library/ubuntu\n")
        .endsWith("Status: Downloaded newer image for ubuntu:18.04\n");
    assertThat(pull.lines().filter(l -> l.endsWith(": Pull complete"))).hasSize(5);

    assertThat(t.type("ls /var/lib/docker/overlay2 | wc -l")).isEqualTo("6\n");
    List<Layer> layers = t.host.engine().layers(t.host.engine().image("ubuntu:18.04"));
    String bottom = layers.get(0).diffDir();
    assertThat(t.type("ls " + bottom.replace("/diff", "") + " | cat")).isEqualTo("diff\nlink\n");
    assertThat(t.type("ls " + layers.get(1).diffDir().replace("/diff", "") + " | cat")).isEqualTo("diff\nlink\nlower\nwork\n");
    assertThat(t.type("ls " + bottom + " | cat")).contains("bin\n", "etc\n", "usr\n");

    t.type("echo 'created in the image layer' > " + bottom + "/tmp/thisIsAFileCreateImageLayer");
    assertThat(t.err).isEmpty();

    t.type("docker run -it ubuntu:18.04 bash");
    assertThat(t.err).isEmpty();
    Container c = t.host.engine().containers().get(0);
    assertThat(t.prompt()).isEqualTo("root@" + c.shortId() + ":/# ");
    assertThat(t.type("hostname")).isEqualTo(c.shortId() + "\n");
    assertThat(t.type("ls /tmp | cat")).isEqualTo("thisIsAFileCreateImageLayer\n");
    assertThat(t.type("cat /etc/os-release | grep VERSION_ID")).isEqualTo("VERSION_ID=\"18.04\"\n");
    t.type("rm /tmp/thisIsAFileCreateImageLayer");
    assertThat(t.err).isEmpty();
    t.type("echo hello >> /etc/issue.net");
    assertThat(t.type("ls /tmp | cat")).isEmpty();
    assertThat(t.type("find / -type c -name 'this*'")).isEmpty();
    t.type("exit");
    assertThat(t.prompt()).isEqualTo("root@host:~# ");

    assertThat(t.type("docker ps -a --format '{{.Names}} {{.Status}}'"))
        .isEqualTo(c.name() + " Exited (0) Less than a second ago\n");
    String upper = "/var/lib/docker/overlay2/" + c.mountId() + "/diff";
    assertThat(t.type("find /var/lib/docker/overlay2 -type c | grep -v /var/lib/apt/lists/"))
        .isEqualTo(upper + "/tmp/thisIsAFileCreateImageLayer\n");
    assertThat(t.type("ls -l " + upper + "/tmp")).contains("c--------- 1 root root 0, 0 ")
        .endsWith(" thisIsAFileCreateImageLayer\n");
    assertThat(t.type("cat " + bottom + "/tmp/thisIsAFileCreateImageLayer")).isEqualTo("created in the image layer\n");
    assertThat(t.type("cat " + upper + "/etc/issue.net")).isEqualTo("Ubuntu 18.04.1 LTS\nhello\n");
    assertThat(t.type("docker diff " + c.name())).isEqualTo(
        "C /etc\nC /etc/issue.net\nC /tmp\nD /tmp/thisIsAFileCreateImageLayer\n");
    t.type("docker rm " + c.name());
    assertThat(t.out).isEqualTo(c.name() + "\n");
    assertThat(t.type("ls /var/lib/docker/overlay2 | wc -l")).isEqualTo("6\n");
    assertThat(t.type("cat " + bottom + "/tmp/thisIsAFileCreateImageLayer")).isEqualTo("created in the image layer\n");
  }

  @Test
  void aRunningContainersMergedDirIsMountedOnTheHost() {
    t.type("docker pull ubuntu:18.04");
    t.type("docker run -d --name web ubuntu:18.04 sleep 1000");
    Container c = t.host.engine().container("web");
    assertThat(t.out).isEqualTo(c.id() + "\n");
    String merged = "/var/lib/docker/overlay2/" + c.mountId() + "/merged";
    assertThat(t.type("ls " + merged + " | cat")).contains("bin\n", "etc\n", "tmp\n");
    assertThat(t.type("mount | grep overlay")).startsWith("overlay on " + merged
        + " type overlay (rw,relatime,lowerdir=/var/lib/docker/overlay2/l/");
    t.type("docker exec web sh -c 'echo inside > /root/note'");
    assertThat(t.type("cat /var/lib/docker/overlay2/" + c.mountId() + "/diff/root/note")).isEqualTo("inside\n");
    t.type("docker stop web");
    assertThat(t.out).isEqualTo("web\n");
    assertThat(t.type("ls /var/lib/docker/overlay2/" + c.mountId() + " | cat")).isEqualTo("diff\nlink\nlower\nwork\n");
    assertThat(t.type("mount | grep -c overlay")).isEqualTo("0\n");
  }
}
