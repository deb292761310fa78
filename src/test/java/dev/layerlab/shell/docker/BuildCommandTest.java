package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.Engine;
import dev.layerlab.engine.ImageRecord;
import dev.layerlab.image.Catalog;
import dev.layerlab.image.HistoryEntry;
import dev.layerlab.image.LayerEntry;
import dev.layerlab.image.VfsLayers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Golden builds: Dockerfiles typed into the REPL and built with {@code docker build}, output as Docker 18.06 prints it. */
class BuildCommandTest {
  private final Terminal t = new Terminal();
  private final String ubuntu = Catalog.builtIn().resolve("ubuntu:18.04").id().shortId();

  @BeforeEach
  void pullAndEnterProject() {
    t.type("docker pull ubuntu:18.04");
    t.type("mkdir -p /root/app && cd /root/app");
  }

  /** Writes a file the way a learner does, with a here-document. */
  private void write(String name, String text) {
    t.type("cat > " + name + " <<'EOF'\n" + text + "EOF");
    assertThat(t.status).isZero();
  }

  /**
   * Replaces 12-hex IDs by {@code <1>}, {@code <2>}... in order of first appearance, so that a
   * golden says which IDs are the same without fixing values that depend on the seed.
   */
  static String ids(String out, Map<String, String> known) {
    Map<String, String> seen = new LinkedHashMap<>(known);
    Matcher m = Pattern.compile("\\b[0-9a-f]{12}\\b").matcher(out);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String id = m.group();
      String name = seen.computeIfAbsent(id, k -> "<" + (seen.size() - known.size() + 1) + ">");
      m.appendReplacement(b, Matcher.quoteReplacement(name));
    }
    m.appendTail(b);
    return b.toString();
  }

  private List<HistoryEntry> history(String ref) {
    return t.host.engine().image(ref).config().history();
  }

  @Test
  void theArticlesBuildPrintsEveryStepAsDocker1806() {
    write("hello.sh", "#!/bin/sh\necho hello\n");
    write("Dockerfile", "FROM ubuntu:18.04\nCOPY hello.sh /hello.sh\nRUN chmod +x /hello.sh && echo done\n"
        + "CMD [\"/hello.sh\"]\n");
    t.type("docker build -t hello .");
    assertThat(t.status).isZero();
    assertThat(t.err).isEmpty();
    assertThat(ids(t.out, Map.of(ubuntu, "<ubuntu>"))).isEqualTo("""
        Sending build context to Docker daemon  3.072kB
        Step 1/4 : FROM ubuntu:18.04
         ---> <ubuntu>
        Step 2/4 : COPY hello.sh /hello.sh
         ---> <1>
        Step 3/4 : RUN chmod +x /hello.sh && echo done
         ---> Running in <2>
        done
        Removing intermediate container <2>
         ---> <3>
        Step 4/4 : CMD ["/hello.sh"]
         ---> Running in <4>
        Removing intermediate container <4>
         ---> <5>
        Successfully built <5>
        Successfully tagged hello:latest
        """);
    String built = t.out.lines().filter(l -> l.startsWith("Successfully built")).findFirst().orElseThrow().substring(19);
    assertThat(t.type("docker images -q hello")).isEqualTo(built + "\n");
    assertThat(t.type("docker run --rm hello")).isEqualTo("hello\n");
  }

  @Test
  void everyInstructionLeavesTheHistoryEntryDockerWrites() {
    write("Dockerfile", """
        FROM ubuntu:18.04
        LABEL maintainer="me" version=1.0
        ARG NAME=world
        ENV GREETING="hello $NAME" DIR=/srv
        WORKDIR $DIR/app
        EXPOSE 80 53/udp
        USER nobody
        VOLUME /data
        STOPSIGNAL SIGTERM
        HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/ || exit 1
        ONBUILD RUN echo triggered
        SHELL ["/bin/bash", "-c"]
        ENTRYPOINT ["/bin/echo"]
        CMD python app.py
        """);
    t.type("docker build -t every .");
    assertThat(t.err).isEmpty();
    List<String> createdBy = history("every").stream().skip(history("ubuntu:18.04").size())
        .map(h -> h.createdBy() + (h.emptyLayer() ? " [empty]" : "")).toList();
    assertThat(createdBy).containsExactly(
        "/bin/sh -c #(nop)  LABEL maintainer=me version=1.0 [empty]",
        "/bin/sh -c #(nop)  ARG NAME=world [empty]",
        "/bin/sh -c #(nop)  ENV GREETING=hello world DIR=/srv [empty]",
        "/bin/sh -c #(nop) WORKDIR /srv/app",
        "/bin/sh -c #(nop)  EXPOSE 80 53/udp [empty]",
        "/bin/sh -c #(nop)  USER nobody [empty]",
        "/bin/sh -c #(nop)  VOLUME [/data] [empty]",
        "/bin/sh -c #(nop)  STOPSIGNAL SIGTERM [empty]",
        "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f http://localhost/ || exit 1\"] \"30s\" \"0s\" \"0s\" '\\x03'} [empty]",
        "/bin/sh -c #(nop)  ONBUILD RUN echo triggered [empty]",
        "/bin/bash -c #(nop)  SHELL [/bin/bash -c] [empty]",
        "/bin/bash -c #(nop)  ENTRYPOINT [\"/bin/echo\"] [empty]",
        "/bin/bash -c #(nop)  CMD [\"/bin/bash\" \"-c\" \"python app.py\"] [empty]");
    var cfg = t.host.engine().image("every").config().config();
    assertThat(cfg.env()).contains("GREETING=hello world", "DIR=/srv");
    assertThat(cfg.workingDir()).isEqualTo("/srv/app");
    assertThat(cfg.exposedPorts()).containsExactlyInAnyOrder("80/tcp", "53/udp");
    assertThat(cfg.user()).isEqualTo("nobody");
    assertThat(cfg.volumes()).containsExactly("/data");
    assertThat(cfg.labels()).containsEntry("maintainer", "me").containsEntry("version", "1.0");
    assertThat(cfg.onBuild()).containsExactly("RUN echo triggered");
    assertThat(cfg.entrypoint()).containsExactly("/bin/echo");
    assertThat(cfg.cmd()).containsExactly("/bin/bash", "-c", "python app.py");
    assertThat(cfg.stopSignal()).isEqualTo("SIGTERM");
  }

  @Test
  void onbuildTriggersRunWhenAnotherBuildStartsFromTheImage() {
    write("Dockerfile", "FROM ubuntu:18.04\nONBUILD RUN echo triggered > /t\n");
    t.type("docker build -t base .");
    write("Dockerfile", "FROM base\nCMD [\"cat\", \"/t\"]\n");
    t.type("docker build -t child .");
    assertThat(t.out).contains("Step 1/2 : FROM base\n# Executing 1 build trigger\n ---> Running in ");
    assertThat(t.type("docker run --rm child")).isEqualTo("triggered\n");
    assertThat(t.host.engine().image("child").config().config().onBuild()).isNull();
  }

  @Test
  void runRmLeavesAWhiteoutAndTheImageDoesNotShrink() {
    write("Dockerfile", "FROM ubuntu:18.04\nRUN rm -rf /usr/share/doc\nRUN echo tmp > /tmp/x && rm /tmp/x\n");
    t.type("docker build -t slim .");
    assertThat(t.err).isEmpty();
    Engine e = t.host.engine();
    ImageRecord slim = e.image("slim");
    assertThat(e.size(slim)).isGreaterThanOrEqualTo(e.size(e.image("ubuntu:18.04")));
    var layers = e.layers(slim);
    var rmLayer = VfsLayers.export(e.host().root(), layers.get(layers.size() - 2).diffDir());
    assertThat(rmLayer.entries()).extracting(LayerEntry::path).containsExactly("usr", "usr/share", "usr/share/.wh.doc");
    var tmpLayer = VfsLayers.export(e.host().root(), layers.get(layers.size() - 1).diffDir());
    assertThat(tmpLayer.entries()).extracting(LayerEntry::path).containsExactly("tmp");
    assertThat(t.type("docker run --rm slim ls /usr/share/doc")).isEmpty();
    assertThat(t.type("docker history slim").lines().skip(1).limit(2).map(l -> l.substring(20, 40).strip()))
        .hasSize(2);
  }

  @Test
  void aSecondBuildUsesTheCacheUntilAFileChanges() {
    write("app.txt", "v1\n");
    write("Dockerfile", "FROM ubuntu:18.04\nRUN echo one\nCOPY app.txt /app.txt\nRUN echo two\n");
    t.type("docker build -t app .");
    String first = t.out;
    t.type("docker build -t app .");
    assertThat(t.out).doesNotContain("Running in").contains("Step 2/4 : RUN echo one\n ---> Using cache\n")
        .contains("Step 3/4 : COPY app.txt /app.txt\n ---> Using cache\n")
        .contains("Step 4/4 : RUN echo two\n ---> Using cache\n");
    assertThat(last(t.out)).isEqualTo(last(first));
    t.type("touch app.txt");
    t.type("docker build -t app .");
    assertThat(t.out).doesNotContain("Running in");
    t.type("echo v2 > app.txt");
    t.type("docker build -t app .");
    assertThat(t.out).contains("Step 2/4 : RUN echo one\n ---> Using cache\n")
        .contains("Step 3/4 : COPY app.txt /app.txt\n ---> ").doesNotContain("COPY app.txt /app.txt\n ---> Using cache")
        .contains("Step 4/4 : RUN echo two\n ---> Running in ");
    t.type("docker build --no-cache -t app .");
    assertThat(t.out).doesNotContain("Using cache");
    assertThat(t.type("docker images -a -q").lines().count()).isGreaterThan(t.type("docker images -q").lines().count());
    assertThat(t.type("docker images -a")).contains("<none>              <none>");
  }

  private static String last(String out) {
    return out.lines().filter(l -> l.startsWith("Successfully built")).findFirst().orElse("");
  }

  @Test
  void aFailingRunStopsTheBuildWithItsExitCodeAndKeepsTheContainer() {
    write("Dockerfile", "FROM ubuntu:18.04\nRUN echo before\nRUN false\nRUN echo never\n");
    t.type("docker build .");
    assertThat(t.status).isEqualTo(1);
    assertThat(t.err).isEqualTo("The command '/bin/sh -c false' returned a non-zero code: 1\n");
    assertThat(ids(t.out, Map.of(ubuntu, "<ubuntu>"))).endsWith("Step 3/4 : RUN false\n ---> Running in <3>\n");
    String kept = t.out.substring(t.out.lastIndexOf("Running in ") + 11).strip();
    assertThat(t.type("docker ps -a -q")).contains(kept);
    write("Dockerfile", "FROM ubuntu:18.04\nRUN exit 3\n");
    t.type("docker build .");
    assertThat(t.status).isEqualTo(3);
    assertThat(t.err).isEqualTo("The command '/bin/sh -c exit 3' returned a non-zero code: 3\n");
  }

  @Test
  void parseErrorsNameTheLine() {
    write("Dockerfile", "FROM ubuntu:18.04\n# a comment\nRUNN echo hi\n");
    t.type("docker build .");
    assertThat(t.out).isEqualTo("Sending build context to Docker daemon  2.048kB\n");
    assertThat(t.err).isEqualTo("Error response from daemon: dockerfile parse error line 3: unknown instruction: RUNN\n");
    assertThat(t.status).isEqualTo(1);
    write("Dockerfile", "");
    t.type("docker build .");
    assertThat(t.err).isEqualTo("Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n");
    t.type("docker build nowhere");
    assertThat(t.err).isEqualTo("unable to prepare context: path \"nowhere\" not found\n");
    t.type("docker build -t Bad .");
    assertThat(t.err).startsWith("invalid argument \"Bad\" for \"-t, --tag\" flag: invalid reference format: "
        + "repository name must be lowercase\nSee 'docker build --help'.");
    assertThat(t.status).isEqualTo(125);
  }

  @Test
  void buildArgsPrefixTheRunHistoryAndUnusedOnesAreReported() {
    write("Dockerfile", "FROM ubuntu:18.04\nARG A=1\nARG B\nRUN echo $A $B\n");
    t.type("docker build --build-arg B=2 --build-arg C=3 -t args .");
    assertThat(t.out).contains(" ---> Running in ").contains("\n1 2\n")
        .contains("[Warning] One or more build-args [C] were not consumed\nSuccessfully built ");
    assertThat(history("args").get(history("args").size() - 1).createdBy()).isEqualTo("|2 A=1 B=2 /bin/sh -c echo $A $B");
  }

  @Test
  void fileQuietTargetAndSeveralTags() {
    t.type("mkdir sub");
    write("sub/build.df", "FROM ubuntu:18.04 AS first\nRUN echo one > /one\nFROM first AS second\nRUN echo two\n");
    t.type("docker build -q -f sub/build.df -t a:1 -t b:2 --target first .");
    assertThat(t.out).matches("sha256:[0-9a-f]{64}\n");
    String id = t.out.strip();
    assertThat(t.type("docker images --format '{{.Repository}}:{{.Tag}}' --filter reference='?:?'")).isNotNull();
    assertThat(t.host.engine().image("a:1").id().toString()).isEqualTo(id);
    assertThat(t.host.engine().image("b:2").id().toString()).isEqualTo(id);
    t.type("docker build -f sub/build.df .");
    assertThat(t.out).contains("Step 4/4 : RUN echo two");
  }

  @Test
  void multiStageCopiesFromAnEarlierStage() {
    write("Dockerfile", "FROM ubuntu:18.04 AS build\nRUN echo built > /artifact\n"
        + "FROM scratch\nCOPY --from=build /artifact /artifact\nCOPY --from=0 /etc/hostname /copied\n");
    t.type("docker build -t multi .");
    assertThat(t.err).isEmpty();
    assertThat(t.out).contains("Step 3/5 : FROM scratch\n ---> \nStep 4/5 : COPY --from=build /artifact /artifact\n");
    var e = t.host.engine();
    var layers = e.layers(e.image("multi"));
    assertThat(layers).hasSize(2);
    assertThat(new String(e.host().root().read(layers.get(0).diffDir() + "/artifact"))).isEqualTo("built\n");
  }

  @Test
  void copyChownAndDirectoriesAndDockerignore() {
    t.type("mkdir -p site/css && echo body > site/index.html && echo x > site/css/a.css && echo secret > site/.env");
    write(".dockerignore", "# not sent\n**/.env\n*.log\n");
    t.type("echo log > build.log");
    write("Dockerfile", "FROM ubuntu:18.04\nCOPY --chown=nobody:nogroup site /var/www/\nCOPY *.log /logs/\n");
    t.type("docker build -t site .");
    assertThat(t.err).isEqualTo("COPY failed: no source files were specified\n");
    write("Dockerfile", "FROM ubuntu:18.04\nCOPY --chown=nobody:nogroup site /var/www/\nRUN ls -ln /var/www /var/www/css\n");
    t.type("docker build -t site .");
    assertThat(t.err).isEmpty();
    assertThat(t.out).containsPattern("-rw-r--r-- 1 65534 65534 +5 Sep 20 10:10 index.html").doesNotContain(".env");
    assertThat(history("site").get(history("site").size() - 2).createdBy())
        .matches("/bin/sh -c #\\(nop\\) COPY --chown=nobody:nogroupdir:[0-9a-f]{64} in /var/www/ ");
  }

  @Test
  void addExtractsLocalTarsAndRefusesUrlsOffline() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
        new java.util.zip.GZIPOutputStream(bytes))) {
      var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("pkg/readme");
      byte[] data = "from the tar\n".getBytes();
      entry.setSize(data.length);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    t.host.machine().vfs().write("/root/app/pkg.tar.gz", bytes.toByteArray(), dev.layerlab.vfs.Vfs.WriteMode.TRUNCATE,
        0644);
    write("Dockerfile", "FROM ubuntu:18.04\nADD pkg.tar.gz /opt/\nCOPY pkg.tar.gz /copied/\nRUN cat /opt/pkg/readme\n");
    t.type("docker build .");
    assertThat(t.err).isEmpty();
    assertThat(t.out).contains("\nfrom the tar\n");
    write("Dockerfile", "FROM ubuntu:18.04\nADD https://example.com/app.tar.gz /opt/\n");
    t.type("docker build .");
    assertThat(t.status).isEqualTo(1);
    assertThat(t.err).startsWith("ADD failed: Get https://example.com/app.tar.gz: dial tcp: lookup example.com: no such host");
  }

  @Test
  void scratchImagesAndRunWithoutAShell() {
    t.type("echo data > data.txt");
    write("Dockerfile", "FROM scratch\nCOPY data.txt /\nCMD [\"/data.txt\"]\n");
    t.type("docker build -t tiny .");
    assertThat(t.err).isEmpty();
    assertThat(t.out).startsWith("Sending build context to Docker daemon  3.072kB\nStep 1/3 : FROM scratch\n ---> \n"
        + "Step 2/3 : COPY data.txt /\n ---> ");
    assertThat(t.type("docker history tiny").lines().count()).isEqualTo(3);
    write("Dockerfile", "FROM tiny\nRUN echo hi\n");
    t.type("docker build .");
    assertThat(t.err).isEqualTo("OCI runtime create failed: container_linux.go:348: starting container process caused "
        + "\"exec: \\\"/bin/sh\\\": stat /bin/sh: no such file or directory\": unknown\n");
  }

  @Test
  void aDockerfileOnStandardInputBuildsWithoutAContext() {
    t.type("docker build -t piped - <<'EOF'\nFROM ubuntu:18.04\nRUN echo piped > /p\nEOF");
    assertThat(t.err).isEmpty();
    assertThat(t.out).startsWith("Sending build context to Docker daemon  2.048kB\nStep 1/2 : FROM ubuntu:18.04\n");
    assertThat(t.type("docker run --rm piped cat /p")).isEqualTo("piped\n");
    t.type("docker build - <<'EOF'\nFROM ubuntu:18.04\nCOPY x /x\nEOF");
    assertThat(t.err).startsWith("COPY failed: stat /var/lib/docker/tmp/docker-builder");
    assertThat(t.err).endsWith("/x: no such file or directory\n");
  }

  @Test
  void argsBeforeFromAreStepsAndChooseTheBaseImage() {
    write("Dockerfile", "ARG TAG=16.04\nFROM ubuntu:${TAG}\nARG TAG\nRUN echo tag=$TAG\n");
    t.type("docker build --build-arg TAG=18.04 .");
    assertThat(t.err).isEmpty();
    assertThat(ids(t.out, Map.of(ubuntu, "<ubuntu>"))).startsWith("""
        Sending build context to Docker daemon  2.048kB
        Step 1/4 : ARG TAG=16.04
        Step 2/4 : FROM ubuntu:${TAG}
         ---> <ubuntu>
        Step 3/4 : ARG TAG
         ---> Running in <1>
        Removing intermediate container <1>
         ---> <2>
        Step 4/4 : RUN echo tag=$TAG
         ---> Running in <3>
        tag=18.04
        """);
  }
}
