package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.Container;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Golden outputs and errors of the container commands. */
class DockerContainerCommandsTest {
  private final Terminal t = new Terminal();

  @BeforeEach
  void pull() {
    t.type("docker pull ubuntu:18.04");
  }

  @Test
  void psTableOfARunningContainer() {
    t.type("docker run -d --name web ubuntu:18.04 sleep 1000");
    Container c = t.host.engine().container("web");
    t.clock.advance(Duration.ofMinutes(5));
    assertThat(t.type("docker ps")).isEqualTo(
        "CONTAINER ID        IMAGE               COMMAND             CREATED             STATUS              PORTS"
            + "               NAMES\n"
            + c.shortId() + "        ubuntu:18.04        \"sleep 1000\"        5 minutes ago       Up 5 minutes"
            + "                            web\n");
    assertThat(t.type("docker ps -q")).isEqualTo(c.shortId() + "\n");
    assertThat(t.type("docker ps --format 'table {{.ID}}\\t{{.Names}}'")).isEqualTo(
        "CONTAINER ID        NAMES\n" + c.shortId() + "        web\n");
    assertThat(t.type("docker top web")).isEqualTo(
        "UID                 PID                 PPID                C                   STIME               TTY"
            + "                 TIME                CMD\n"
            + "root                " + c.pid() + "                " + (c.pid() - 18)
            + "                0                   10:10               ?                   00:00:00            sleep 1000\n");
    t.type("docker rm web");
    assertThat(t.err).isEqualTo("Error response from daemon: You cannot remove a running container " + c.id()
        + ". Stop the container before attempting removal or force remove\n");
    assertThat(t.type("docker rm -f web")).isEqualTo("web\n");
    assertThat(t.type("docker ps -a")).isEqualTo(
        "CONTAINER ID        IMAGE               COMMAND             CREATED             STATUS              PORTS"
            + "               NAMES\n");
  }

  @Test
  void aOneShotCommandPrintsItsOutputAndExits() {
    String out = t.type("docker run ubuntu:18.04 cat /etc/hostname");
    Container c = t.host.engine().containers().get(0);
    assertThat(out).isEqualTo(c.shortId() + "\n");
    assertThat(t.type("docker logs " + c.name())).isEqualTo(c.shortId() + "\n");
    t.clock.advance(Duration.ofSeconds(3));
    assertThat(t.type("docker ps -a --format '{{.Command}} {{.Status}}'"))
        .isEqualTo("\"cat /etc/hostname\" Exited (0) 3 seconds ago\n");
    t.type("docker run --rm ubuntu:18.04 ls /nonexistent");
    assertThat(t.status).isEqualTo(2);
    assertThat(t.err).isEqualTo("ls: cannot access '/nonexistent': No such file or directory\n");
    assertThat(t.host.engine().containers()).hasSize(1);
  }

  @Test
  void createThenStartAttached() {
    String id = t.type("docker create --name box -e GREETING=hi ubuntu:18.04 sh -c 'echo $GREETING from $HOSTNAME'");
    assertThat(id).matches("[0-9a-f]{64}\n");
    assertThat(t.type("docker ps -a --format '{{.Names}} {{.Status}}'")).isEqualTo("box Created\n");
    assertThat(t.type("docker start -a box")).isEqualTo("hi from " + id.substring(0, 12) + "\n");
    assertThat(t.type("docker start box")).isEqualTo("box\n");
    assertThat(t.type("docker logs box")).isEqualTo("hi from " + id.substring(0, 12) + "\nhi from " + id.substring(0, 12)
        + "\n");
  }

  @Test
  void runErrorsAreDockers() {
    t.type("docker run nosuchimage");
    assertThat(t.err).isEqualTo("Unable to find image 'nosuchimage:latest' locally\n"
        + "docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may "
        + "require 'docker login'.\nSee 'docker run --help'.\n");
    assertThat(t.status).isEqualTo(125);
    t.type("docker run ubuntu:18.04 frobnicate");
    assertThat(t.err).startsWith("docker: Error response from daemon: OCI runtime create failed: container_linux.go:348: "
        + "starting container process caused \"exec: \\\"frobnicate\\\": executable file not found in $PATH\": unknown.\n");
    assertThat(t.status).isEqualTo(127);
    t.type("docker run --name dup -d ubuntu:18.04 sleep 9");
    Container dup = t.host.engine().container("dup");
    t.type("docker run --name dup ubuntu:18.04 true");
    assertThat(t.err).isEqualTo("docker: Error response from daemon: Conflict. The container name \"/dup\" is already in use "
        + "by container \"" + dup.id() + "\". You have to remove (or rename) that container to be able to reuse that "
        + "name..\nSee 'docker run --help'.\n");
    t.type("docker exec nosuch ls");
    assertThat(t.err).isEqualTo("Error response from daemon: No such container: nosuch\n");
    t.type("docker stop dup");
    t.type("docker exec dup ls");
    assertThat(t.err).isEqualTo("Error response from daemon: Container " + dup.id() + " is not running\n");
  }

  @Test
  void runMissingImagePullsItOnStderrFirst() {
    t.type("docker run --rm alpine:3.8 true");
    assertThat(t.err).startsWith("Unable to find image 'alpine:3.8' locally\n3.8: Pulling from library/alpine\n")
        .endsWith("Status: Downloaded newer image for alpine:3.8\n");
  }

  @Test
  void commitMakesAnImageWithTheContainersChange() {
    t.type("docker run --name work ubuntu:18.04 touch /root/made-here");
    String id = t.type("docker commit -m 'add a file' work mine:v1");
    assertThat(id).matches("sha256:[0-9a-f]{64}\n");
    assertThat(t.type("docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}'"))
        .startsWith("mine:v1 " + id.substring(7, 19) + "\n");
    String history = t.type("docker history mine:v1");
    assertThat(history.lines().skip(1).findFirst().orElseThrow()).startsWith(id.substring(7, 19)
        + "        Less than a second ago   touch /root/made-here").endsWith("add a file");
    assertThat(history.lines().skip(2).findFirst().orElseThrow()).startsWith(
        t.host.engine().image("ubuntu:18.04").shortId());
    t.type("docker rmi ubuntu:18.04");
    assertThat(t.err).isEqualTo("Error response from daemon: conflict: unable to remove repository reference "
        + "\"ubuntu:18.04\" (must force) - container " + t.host.engine().container("work").shortId()
        + " is using its referenced image " + t.host.engine().image("ubuntu:18.04").shortId() + "\n");
  }

  @Test
  void diffOfAFreshContainerIsEmptyAndPruneRemovesStoppedOnes() {
    t.type("docker run --name a ubuntu:18.04 true");
    assertThat(t.type("docker diff a")).isEmpty();
    Container a = t.host.engine().container("a");
    assertThat(t.type("docker container prune -f")).isEqualTo("Deleted Containers:\n" + a.id()
        + "\n\nTotal reclaimed space: 0B\n");
    assertThat(t.type("docker container prune", "n\n")).isEqualTo(
        "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
  }

  @Test
  void cpCopiesBothWays() {
    t.type("docker run -d --name box ubuntu:18.04 sleep 100");
    t.type("echo from-host > /root/f.txt");
    t.type("docker cp /root/f.txt box:/tmp/");
    assertThat(t.err).isEmpty();
    assertThat(t.type("docker exec box cat /tmp/f.txt")).isEqualTo("from-host\n");
    t.type("docker cp box:/etc/lsb-release /root/lsb");
    assertThat(t.type("grep RELEASE /root/lsb")).isEqualTo("DISTRIB_RELEASE=18.04\n");
    t.type("docker cp box:/etc/os-release /root/osr");
    assertThat(t.type("readlink /root/osr")).isEqualTo("../usr/lib/os-release\n");
    t.type("docker cp -L box:/etc/os-release /root/osr2");
    assertThat(t.type("grep VERSION_ID /root/osr2")).isEqualTo("VERSION_ID=\"18.04\"\n");
    Container box = t.host.engine().container("box");
    assertThat(t.type("ls /var/lib/docker/overlay2/" + box.mountId() + "/diff/tmp | cat")).isEqualTo("f.txt\n");
  }

  @Test
  void inspectOfAContainerShowsItsLayers() {
    t.type("docker run -d --name web ubuntu:18.04 sleep 100");
    Container c = t.host.engine().container("web");
    String dir = "/var/lib/docker/overlay2/" + c.mountId();
    assertThat(t.type("docker inspect -f '{{.GraphDriver.Data.UpperDir}} {{.State.Status}} {{.Name}}' web"))
        .isEqualTo(dir + "/diff running /web\n");
    assertThat(t.type("docker inspect -f '{{.GraphDriver.Data.LowerDir}}' web"))
        .startsWith(dir + "-init/diff:/var/lib/docker/overlay2/");
    assertThat(t.out.trim().split(":")).hasSize(6);
    assertThat(t.type("docker container inspect web")).contains("\"MergedDir\": \"" + dir + "/merged\",");
  }
}
