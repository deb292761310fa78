package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The classic builder's intermediate containers: {@code --rm} (the default) removes each step's
 * container once the step succeeded, {@code --rm=false} keeps them all for {@code docker ps -a},
 * {@code --force-rm} removes them even when the step failed.
 */
class BuildIntermediateContainersTest {
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

  private static List<String> after(String marker, String out) {
    Matcher m = Pattern.compile(Pattern.quote(marker) + "([0-9a-f]{12})\n").matcher(out);
    List<String> ids = new java.util.ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private List<String> allContainers() {
    return t.type("docker ps -a -q").lines().toList();
  }

  private static final String OK = "FROM ubuntu:18.04\nRUN echo hi > /x\nWORKDIR /srv\nCMD [\"cat\", \"/x\"]\n";

  @Test
  void byDefaultEveryIntermediateContainerIsRemovedRightAfterItsStep() {
    dockerfile(OK);
    t.type("docker build -t app .");
    List<String> ran = after(" ---> Running in ", t.out);
    assertThat(ran).hasSize(3);
    assertThat(after("Removing intermediate container ", t.out)).isEqualTo(ran);
    for (String id : ran) {
      assertThat(t.out).contains(" ---> Running in " + id + "\n");
      // 18.x order: the removal comes before the step's new image ID
      assertThat(t.out).containsPattern("Removing intermediate container " + id + "\n ---> [0-9a-f]{12}\n");
    }
    assertThat(allContainers()).isEmpty();
    t.type("docker build --rm=true -t app2 --no-cache .");
    assertThat(after("Removing intermediate container ", t.out)).hasSize(3);
    assertThat(allContainers()).isEmpty();
  }

  @Test
  void rmFalseKeepsTheContainersAndDockerPsShowsThem() {
    dockerfile(OK);
    t.type("docker build --rm=false -t app .");
    assertThat(t.status).isZero();
    assertThat(t.out).doesNotContain("Removing intermediate container");
    List<String> ran = after(" ---> Running in ", t.out);
    assertThat(ran).hasSize(3);
    assertThat(allContainers()).containsExactlyInAnyOrderElementsOf(ran);
    // the RUN container ran and exited; the others were only created to be committed
    assertThat(t.type("docker ps -a --format '{{.ID}} {{.Status}}'").lines())
        .contains(ran.get(0) + " Exited (0) Less than a second ago", ran.get(1) + " Created", ran.get(2) + " Created");
    String ubuntu = t.type("docker images -q ubuntu:18.04").strip();
    assertThat(t.type("docker ps -a")).containsPattern(ran.get(0) + " +" + ubuntu + " +\"/bin/sh -c echo hi …\"");
    // the RUN container's upper dir is the layer the step committed
    assertThat(t.type("docker diff " + ran.get(0))).isEqualTo("A /x\n");
    t.type("docker rm " + String.join(" ", ran));
    assertThat(t.status).isZero();
    assertThat(t.type("docker run --rm app")).isEqualTo("hi\n");
  }

  @Test
  void aFailedStepKeepsOnlyItsOwnContainerByDefault() {
    dockerfile("FROM ubuntu:18.04\nRUN echo one > /x\nRUN false\n");
    t.type("docker build .");
    assertThat(t.status).isEqualTo(1);
    List<String> ran = after(" ---> Running in ", t.out);
    assertThat(ran).hasSize(2);
    assertThat(after("Removing intermediate container ", t.out)).containsExactly(ran.get(0));
    assertThat(allContainers()).containsExactly(ran.get(1));
    assertThat(t.type("docker ps -a --format '{{.Status}}'")).isEqualTo("Exited (1) Less than a second ago\n");
  }

  @Test
  void forceRmRemovesTheFailedStepsContainerToo() {
    dockerfile("FROM ubuntu:18.04\nRUN echo one > /x\nRUN false\n");
    t.type("docker build --force-rm .");
    assertThat(t.status).isEqualTo(1);
    assertThat(t.err).isEqualTo("The command '/bin/sh -c false' returned a non-zero code: 1\n");
    List<String> ran = after(" ---> Running in ", t.out);
    assertThat(ran).hasSize(2);
    assertThat(t.out).endsWith("Step 3/3 : RUN false\n ---> Running in " + ran.get(1) + "\nRemoving intermediate container "
        + ran.get(1) + "\n");
    assertThat(allContainers()).isEmpty();
    // --force-rm wins over --rm=false
    t.type("docker build --rm=false --force-rm .");
    assertThat(t.status).isEqualTo(1);
    assertThat(after("Removing intermediate container ", t.out)).hasSize(1);
    assertThat(allContainers()).isEmpty();
  }

  @Test
  void aRunnerThatCannotStartIsKeptUnlessForced() {
    dockerfile("FROM ubuntu:18.04\nSHELL [\"/no/shell\"]\nRUN x\n");
    t.type("docker build --rm=false .");
    assertThat(t.status).isNotZero();
    assertThat(allContainers()).hasSize(2);
    t.type("docker rm " + String.join(" ", allContainers()));
    t.type("docker build --force-rm .");
    assertThat(t.status).isNotZero();
    assertThat(t.err).contains("stat /no/shell: no such file or directory");
    assertThat(allContainers()).isEmpty();
  }

  @Test
  void aValueThatIsNotABooleanIsRefusedBeforeBuilding() {
    dockerfile(OK);
    t.type("docker build --rm=maybe .");
    assertThat(t.status).isEqualTo(125);
    assertThat(t.out).isEmpty();
    assertThat(t.err).isEqualTo("invalid argument \"maybe\" for \"--rm\" flag: strconv.ParseBool: parsing \"maybe\": "
        + "invalid syntax\nSee 'docker build --help'.\n");
    t.type("docker build --rm=0 -q .");
    assertThat(t.status).isZero();
    assertThat(allContainers()).hasSize(3);
  }
}
