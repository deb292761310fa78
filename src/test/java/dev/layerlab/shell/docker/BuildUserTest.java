package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.Engine;
import dev.layerlab.image.LayerEntry;
import dev.layerlab.image.VfsLayers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * USER in a build: every later RUN runs as that user in its intermediate container, resolved in
 * the image's own /etc/passwd and /etc/group as Docker 18.06 resolves it; what the command
 * creates belongs to the user in the committed layer, and what only root may do fails with the
 * program's own "Permission denied", which fails the build.
 */
class BuildUserTest {
  private final Terminal t = new Terminal();

  @BeforeEach
  void pullAndEnterProject() {
    t.type("docker pull ubuntu:18.04");
    t.type("mkdir -p /root/app && cd /root/app");
  }

  private void dockerfile(String text) {
    t.type("cat > Dockerfile <<'EOF'\n" + text + "EOF");
    assertThat(t.status).isZero();
  }

  /** The build's output between {@code  ---> Running in ...} and the removal of that container. */
  private String runOutput(int step) {
    String from = t.out.substring(t.out.indexOf("Step " + step + "/"));
    from = from.substring(from.indexOf('\n', from.indexOf("Running in")) + 1);
    int end = from.indexOf("Removing intermediate container");
    return end < 0 ? from : from.substring(0, end);
  }

  private List<LayerEntry> topLayer(String image) {
    Engine e = t.host.engine();
    var layers = e.layers(e.image(image));
    return VfsLayers.export(e.host().root(), layers.get(layers.size() - 1).diffDir()).entries();
  }

  private static String owner(List<LayerEntry> entries, String path) {
    LayerEntry e = entries.stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow();
    return e.uid() + ":" + e.gid();
  }

  @Test
  void aRunAfterUserNobodyRunsAsNobody() {
    dockerfile("FROM ubuntu:18.04\nUSER nobody\nRUN id && id -u && id -gn && echo $HOME\n");
    t.type("docker build -t nobody .");
    assertThat(t.err).isEmpty();
    assertThat(runOutput(3)).isEqualTo("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n65534\nnogroup\n"
        + "/nonexistent\n");
    // before USER, and in an image without one, RUN is root
    dockerfile("FROM ubuntu:18.04\nRUN id -u && echo $HOME\n");
    t.type("docker build .");
    assertThat(runOutput(2)).isEqualTo("0\n/root\n");
  }

  @Test
  void whatTheRunCreatesBelongsToTheUserInTheLayer() {
    dockerfile("FROM ubuntu:18.04\nUSER nobody\nRUN mkdir /tmp/d && echo hi > /tmp/d/f && ln -s f /tmp/d/l\n");
    t.type("docker build -t owned .");
    assertThat(t.status).isZero();
    List<LayerEntry> layer = topLayer("owned");
    assertThat(layer).extracting(LayerEntry::path).containsExactly("tmp", "tmp/d", "tmp/d/f", "tmp/d/l");
    assertThat(owner(layer, "tmp")).isEqualTo("0:0"); // copied up, keeps its owner
    assertThat(owner(layer, "tmp/d")).isEqualTo("65534:65534");
    assertThat(owner(layer, "tmp/d/f")).isEqualTo("65534:65534");
    assertThat(owner(layer, "tmp/d/l")).isEqualTo("65534:65534");
    assertThat(t.type("docker run --rm owned ls -l /tmp/d")).isEqualTo("""
        total 4
        -rw-r--r-- 1 nobody nogroup 3 Sep 20 10:10 f
        lrwxrwxrwx 1 nobody nogroup 1 Sep 20 10:10 l -> f
        """);
  }

  @Test
  void numericUsersAndExplicitGroups() {
    dockerfile("""
        FROM ubuntu:18.04
        USER 1000
        RUN id; touch /tmp/a
        USER 1000:1000
        RUN id; touch /tmp/b
        USER nobody:root
        RUN id; touch /tmp/c
        USER root
        RUN id; stat -c '%n %u:%g' /tmp/a /tmp/b /tmp/c
        """);
    t.type("docker build .");
    assertThat(t.err).isEmpty();
    assertThat(runOutput(3)).isEqualTo("uid=1000 gid=0(root) groups=0(root)\n");
    assertThat(runOutput(5)).isEqualTo("uid=1000 gid=1000 groups=1000\n");
    assertThat(runOutput(7)).isEqualTo("uid=65534(nobody) gid=0(root) groups=0(root)\n");
    assertThat(runOutput(9)).isEqualTo("uid=0(root) gid=0(root) groups=0(root)\n/tmp/a 1000:0\n/tmp/b 1000:1000\n"
        + "/tmp/c 65534:0\n");
  }

  @Test
  void aUserAddedByAnEarlierStepHasItsHomeAndSupplementaryGroups() {
    dockerfile("""
        FROM ubuntu:18.04
        RUN echo 'app:x:1001:1001::/home/app:/bin/sh' >> /etc/passwd && echo 'app:x:1001:' >> /etc/group \\
            && echo 'builders:x:2000:app,nobody' >> /etc/group && mkdir -p /home/app && chown app:app /home/app
        USER app
        WORKDIR /home/app
        RUN id && echo $HOME && touch mine && ls -l mine
        """);
    t.type("docker build .");
    assertThat(t.err).isEmpty();
    assertThat(runOutput(5)).isEqualTo("uid=1001(app) gid=1001(app) groups=1001(app),2000(builders)\n/home/app\n"
        + "-rw-r--r-- 1 app app 0 Sep 20 10:10 mine\n");
  }

  @Test
  void writingWhereOnlyRootMayFailsTheBuildWithTheProgramsOwnError() {
    dockerfile("FROM ubuntu:18.04\nUSER nobody\nRUN touch /etc/motd.d\n");
    t.type("docker build .");
    assertThat(t.status).isEqualTo(1);
    assertThat(runOutput(3)).isEqualTo("touch: cannot touch '/etc/motd.d': Permission denied\n");
    assertThat(t.err).isEqualTo("The command '/bin/sh -c touch /etc/motd.d' returned a non-zero code: 1\n");

    dockerfile("FROM ubuntu:18.04\nUSER nobody\nRUN echo secret > /root/note\n");
    t.type("docker build .");
    assertThat(t.status).isEqualTo(1);
    assertThat(runOutput(3)).endsWith("/root/note: Permission denied\n");
    assertThat(t.err).isEqualTo("The command '/bin/sh -c echo secret > /root/note' returned a non-zero code: 1\n");

    dockerfile("FROM ubuntu:18.04\nUSER nobody\nRUN ls /root\n");
    t.type("docker build .");
    assertThat(t.status).isEqualTo(2);
    assertThat(runOutput(3)).isEqualTo("ls: cannot open directory '/root': Permission denied\n");
  }

  @Test
  void theStickyTmpKeepsOtherUsersFilesAndTheLayerUnchanged() {
    dockerfile("FROM ubuntu:18.04\nRUN touch /tmp/roots\nUSER nobody\nRUN rm -f /tmp/roots || echo refused\n");
    t.type("docker build -t sticky .");
    assertThat(t.status).isZero();
    assertThat(runOutput(4)).isEqualTo("rm: cannot remove '/tmp/roots': Operation not permitted\nrefused\n");
    // the refused rm left no whiteout: the step changed nothing
    var history = t.host.engine().image("sticky").config().history();
    assertThat(history.get(history.size() - 1).emptyLayer()).isTrue();
    assertThat(t.type("docker run --rm sticky ls /tmp")).isEqualTo("roots\n");
  }

  @Test
  void anUnknownUserFailsTheFirstRunLikeDocker18AndKeepsItsContainer() {
    dockerfile("FROM ubuntu:18.04\nUSER bob\nCMD [\"true\"]\n");
    t.type("docker build -t nobob .");
    assertThat(t.status).as("USER alone is only config").isZero();
    dockerfile("FROM ubuntu:18.04\nUSER bob\nRUN true\n");
    t.type("docker build .");
    assertThat(t.status).isEqualTo(1);
    assertThat(t.err).isEqualTo("linux spec user: unable to find user bob: no matching entries in passwd file\n");
    String kept = t.out.substring(t.out.lastIndexOf("Running in ") + 11).strip();
    assertThat(t.type("docker ps -a --format '{{.ID}} {{.Status}}'")).isEqualTo(kept + " Created\n");
    dockerfile("FROM ubuntu:18.04\nUSER nobody:staff2\nRUN true\n");
    t.type("docker build --force-rm .");
    assertThat(t.err).isEqualTo("linux spec user: unable to find group staff2: no matching entries in group file\n");
    assertThat(t.type("docker ps -a -q")).isEqualTo(kept + "\n");
  }

  @Test
  void theBuiltImagesContainersRunAsItsUserToo() {
    dockerfile("FROM ubuntu:18.04\nUSER nobody\nCMD [\"id\"]\n");
    t.type("docker build -t nob .");
    assertThat(t.type("docker run --rm nob")).isEqualTo("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n");
    t.type("docker create --name kept nob");
    assertThat(t.type("docker inspect -f '{{.Config.User}}' kept")).isEqualTo("nobody\n");
    t.type("docker rm kept");
    t.type("docker run -d --name up nob sleep 1000");
    assertThat(t.type("docker exec up id -un")).isEqualTo("nobody\n");
    t.type("docker rm -f up");
    t.type("docker run --rm nob touch /etc/x");
    assertThat(t.status).isEqualTo(1);
    assertThat(t.err).isEqualTo("touch: cannot touch '/etc/x': Permission denied\n");
    t.type("docker run -it nob bash");
    assertThat(t.prompt()).matches("nobody@[0-9a-f]{12}:/\\$ ");
    assertThat(t.type("touch /tmp/mine && stat -c '%U:%G' /tmp/mine")).isEqualTo("nobody:nogroup\n");
    t.type("exit");
    assertThat(t.prompt()).isEqualTo("root@host:~/app# ");

    dockerfile("FROM ubuntu:18.04\nUSER bob\n");
    t.type("docker build -t bob .");
    t.type("docker run --rm bob true");
    assertThat(t.status).isEqualTo(125);
    assertThat(t.err).isEqualTo("docker: Error response from daemon: linux spec user: unable to find user bob: no "
        + "matching entries in passwd file.\nERRO[0000] error waiting for container: context canceled \n");
    t.type("docker create --name b bob true");
    t.type("docker start b");
    assertThat(t.status).isEqualTo(1);
    assertThat(t.err).isEqualTo("Error response from daemon: linux spec user: unable to find user bob: no matching "
        + "entries in passwd file\nError: failed to start containers: b\n");
    // the failed --rm container is gone; the session's and b stay
    assertThat(t.type("docker ps -a --format '{{.Names}} {{.Status}}'").lines())
        .hasSize(2).contains("b Created");
  }
}
