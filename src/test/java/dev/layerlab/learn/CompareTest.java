package dev.layerlab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.learn.Lab.ImageView;
import dev.layerlab.learn.Lab.LayerView;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CompareTest {
  private static String status(String... pairs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      sb.append("Package: ").append(pairs[i]).append("\nStatus: install ok installed\nVersion: ").append(pairs[i + 1])
          .append("\n\n");
    }
    return sb.toString();
  }

  @Test
  void twoReleasesSideBySide() {
    MiniHost host = new MiniHost();
    for (String d : List.of("aaaa/diff/usr", "aaaa/diff/usr/lib", "aaaa/diff/var", "aaaa/diff/var/lib",
        "aaaa/diff/var/lib/dpkg")) {
      host.dir(d);
    }
    host.file("aaaa/diff/usr/lib/os-release", "NAME=\"Ubuntu\"\nPRETTY_NAME=\"Ubuntu 18.04.1 LTS\"\n");
    host.disk.symlink("../usr/lib/os-release", MiniHost.O2 + "aaaa/diff/etc/os-release");
    host.file("aaaa/diff/var/lib/dpkg/status", status("bash", "4.4.18-2ubuntu1", "libc6", "2.27-3ubuntu1",
        "dash", "0.5.8-2.10"));
    for (String d : List.of("cccc", "cccc/diff", "cccc/diff/etc", "cccc/diff/var", "cccc/diff/var/lib",
        "cccc/diff/var/lib/dpkg")) {
      host.dir(d);
    }
    host.file("cccc/diff/etc/os-release", "PRETTY_NAME=\"Ubuntu 16.04.5 LTS\"\n");
    host.file("cccc/diff/var/lib/dpkg/status", status("bash", "4.3-14ubuntu1.2", "libc6", "2.23-0ubuntu11",
        "dash", "0.5.8-2.10", "systemd", "229-4ubuntu21"));
    host.images.add(new ImageView("52b10959e8aa3e4810807133037ab50aa7e320e43ed9a5b5845c802d792ac1b0",
        List.of("ubuntu:16.04"), List.of(new LayerView("sha256:x0", "sha256:y0", "cccc", MiniHost.O2 + "cccc/diff",
            115, "ADD")), List.of()));
    Reply r = Compare.compare("ubuntu:18.04 ubuntu:16.04", host, Words.of(Locale.ENGLISH));
    assertThat(r.status()).isZero();
    assertThat(r.text()).isEqualTo("""
                    ubuntu:18.04        ubuntu:16.04
          release   Ubuntu 18.04.1 LTS  Ubuntu 16.04.5 LTS
          size      61B                 115B
          layers    2                   1
          packages  3                   4
        Layers the two images share: 0

        Packages in both, with different versions (2):
          package  ubuntu:18.04     ubuntu:16.04
          bash     4.4.18-2ubuntu1  4.3-14ubuntu1.2
          libc6    2.27-3ubuntu1    2.23-0ubuntu11

        Only in ubuntu:16.04 (1): systemd
        """);
    assertThat(Compare.compare("ubuntu:18.04", host, Words.of(Locale.ENGLISH)).text())
        .isEqualTo("Usage: :compare IMAGE IMAGE\n");
    assertThat(Compare.compare("ubuntu:18.04 nope", host, Words.of(Locale.ENGLISH)).text())
        .isEqualTo(":compare: no such image: nope\n");
  }
}
