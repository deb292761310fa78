package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.image.BuiltinStub;
import dev.layerlab.overlay.OverlayOptions;
import dev.layerlab.overlay.OverlayVfs;
import dev.layerlab.vfs.Vfs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same shell inside a container: its root is an overlay mount whose layers are host directories. */
class OverlayShellTest {
  private static final String LOWER = "/var/lib/docker/overlay2/L/diff";
  private static final String UPPER = "/var/lib/docker/overlay2/C/diff";

  private final Sim host = new Sim();
  private Shell container;

  /** A container as the engine will make one: the merged view is its filesystem. */
  private record Container(Vfs vfs, Clock clock, Programs programs) implements Machine {
    public String hostname() {
      return "c0ffee";
    }

    public Map<String, String> environment() {
      return Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root");
    }

    public List<MountEntry> mounts() {
      return List.of(new MountEntry("overlay", "/", "overlay", ((OverlayVfs) vfs).mountOptions()));
    }
  }

  @BeforeEach
  void startContainer() {
    host.out("mkdir -p " + LOWER + "/bin " + LOWER + "/etc " + LOWER + "/tmp " + LOWER + "/root " + LOWER
        + "/opt/app/data /var/lib/docker/overlay2/C/diff /var/lib/docker/overlay2/C/work");
    Vfs disk = host.host.vfs();
    for (String tool : List.of("sh", "ls", "cat", "rm", "mv", "echo", "getfattr", "stat", "find", "mount")) {
      disk.write(LOWER + "/bin/" + tool, BuiltinStub.bytes(tool), Vfs.WriteMode.CREATE_NEW, 0755);
    }
    host.out("echo 'root:x:0:0:root:/root:/bin/bash' > " + LOWER + "/etc/passwd; echo image > " + LOWER
        + "/tmp/from-image; echo data > " + LOWER + "/opt/app/data/f");
    OverlayVfs merged = OverlayVfs.mount(disk, List.of(LOWER), UPPER, "/var/lib/docker/overlay2/C/work",
        OverlayOptions.DEFAULTS, null);
    container = Shells.on(new Container(merged, host.host.clock(), host.host.programs()));
  }

  private String inContainer(String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    container.run(line, new ShellIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8), false, false, 80));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void deletingAnImageFileLeavesAWhiteoutInTheContainerLayer() {
    assertThat(inContainer("cat /tmp/from-image")).isEqualTo("image\n");
    assertThat(inContainer("rm /tmp/from-image; ls /tmp")).isEmpty();
    assertThat(host.out("ls -l " + UPPER + "/tmp")).isEqualTo("total 0\nc--------- 1 root root 0, 0 Oct  1 12:00 from-image\n");
    assertThat(host.out("cat " + LOWER + "/tmp/from-image")).isEqualTo("image\n");
    assertThat(host.out("find " + UPPER + " -type c")).isEqualTo(UPPER + "/tmp/from-image\n");
  }

  @Test
  void deletingLsInTheContainerBreaksItThereOnly() {
    assertThat(inContainer("rm /bin/ls; ls /")).isEqualTo("bash: ls: command not found\n");
    assertThat(host.out("ls -d /etc")).isEqualTo("/etc\n");
    assertThat(container.prompt()).isEqualTo("root@c0ffee:~# ");
  }

  @Test
  void appendingCopiesTheFileUpFirst() {
    assertThat(host.run("ls " + UPPER + "/etc").err()).contains("No such file or directory");
    inContainer("echo 'www-data:x:33:33::/var/www:/bin/sh' >> /etc/passwd");
    assertThat(host.out("cat " + UPPER + "/etc/passwd")).isEqualTo(
        "root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33::/var/www:/bin/sh\n");
    assertThat(host.out("cat " + LOWER + "/etc/passwd")).isEqualTo("root:x:0:0:root:/root:/bin/bash\n");
  }

  @Test
  void mvOfALowerDirectoryFallsBackToCopyAndDelete() {
    assertThat(inContainer("mv /opt/app /opt/app2; ls /opt; cat /opt/app2/data/f")).isEqualTo("app2\ndata\n");
    assertThat(host.out("ls -l " + UPPER + "/opt | cut -c1-10")).contains("c---------");
    assertThat(inContainer("mount")).startsWith("overlay on / type overlay (rw,relatime,lowerdir=" + LOWER);
  }
}
