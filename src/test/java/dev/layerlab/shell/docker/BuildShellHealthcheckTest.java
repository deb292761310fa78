package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.image.Catalog;
import dev.layerlab.image.HistoryEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SHELL and HEALTHCHECK as Docker 18.06 keeps them: in the image's {@code config} and
 * {@code container_config} (where {@code docker inspect} finds them), and SHELL as the program
 * every later shell-form RUN, CMD and ENTRYPOINT runs in, the history text included.
 */
class BuildShellHealthcheckTest {
  private final Terminal t = new Terminal();
  private final String ubuntu = Catalog.builtIn().resolve("ubuntu:18.04").id().shortId();

  @BeforeEach
  void pullAndEnterProject() {
    t.type("docker pull ubuntu:18.04");
    t.type("mkdir -p /root/app && cd /root/app");
  }

  private void dockerfile(String text) {
    t.type("cat > Dockerfile <<'EOF'\n" + text + "EOF");
    assertThat(t.status).isZero();
  }

  private String build(String tag) {
    t.type("docker build -t " + tag + " .");
    assertThat(t.err).isEmpty();
    assertThat(t.status).isZero();
    return t.out;
  }

  private String inspect(String format, String image) {
    t.type("docker inspect -f '" + format + "' " + image);
    assertThat(t.err).isEmpty();
    return t.out;
  }

  private List<String> createdBy(String image, int last) {
    List<HistoryEntry> h = t.host.engine().image(image).config().history();
    return h.subList(h.size() - last, h.size()).stream().map(HistoryEntry::createdBy).toList();
  }

  @Test
  void healthcheckIsStoredWithItsDurationsInNanoseconds() {
    dockerfile("""
        FROM ubuntu:18.04
        HEALTHCHECK --interval=30s --timeout=5s --start-period=1m30s --retries=3 CMD curl -f http://localhost/ || exit 1
        """);
    build("web");
    String expected = "{\"Test\":[\"CMD-SHELL\",\"curl -f http://localhost/ || exit 1\"],\"Interval\":30000000000,"
        + "\"Timeout\":5000000000,\"StartPeriod\":90000000000,\"Retries\":3}\n";
    assertThat(inspect("{{json .Config.Healthcheck}}", "web")).isEqualTo(expected);
    assertThat(inspect("{{json .ContainerConfig.Healthcheck}}", "web")).isEqualTo(expected);
    // Go's struct order: the Healthcheck key sits between Cmd and Image
    assertThat(inspect("{{json .Config}}", "web")).contains("\"Cmd\":[\"/bin/bash\"],\"Healthcheck\":{\"Test\":")
        .contains("\"Retries\":3},\"ArgsEscaped\":true,\"Image\":\"sha256:");
    assertThat(createdBy("web", 1)).containsExactly("/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" "
        + "\"curl -f http://localhost/ || exit 1\"] \"30s\" \"5s\" \"1m30s\" '\\x03'}");
  }

  @Test
  void zeroSettingsAreLeftOutAndTheExecFormKeepsItsArguments() {
    dockerfile("FROM ubuntu:18.04\nHEALTHCHECK CMD [\"/usr/bin/check\", \"--quick\"]\n");
    build("checked");
    assertThat(inspect("{{json .Config.Healthcheck}}", "checked"))
        .isEqualTo("{\"Test\":[\"CMD\",\"/usr/bin/check\",\"--quick\"]}\n");
    assertThat(inspect("{{json .Config.Healthcheck}}", "ubuntu:18.04")).isEqualTo("null\n");
    assertThat(inspect("{{json .Config}}", "ubuntu:18.04")).doesNotContain("Healthcheck").doesNotContain("Shell");
  }

  @Test
  void aLaterHealthcheckOverridesWithANoteAndNoneDisablesIt() {
    dockerfile("FROM ubuntu:18.04\nHEALTHCHECK --retries=2 CMD true\n");
    build("base");
    dockerfile("FROM base\nHEALTHCHECK CMD false\nHEALTHCHECK NONE\nHEALTHCHECK CMD [\"/bin/true\"]\n");
    String out = BuildCommandTest.ids(build("child"), Map.of(ubuntu, "<ubuntu>"));
    assertThat(out).contains("""
        Step 2/4 : HEALTHCHECK CMD false
        Note: overriding previous HEALTHCHECK: [CMD-SHELL true]
         ---> Running in <2>
        """);
    assertThat(out).contains("Step 3/4 : HEALTHCHECK NONE\nNote: overriding previous HEALTHCHECK: [CMD-SHELL false]\n")
        .contains("Step 4/4 : HEALTHCHECK CMD [\"/bin/true\"]\n ---> Running in ");
    assertThat(out.lines().filter(l -> l.startsWith("Note:")).count()).isEqualTo(2);
    assertThat(inspect("{{json .Config.Healthcheck}}", "child")).isEqualTo("{\"Test\":[\"CMD\",\"/bin/true\"]}\n");
    dockerfile("FROM base\nHEALTHCHECK NONE\n");
    build("quiet");
    assertThat(inspect("{{json .Config.Healthcheck}}", "quiet")).isEqualTo("{\"Test\":[\"NONE\"]}\n");
    assertThat(createdBy("quiet", 1))
        .containsExactly("/bin/sh -c #(nop)  HEALTHCHECK &{[\"NONE\"] \"0s\" \"0s\" \"0s\" '\\x00'}");
  }

  @Test
  void shellIsStoredAndLaterShellFormInstructionsRunInIt() {
    dockerfile("""
        FROM ubuntu:18.04
        RUN echo plain
        SHELL ["/bin/echo", "said:"]
        RUN hello world
        CMD python app.py
        ENTRYPOINT exec server
        """);
    String out = BuildCommandTest.ids(build("echoed"), Map.of(ubuntu, "<ubuntu>"));
    assertThat(out).isEqualTo("""
        Sending build context to Docker daemon  2.048kB
        Step 1/6 : FROM ubuntu:18.04
         ---> <ubuntu>
        Step 2/6 : RUN echo plain
         ---> Running in <1>
        plain
        Removing intermediate container <1>
         ---> <2>
        Step 3/6 : SHELL ["/bin/echo", "said:"]
         ---> Running in <3>
        Removing intermediate container <3>
         ---> <4>
        Step 4/6 : RUN hello world
         ---> Running in <5>
        said: hello world
        Removing intermediate container <5>
         ---> <6>
        Step 5/6 : CMD python app.py
         ---> Running in <7>
        Removing intermediate container <7>
         ---> <8>
        Step 6/6 : ENTRYPOINT exec server
         ---> Running in <9>
        Removing intermediate container <9>
         ---> <10>
        Successfully built <10>
        Successfully tagged echoed:latest
        """);
    assertThat(createdBy("echoed", 5)).containsExactly(
        "/bin/sh -c echo plain",
        "/bin/echo said: #(nop)  SHELL [/bin/echo said:]",
        "/bin/echo said: hello world",
        "/bin/echo said: #(nop)  CMD [\"/bin/echo\" \"said:\" \"python app.py\"]",
        "/bin/echo said: #(nop)  ENTRYPOINT [\"/bin/echo\" \"said:\" \"exec server\"]");
    assertThat(inspect("{{.Config.Shell}}", "echoed")).isEqualTo("[/bin/echo said:]\n");
    assertThat(inspect("{{json .ContainerConfig.Shell}}", "echoed")).isEqualTo("[\"/bin/echo\",\"said:\"]\n");
    assertThat(inspect("{{json .Config}}", "echoed")).endsWith(",\"Labels\":null,\"Shell\":[\"/bin/echo\",\"said:\"]}\n");
    assertThat(inspect("{{json .Config.Cmd}}", "echoed")).isEqualTo("[\"/bin/echo\",\"said:\",\"python app.py\"]\n");
    // a shell-form ENTRYPOINT after CMD keeps the CMD, which becomes more arguments of the shell
    assertThat(t.type("docker run --rm echoed")).isEqualTo("said: exec server /bin/echo said: python app.py\n");
  }

  @Test
  void anImageBuiltFromOneWithAShellInheritsIt() {
    dockerfile("FROM ubuntu:18.04\nSHELL [\"/bin/bash\", \"-c\"]\n");
    build("bashy");
    dockerfile("FROM bashy\nRUN echo hi > /greeting\n");
    build("child");
    assertThat(createdBy("child", 1)).containsExactly("/bin/bash -c echo hi > /greeting");
    assertThat(inspect("{{json .ContainerConfig.Cmd}}", "child"))
        .isEqualTo("[\"/bin/bash\",\"-c\",\"echo hi \\u003e /greeting\"]\n");
    assertThat(t.type("docker run --rm child cat /greeting")).isEqualTo("hi\n");
    assertThat(inspect("{{.Config.Shell}}", "child")).isEqualTo("[/bin/bash -c]\n");
  }

  @Test
  void aShellThatIsNotInTheImageFailsTheNextRunLikeRunc() {
    dockerfile("FROM ubuntu:18.04\nSHELL [\"/bin/zsh\", \"-c\"]\nRUN true\n");
    t.type("docker build .");
    assertThat(t.status).isNotZero();
    assertThat(t.err).isEqualTo("OCI runtime create failed: container_linux.go:348: starting container process "
        + "caused \"exec: \\\"/bin/zsh\\\": stat /bin/zsh: no such file or directory\": unknown\n");
  }

  @Test
  void aRebuildTakesShellAndHealthcheckFromTheCache() {
    dockerfile("FROM ubuntu:18.04\nSHELL [\"/bin/echo\"]\nHEALTHCHECK CMD ok\nRUN first\n");
    String first = build("cached");
    dockerfile("FROM ubuntu:18.04\nSHELL [\"/bin/echo\"]\nHEALTHCHECK CMD ok\nRUN first\nRUN second\n");
    String out = build("cached");
    assertThat(out).contains("Step 4/5 : RUN first\n ---> Using cache\n").contains("Step 5/5 : RUN second\n ---> Running in ")
        .contains("\nsecond\n");
    assertThat(first).contains("\nfirst\n");
    assertThat(createdBy("cached", 1)).containsExactly("/bin/echo second");
    assertThat(inspect("{{json .Config.Healthcheck}}", "cached")).isEqualTo("{\"Test\":[\"CMD-SHELL\",\"ok\"]}\n");
  }

  @Test
  void aCommittedContainerKeepsItsImagesHealthcheckButNotItsShell() {
    dockerfile("FROM ubuntu:18.04\nSHELL [\"/bin/bash\", \"-c\"]\nHEALTHCHECK --retries=5 CMD true\n");
    build("base");
    t.type("docker run --name c base touch /made");
    assertThat(inspect("{{json .Config.Healthcheck}}", "c")).isEqualTo("{\"Test\":[\"CMD-SHELL\",\"true\"],"
        + "\"Retries\":5}\n");
    assertThat(inspect("{{json .Config.User}}", "c")).isEqualTo("\"\"\n");
    t.type("docker commit c committed");
    assertThat(t.status).isZero();
    assertThat(inspect("{{json .Config.Healthcheck}}", "committed")).isEqualTo("{\"Test\":[\"CMD-SHELL\",\"true\"],"
        + "\"Retries\":5}\n");
    // the daemon's config merge copies HEALTHCHECK from the image into the container, SHELL it does not
    assertThat(inspect("{{json .Config.Shell}}", "committed")).isEqualTo("null\n");
  }
}
