package dev.layerlab.shell.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** apk in the alpine container. */
class ApkTest {
  private final Keyboard k = new Keyboard();

  @Test
  void addInstallsDependenciesAndDelPurgesThem() {
    k.enter("alpine:3.8", "box", "sh");
    assertThat(k.type("apk info | wc -l")).isEqualTo("13\n");
    String add = k.type("apk add vim");
    assertThat(k.status).isZero();
    // the packages, versions and order of `apk add vim` on alpine 3.8 in a 2018 build log
    assertThat(add).startsWith("fetch http://dl-cdn.alpinelinux.org/alpine/v3.8/main/x86_64/APKINDEX.tar.gz\n"
        + "fetch http://dl-cdn.alpinelinux.org/alpine/v3.8/community/x86_64/APKINDEX.tar.gz\n"
        + "(1/5) Installing lua5.3-libs (5.3.4-r5)\n"
        + "(2/5) Installing ncurses-terminfo-base (6.1_p20180818-r1)\n"
        + "(3/5) Installing ncurses-terminfo (6.1_p20180818-r1)\n"
        + "(4/5) Installing ncurses-libs (6.1_p20180818-r1)\n"
        + "(5/5) Installing vim (8.1.0115-r0)\n"
        + "Executing busybox-1.28.4-r1.trigger\n"
        + "OK: ").endsWith(" MiB in 18 packages\n");
    assertThat(k.type("apk info | tail -n 1")).as(k.err).isEqualTo("vim\n");
    assertThat(k.type("cat /etc/apk/world")).contains("vim\n");
    // vim's /usr/bin/xxd replaces busybox's applet link there; busybox itself is untouched
    assertThat(k.type("echo still | tail -n 1")).isEqualTo("still\n");
    k.type("vim");
    assertThat(k.err).startsWith("vim: layerlab cannot run vim");
    String del = k.type("apk del vim");
    assertThat(del).startsWith("(1/5) Purging vim (8.1.0115-r0)\n").endsWith("OK: 4 MiB in 13 packages\n");
    assertThat(k.type("ls /usr/bin/vim")).isEmpty();
    assertThat(k.type("readlink /usr/bin/xxd")).isEqualTo("/bin/busybox\n");
    k.type("exit");
    assertThat(k.type("docker diff box")).contains("C /etc/apk/world\n", "C /lib/apk/db/installed\n")
        .doesNotContain("/usr/bin/vim");
  }

  @Test
  void addOfAnUnknownPackageIsUnsatisfiable() {
    k.enter("alpine:3.8", "box", "sh");
    k.type("apk add nosuch");
    assertThat(k.status).isEqualTo(1);
    assertThat(k.err).isEqualTo("ERROR: unsatisfiable constraints:\n  nosuch (missing):\n    required by: world[nosuch]\n");
    k.type("exit");
    assertThat(k.type("docker diff box")).isEmpty();
  }

  @Test
  void curlAndBashAsTheir2018InstallsOnAlpine38() {
    k.enter("alpine:3.8", "box", "sh");
    // `RUN apk add curl` FROM alpine:3.8 = 196d12cf6ab1, public build logs of autumn 2018
    assertThat(k.type("apk add curl")).isEqualTo(
        "fetch http://dl-cdn.alpinelinux.org/alpine/v3.8/main/x86_64/APKINDEX.tar.gz\n"
        + "fetch http://dl-cdn.alpinelinux.org/alpine/v3.8/community/x86_64/APKINDEX.tar.gz\n"
        + "(1/5) Installing ca-certificates (20171114-r3)\n"
        + "(2/5) Installing nghttp2-libs (1.32.0-r0)\n"
        + "(3/5) Installing libssh2 (1.8.0-r3)\n"
        + "(4/5) Installing libcurl (7.61.1-r0)\n"
        + "(5/5) Installing curl (7.61.1-r0)\n"
        + "Executing busybox-1.28.4-r1.trigger\n"
        + "Executing ca-certificates-20171114-r3.trigger\n"
        + "OK: 6 MiB in 18 packages\n");
    // `apk add bash` on alpine:3.8: its dependencies and post-install script as a 2018 build log shows
    assertThat(k.type("apk add bash")).contains("(4/5) Installing readline (7.0.003-r0)\n"
        + "(5/5) Installing bash (4.4.19-r1)\n"
        + "Executing bash-4.4.19-r1.post-install\n"
        + "Executing busybox-1.28.4-r1.trigger\n"
        + "OK: ").endsWith(" MiB in 23 packages\n");
    // purging ca-certificates runs its post-deinstall script, as apk printed it on alpine 3.7
    assertThat(k.type("apk del curl")).contains("Purging ca-certificates (20171114-r3)\n"
        + "Executing ca-certificates-20171114-r3.post-deinstall\n");
  }

  @Test
  void bashAloneOnTheBaseReportsThirteenMiB() {
    // `RUN apk add --no-cache bash` FROM alpine:3.8 (the 3.8.0 image 11cd0b38bc3c), 2018 build log
    k.enter("alpine:3.8", "box", "sh");
    assertThat(k.type("apk add bash")).endsWith("OK: 13 MiB in 18 packages\n");
  }

  @Test
  void addedFilesLandInTheUpperDir() {
    k.enter("alpine:3.8", "box", "sh");
    k.type("apk add curl");
    assertThat(k.out).contains("Installing curl (7.61.1-r0)\n");
    k.type("exit");
    assertThat(k.type("docker diff box")).contains("A /usr/bin/curl\n");
  }
}
