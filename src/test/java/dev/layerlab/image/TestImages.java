package dev.layerlab.image;

import java.time.Instant;
import java.util.List;

/** Small images with whiteouts and an opaque directory, for archive tests. */
final class TestImages {
  private TestImages() {}

  static final long T = 1534958937L;

  static LayerTree base() {
    TreeWriter w = new TreeWriter(T);
    w.dir("/etc", 0755).text("/etc/motd", 0644, "welcome\n").text("/etc/hostname", 0644, "lab\n");
    w.dir("/tmp", 01777).dir("/root", 0700);
    w.program("/bin/busybox", "busybox", 5000).hardLink("/bin/sh", "/bin/busybox", 0755).symlink("/bin/ls", "busybox");
    w.dir("/var/cache/app", 0755).text("/var/cache/app/a.dat", 0644, "a").text("/var/cache/app/b.dat", 0644, "b");
    w.dir("/usr/share/doc/lab", 0755).text("/usr/share/doc/lab/README", 0644, "read me\n");
    return w.build();
  }

  /** base, then a layer deleting /etc/motd and /usr/share/doc/lab, then one making /var/cache/app opaque. */
  static Image whiteouts() {
    LayerTree base = base();
    LayerTree deletes = new RunDiff(base, T + 60).delete("/etc/motd").delete("/usr/share/doc/lab")
        .write("/etc/hello", 0644, Content.text("hello\n")).build();
    LayerTree opaque = LayerTree.of(List.of(
        LayerEntry.dir("var", 0755, T), LayerEntry.dir("var/cache", 0755, T), LayerEntry.dir("var/cache/app", 0755, T + 120),
        LayerEntry.file("var/cache/app/.wh..wh..opq", 0755, T + 120, null),
        LayerEntry.file("var/cache/app/d.dat", 0644, T + 120, Content.text("d"))));
    return ImageBuild.fromScratch("layerlab/whiteouts", "18.06.1-ce")
        .add("ADD", "rootfs.tar", "/", base, Instant.ofEpochSecond(T))
        .run("rm -rf /etc/motd /usr/share/doc/lab && echo hello > /etc/hello", deletes, Instant.ofEpochSecond(T + 60))
        .run("rm -rf /var/cache/app && mkdir /var/cache/app && echo -n d > /var/cache/app/d.dat", opaque,
            Instant.ofEpochSecond(T + 120))
        .cmd(List.of("sh"), Instant.ofEpochSecond(T + 121))
        .build("layerlab/whiteouts", List.of("v4"), false);
  }
}
