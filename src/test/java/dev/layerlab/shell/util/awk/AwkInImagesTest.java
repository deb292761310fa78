package dev.layerlab.shell.util.awk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.shell.ShellIo;
import dev.layerlab.shell.docker.DockerHost;
import dev.layerlab.vfs.FakeClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** awk as the images ship it: /usr/bin/awk -> mawk in the Debian family, busybox's applet in alpine. */
class AwkInImagesTest {
  private final DockerHost host = DockerHost.boot(new FakeClock(Instant.parse("2018-09-20T10:10:00Z")), 7);
  private String err;
  private int status;

  @org.junit.jupiter.api.BeforeEach
  void pull() {
    type("docker pull ubuntu:18.04");
    type("docker pull alpine:3.8");
  }

  private String type(String line) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    status = host.shell().run(line, new ShellIo(new ByteArrayInputStream(new byte[0]),
        new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), false,
        false, 80));
    err = e.toString(StandardCharsets.UTF_8);
    return o.toString(StandardCharsets.UTF_8);
  }

  @Test
  void ubuntuRunsMawkThroughTheAlternativesLink() {
    assertThat(type("docker run --rm ubuntu:18.04 awk -F: '$3 == 0 {print $1, $NF}' /etc/passwd"))
        .isEqualTo("root /bin/bash\n");
    assertThat(type("docker run --rm ubuntu:18.04 readlink -f /usr/bin/awk")).isEqualTo("/usr/bin/mawk\n");
    assertThat(type("docker run --rm ubuntu:18.04 mawk 'BEGIN { printf \"%.2f\\n\", 22 / 7 }'")).isEqualTo("3.14\n");
  }

  @Test
  void errorsNameTheCommandAsTyped() {
    type("docker run --rm ubuntu:18.04 awk '{print $1' /etc/passwd");
    assertThat(err).isEqualTo("awk: line 2: missing } near end of file\n");
    assertThat(status).isEqualTo(2);
  }

  @Test
  void removingMawkInAContainerBreaksAwk() {
    type("docker run --rm ubuntu:18.04 sh -c 'rm /usr/bin/mawk; awk 1 /etc/hostname'");
    assertThat(status).isEqualTo(127);
    assertThat(err).contains("awk: ").contains("not found");
  }

  @Test
  void alpineRunsBusyboxsApplet() {
    assertThat(type("docker run --rm alpine:3.8 awk 'BEGIN { print 6 * 7 }'")).isEqualTo("42\n");
  }

  @Test
  void aDockerfileRunStepCanUseAwk() {
    type("mkdir -p /root/app && cd /root/app");
    type("cat > Dockerfile <<'EOF'\nFROM ubuntu:18.04\n"
        + "RUN awk -F: '$7 ~ /nologin$/ {n++} END {print n, \"accounts\" > \"/nologin\"}' /etc/passwd\nEOF");
    type("docker build -q -t counted .");
    assertThat(err).isEmpty();
    assertThat(type("docker run --rm counted cat /nologin")).matches("[1-9][0-9]* accounts\n");
  }
}
