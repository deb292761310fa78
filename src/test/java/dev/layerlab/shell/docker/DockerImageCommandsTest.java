package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.image.Catalog;
import dev.layerlab.image.Digest;
import dev.layerlab.image.Image;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden outputs of the image commands, byte for byte as Docker 18.06's CLI prints them. */
class DockerImageCommandsTest {
  private final Terminal t = new Terminal();
  private final Image ubuntu = Catalog.builtIn().resolve("ubuntu:18.04");
  private final Image alpine = Catalog.builtIn().resolve("alpine:3.8");

  @Test
  void pullWithoutTagSaysUsingDefaultTag() {
    t.type("docker pull alpine");
    assertThat(t.out).isEqualTo("Using default tag: latest\nlatest: Pulling from library/alpine\n"
        + alpine.layers().get(0).digest().shortId() + ": Pulling fs layer\n"
        + alpine.layers().get(0).digest().shortId() + ": Verifying Checksum\n"
        + alpine.layers().get(0).digest().shortId() + ": Download complete\n"
        + alpine.layers().get(0).digest().shortId() + ": Pull complete\n"
        + "Digest: " + alpine.repoDigest() + "\nStatus: Downloaded newer image for alpine:latest\n");
    assertThat(t.status).isZero();
  }

  @Test
  void imagesTableUsesTabwriterColumnsAndThreeDigitSizes() {
    t.type("docker pull ubuntu:18.04");
    t.type("docker pull alpine:3.8");
    String expected = "REPOSITORY          TAG                 IMAGE ID            CREATED             SIZE\n"
        + "alpine              3.8                 " + alpine.id().shortId() + "        8 days ago          "
        + Format.size(alpine.size()) + "\n"
        + "ubuntu              18.04               " + ubuntu.id().shortId() + "        4 weeks ago         "
        + Format.size(ubuntu.size()) + "\n";
    assertThat(t.type("docker images")).isEqualTo(expected);
    assertThat(t.type("docker image ls")).isEqualTo(expected);
    assertThat(t.type("docker images -q")).isEqualTo(alpine.id().shortId() + "\n" + ubuntu.id().shortId() + "\n");
    assertThat(t.type("docker images ubuntu")).contains("ubuntu").doesNotContain("alpine");
    assertThat(t.type("docker images --digests").lines().findFirst().orElseThrow()).isEqualTo(
        "REPOSITORY          TAG                 DIGEST                                                                    "
            + "IMAGE ID            CREATED             SIZE");
    assertThat(t.out).contains("ubuntu              18.04               " + ubuntu.repoDigest() + "   ");
  }

  @Test
  void tagAddsARowAndRmiOfOneTagOnlyUntags() {
    t.type("docker pull ubuntu:18.04");
    t.type("docker tag ubuntu:18.04 mine:v1");
    assertThat(t.out).isEmpty();
    assertThat(t.type("docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}'"))
        .isEqualTo("mine:v1 " + ubuntu.id().shortId() + "\nubuntu:18.04 " + ubuntu.id().shortId() + "\n");
    assertThat(t.type("docker rmi mine:v1")).isEqualTo("Untagged: mine:v1\n");
  }

  @Test
  void rmiDeletesTheImageThenItsLayersTopFirst() {
    t.type("docker pull ubuntu:18.04");
    List<String> freed = new ArrayList<>();
    for (Digest d : ubuntu.chainIds()) {
      freed.add("Deleted: " + d);
    }
    Collections.reverse(freed);
    assertThat(t.type("docker rmi ubuntu:18.04")).isEqualTo("Untagged: ubuntu:18.04\nUntagged: ubuntu@"
        + ubuntu.repoDigest() + "\nDeleted: " + ubuntu.id() + "\n" + String.join("\n", freed) + "\n");
    assertThat(t.type("ls /var/lib/docker/overlay2 | cat")).isEqualTo("l\n");
    t.type("docker rmi ubuntu:18.04");
    assertThat(t.err).isEqualTo("Error: No such image: ubuntu:18.04\n");
    assertThat(t.status).isEqualTo(1);
  }

  @Test
  void rmiByIdRefusesAnImageWithSeveralRepositoriesUnlessForced() {
    t.type("docker pull ubuntu:18.04");
    t.type("docker tag ubuntu:18.04 mine:v1");
    t.type("docker rmi " + ubuntu.id().shortId());
    assertThat(t.err).isEqualTo("Error response from daemon: conflict: unable to delete " + ubuntu.id().shortId()
        + " (must be forced) - image is referenced in multiple repositories\n");
    t.type("docker rmi mine:v1");
    String out = t.type("docker rmi " + ubuntu.id().shortId());
    assertThat(out).startsWith("Untagged: ubuntu:18.04\nUntagged: ubuntu@" + ubuntu.repoDigest() + "\nDeleted: "
        + ubuntu.id() + "\n");
    assertThat(out.lines()).hasSize(8);
  }

  @Test
  void historyShowsMissingRowsAndEllipsizedCommands() {
    t.type("docker pull ubuntu:18.04");
    String out = t.type("docker history ubuntu:18.04");
    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).isEqualTo(
        "IMAGE               CREATED             CREATED BY                                      SIZE                COMMENT");
    assertThat(lines.get(1)).isEqualTo(ubuntu.id().shortId()
        + "        4 weeks ago         /bin/sh -c #(nop)  CMD [\"/bin/bash\"]            0B                  ");
    assertThat(lines.get(2)).isEqualTo(
        "<missing>           4 weeks ago         /bin/sh -c mkdir -p /run/systemd && echo 'do…   7B                  ");
    assertThat(lines).hasSize(7);
    assertThat(lines.get(6)).startsWith("<missing>           4 weeks ago         /bin/sh -c #(nop) ADD file:");
    assertThat(t.type("docker history --no-trunc -q ubuntu:18.04").lines().toList())
        .containsExactly(ubuntu.id().toString(), "<missing>", "<missing>", "<missing>", "<missing>", "<missing>");
    t.type("docker history nosuch");
    assertThat(t.err).isEqualTo("Error response from daemon: No such image: nosuch:latest\n");
  }

  @Test
  void inspectPrintsDockersJsonAndFormatsGoTemplates() {
    t.type("docker pull ubuntu:18.04");
    String json = t.type("docker inspect ubuntu:18.04");
    assertThat(json).startsWith("[\n    {\n        \"Id\": \"" + ubuntu.id() + "\",\n        \"RepoTags\": [\n"
        + "            \"ubuntu:18.04\"\n        ],");
    assertThat(json).contains("\"GraphDriver\": {\n            \"Data\": {\n                \"LowerDir\": \"");
    assertThat(json).contains("\"Name\": \"overlay2\"\n        },\n        \"RootFS\": {\n            \"Type\": \"layers\",");
    assertThat(json).endsWith("        \"Metadata\": {\n            \"LastTagTime\": \"0001-01-01T00:00:00Z\"\n        }\n"
        + "    }\n]\n");
    var top = t.host.engine().layers(t.host.engine().image("ubuntu:18.04")).get(4);
    assertThat(t.type("docker inspect -f '{{.GraphDriver.Data.UpperDir}}' ubuntu:18.04")).isEqualTo(top.diffDir() + "\n");
    assertThat(t.type("docker image inspect --format '{{json .RootFS}}' ubuntu:18.04")).isEqualTo(
        "{\"Type\":\"layers\",\"Layers\":[" + String.join(",", ubuntu.diffIds().stream().map(d -> "\"" + d + "\"")
            .toList()) + "]}\n");
    assertThat(t.type("docker inspect -f '{{.Id}} {{.Size}}' ubuntu:18.04"))
        .isEqualTo(ubuntu.id() + " " + ubuntu.size() + "\n");
    assertThat(t.type("docker inspect -f '{{range .RootFS.Layers}}{{.}} {{end}}' ubuntu:18.04").split(" ")).hasSize(6);
    t.type("docker inspect nosuch");
    assertThat(t.out).isEqualTo("[]\n");
    assertThat(t.err).isEqualTo("Error: No such object: nosuch\n");
  }

  @Test
  void saveAndLoadRoundTripTheImage() {
    t.type("docker pull ubuntu:18.04");
    t.type("docker save -o /root/ubuntu.tar ubuntu:18.04");
    assertThat(t.err).isEmpty();
    assertThat(t.type("ls /root | cat")).contains("ubuntu.tar");
    t.type("docker rmi ubuntu:18.04");
    t.type("docker load -i /root/ubuntu.tar");
    assertThat(t.err).isEmpty();
    assertThat(t.out).isEqualTo("Loaded image: ubuntu:18.04\n");
    assertThat(t.type("docker images -q")).isEqualTo(ubuntu.id().shortId() + "\n");
    assertThat(t.type("docker inspect -f '{{json .RootFS.Layers}}' ubuntu:18.04")).contains(ubuntu.diffIds().get(4).hex());
    t.type("docker save --format oci -o /root/oci.tar ubuntu:18.04");
    t.type("docker rmi ubuntu:18.04");
    t.type("docker load -i /root/oci.tar");
    assertThat(t.err).isEmpty();
    assertThat(t.type("docker images -q")).isEqualTo(ubuntu.id().shortId() + "\n");
    t.type("echo garbage > /root/bad.tar");
    t.type("docker load -i /root/bad.tar");
    assertThat(t.status).isEqualTo(1);
    assertThat(t.err).startsWith("Error response from daemon: ");
    assertThat(t.type("ls /var/lib/docker/overlay2 | wc -l")).isEqualTo("6\n");
  }

  @Test
  void cliErrorsAreDockersOwn() {
    t.type("docker");
    assertThat(t.out).startsWith("\nUsage:\tdocker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n");
    assertThat(t.status).isZero();
    t.type("docker frobnicate");
    assertThat(t.err).isEqualTo("docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n");
    assertThat(t.status).isEqualTo(1);
    t.type("docker images --foo");
    assertThat(t.err).isEqualTo("unknown flag: --foo\nSee 'docker images --help'.\n");
    assertThat(t.status).isEqualTo(125);
    t.type("docker ps -z");
    assertThat(t.err).isEqualTo("unknown shorthand flag: 'z' in -z\nSee 'docker ps --help'.\n");
    t.type("docker rmi");
    assertThat(t.err).isEqualTo("\"docker rmi\" requires at least 1 argument.\nSee 'docker rmi --help'.\n\n"
        + "Usage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nRemove one or more images\n");
    assertThat(t.status).isEqualTo(1);
    t.type("docker pull nosuchimage");
    assertThat(t.err).isEqualTo("Error response from daemon: pull access denied for nosuchimage, repository does not "
        + "exist or may require 'docker login'\n");
    t.type("docker pull ubuntu:17.99");
    assertThat(t.err).isEqualTo("Error response from daemon: manifest for ubuntu:17.99 not found\n");
    t.type("docker pull Ubuntu");
    assertThat(t.err).isEqualTo("invalid reference format: repository name must be lowercase\n");
    assertThat(t.type("docker images --help")).startsWith("\nUsage:\tdocker images [OPTIONS] [REPOSITORY[:TAG]]\n\n"
        + "List images\n\nOptions:\n  -a, --all             Show all images (default hides intermediate images)\n");
  }
}
