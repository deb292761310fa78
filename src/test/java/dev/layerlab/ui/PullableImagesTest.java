package dev.layerlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tab where docker pull, run or create takes an image offers the names the offline registry serves. */
class PullableImagesTest {

  @Test
  void tabAfterDockerPullCompletesANameTheRegistryServes() {
    String screen = Transcript.repl().run("docker pull hello\t\n").text();
    assertThat(screen).startsWith("root@host:~# docker pull hello-world\nUsing default tag: latest\n"
        + "latest: Pulling from library/hello-world\n");
  }

  @Test
  void tabListsTheRegistrysImagesWhereverDockerTakesAnImageToPull() {
    for (String typed : List.of("docker pull ", "docker image pull ", "docker run -it --rm ",
        "docker container create --name web -e A=1 ", "docker run -w=/tmp -de A=1 ", "docker create -- ")) {
      String shown = Transcript.repl().shell(ScriptedShell::new).run(typed + "\t\u0003").raw();
      assertThat(shown).as(typed).contains("ubuntu:18.04", "alpine:3.8", "busybox", "hello-world", "debian:stretch",
          "layerlab/hello");
    }
  }

  @Test
  void onlyNamesStartingWithTheWordAreListed() {
    String shown = Transcript.repl().shell(ScriptedShell::new).run("docker run ubuntu:1\t\u0003").raw();
    assertThat(shown).contains("6.04", "8.04").doesNotContain("ubuntu:22.04", "alpine", "busybox");
  }

  @Test
  void noImageNamesOnceTheImageIsGivenOrWhereAnOptionsValueGoes() {
    for (String typed : List.of("docker run busybox hel", "docker run -it busybox hel", "docker run --name hel",
        "docker create -e hel", "docker run -ite hel", "docker pull busybox hel", "docker history hel",
        "docker image ls hel", "docker container pull hel")) {
      ScriptedShell shell = new ScriptedShell();
      Transcript.repl().shell(() -> shell).run(typed + "\t\n");
      assertThat(shell.lines).as(typed).containsExactly(typed);
    }
  }

  @Test
  void theShellsLocalImagesStayOfferedAndPathsAreNot() {
    ScriptedShell shell = new ScriptedShell(List.of("docker"),
        Map.of("my", List.of("myapp:latest"), "Do", List.of("Dockerfile")));
    Transcript.repl().shell(() -> shell).run("docker run my\t\ndocker pull Do\t\n");
    assertThat(shell.lines).containsExactly("docker run myapp:latest ", "docker pull Do");
  }

  @Test
  void noRegistryNamesWhereTheMachineHasNoDocker() {
    // inside a container after docker run -it: no docker command there
    ScriptedShell shell = new ScriptedShell(List.of("ls", "cat"), Map.of());
    Transcript.repl().shell(() -> shell).run("docker pull hello\t\n");
    assertThat(shell.lines).containsExactly("docker pull hello");
  }
}
