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
    assertThat(add).isEqualTo("fetch http://dl-cdn.alpinelinux.org/alpine/v3.8/main/x86_64/APKINDEX.tar.gz\n"
        + "fetch http://dl-cdn.alpinelinux.org/alpine/v3.8/community/x86_64/APKINDEX.tar.gz\n"
        + "(1/4) Installing ncurses-terminfo-base (6.1_p20180818-r1)\n"
        + "(2/4) Installing ncurses-terminfo (6.1_p20180818-r1)\n"
        + "(3/4) Installing ncurses-libs (6.1_p20180818-r1)\n"
        + "(4/4) Installing vim (8.1.0115-r0)\n"
        + "Executing busybox-1.28.4-r1.trigger\n"
        + "OK: 33 MiB in 17 packages\n");
    assertThat(k.type("apk info | tail -n 1")).as(k.err).isEqualTo("vim\n");
    assertThat(k.type("cat /etc/apk/world")).contains("vim\n");
    // vim's /usr/bin/xxd replaces busybox's applet link there; busybox itself is untouched
    assertThat(k.type("echo still | tail -n 1")).isEqualTo("still\n");
    k.type("vim");
    assertThat(k.err).startsWith("vim: layerlab cannot run vim");
    String del = k.type("apk del vim");
    assertThat(del).startsWith("(1/4) Purging vim (8.1.0115-r0)\n").endsWith("OK: 4 MiB in 13 packages\n");
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
  void addedFilesLandInTheUpperDir() {
    k.enter("alpine:3.8", "box", "sh");
    k.type("apk add curl");
    assertThat(k.out).contains("Installing curl (7.61.1-r0)\n");
    k.type("exit");
    assertThat(k.type("docker diff box")).contains("A /usr/bin/curl\n");
  }
}
