package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ls --layer N PATH}: inside a container, list one image layer by number, 0 at the bottom. */
class LsLayerTest {
  private final Terminal t = new Terminal();

  @Test
  void eachLayerHoldsOnlyWhatItsStepAdded() {
    t.type("docker pull ubuntu:18.04");
    t.type("docker run -it ubuntu:18.04 bash");
    assertThat(t.type("ls --layer 0 / | wc -l")).as("the bottom layer is a whole root filesystem").isEqualTo("19\n");
    assertThat(t.type("ls --layer 4 /")).as("the top layer only made /run/systemd/container").isEqualTo("run\n");
    assertThat(t.type("ls --layer 4 /run/systemd")).isEqualTo("container\n");
    assertThat(t.type("ls --layer 0 /run/systemd/container 2>&1"))
        .isEqualTo("ls: cannot access '/run/systemd/container': No such file or directory\n");
    // the merged view has what every layer added
    assertThat(t.type("ls /run/systemd")).isEqualTo("container\n");
  }

  @Test
  void aDeletionInTheContainerLeavesTheImageLayerAlone() {
    t.type("docker pull ubuntu:18.04");
    t.type("docker run -it ubuntu:18.04 bash");
    t.type("rm /etc/legal");
    assertThat(t.type("ls /etc/legal 2>&1")).contains("No such file or directory");
    assertThat(t.type("ls --layer 0 /etc/legal")).isEqualTo("/etc/legal\n");
  }

  @Test
  void badNumbersAndTheHostAreRefusedInLsWords() {
    t.type("docker pull ubuntu:18.04");
    assertThat(t.type("ls --layer 0 / 2>&1; echo $?"))
        .isEqualTo("ls: --layer: this machine has no image layers; use it inside a container\n2\n");
    t.type("docker run -it ubuntu:18.04 bash");
    assertThat(t.type("ls --layer 5 / 2>&1; echo $?"))
        .isEqualTo("ls: invalid layer number '5': the image has layers 0 to 4\n2\n");
  }
}
