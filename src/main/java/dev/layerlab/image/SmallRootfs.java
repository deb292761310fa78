package dev.layerlab.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The root filesystems of the small single-layer images: alpine, busybox and hello-world. */
final class SmallRootfs {
  private SmallRootfs() {}

  /** Texts of alpine 3.8.1 files we know; the others get filler of their listed size. */
  private static final Map<String, String> ALPINE_TEXTS = Map.of(
      "/etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.8.1\nPRETTY_NAME=\"Alpine Linux v3.8\"\n"
          + "HOME_URL=\"http://alpinelinux.org\"\nBUG_REPORT_URL=\"http://bugs.alpinelinux.org\"\n",
      "/etc/alpine-release", "3.8.1\n",
      "/etc/hostname", "localhost\n",
      "/etc/shells", "# valid login shells\n/bin/sh\n/bin/ash\n",
      "/etc/TZ", "UTC\n",
      "/etc/apk/arch", "x86_64\n",
      "/etc/apk/repositories", "http://dl-cdn.alpinelinux.org/alpine/v3.8/main\n"
          + "http://dl-cdn.alpinelinux.org/alpine/v3.8/community\n",
      "/etc/apk/world", "alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n",
      "/etc/passwd", String.join("\n", "root:x:0:0:root:/root:/bin/ash", "bin:x:1:1:bin:/bin:/sbin/nologin",
          "daemon:x:2:2:daemon:/sbin:/sbin/nologin", "adm:x:3:4:adm:/var/adm:/sbin/nologin",
          "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin", "sync:x:5:0:sync:/sbin:/bin/sync",
          "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown", "halt:x:7:0:halt:/sbin:/sbin/halt",
          "mail:x:8:12:mail:/var/spool/mail:/sbin/nologin", "news:x:9:13:news:/usr/lib/news:/sbin/nologin",
          "uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin", "operator:x:11:0:operator:/root:/bin/sh",
          "man:x:13:15:man:/usr/man:/sbin/nologin", "postmaster:x:14:12:postmaster:/var/spool/mail:/sbin/nologin",
          "cron:x:16:16:cron:/var/spool/cron:/sbin/nologin", "ftp:x:21:21::/var/lib/ftp:/sbin/nologin",
          "sshd:x:22:22:sshd:/dev/null:/sbin/nologin", "at:x:25:25:at:/var/spool/cron/atjobs:/sbin/nologin",
          "squid:x:31:31:Squid:/var/cache/squid:/sbin/nologin", "xfs:x:33:33:X Font Server:/etc/X11/fs:/sbin/nologin",
          "games:x:35:35:games:/usr/games:/sbin/nologin", "postgres:x:70:70::/var/lib/postgresql:/bin/sh",
          "cyrus:x:85:12::/usr/cyrus:/sbin/nologin", "vpopmail:x:89:89::/var/vpopmail:/sbin/nologin",
          "ntp:x:123:123:NTP:/var/empty:/sbin/nologin", "smmsp:x:209:209:smmsp:/var/spool/mqueue:/sbin/nologin",
          "guest:x:405:100:guest:/dev/null:/sbin/nologin", "nobody:x:65534:65534:nobody:/:/sbin/nologin", ""));

  /** alpine:3.8 from the bundled listing of the builder's rootfs tarball (modes, owners, sizes, links). */
  static LayerTree alpine(long mtime) {
    TreeWriter w = new TreeWriter(mtime);
    for (String[] row : Resources.table("alpine-3.8.files.txt")) {
      String mode = row[0];
      String path = row[4];
      if (path.equals("/")) {
        continue; // Docker's archiver never writes the root entry into a layer
      }
      int perm = perm(mode);
      int gid = row[1].endsWith("/shadow") ? 42 : 0;
      long size = Long.parseLong(row[2]);
      switch (mode.charAt(0)) {
        case 'd' -> w.dir(path, perm, 0, gid);
        case 'l' -> w.symlink(path, row[5]);
        case '-' -> w.file(path, perm, alpineContent(path, perm, size), 0, gid);
        default -> throw new IllegalStateException("unexpected type in alpine listing: " + mode);
      }
    }
    return w.build();
  }

  private static Content alpineContent(String path, int perm, long size) {
    String known = ALPINE_TEXTS.get(path);
    if (known != null) {
      return Content.text(known);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean program = (perm & 0111) != 0 && (path.contains("/bin/") || path.contains("/sbin/"));
    if (program && size > 1000) {
      byte[] stub = BuiltinStub.bytes(name);
      return Content.filler(stub, Math.max(size, stub.length), path.hashCode());
    }
    byte[] head = (path.startsWith("/lib/lib") || path.startsWith("/lib/ld-")
        ? "\u007fELF\u0002\u0001\u0001\u0000 " + name + "\n" : "# " + name + "\n").getBytes(StandardCharsets.ISO_8859_1);
    if (size < head.length) {
      return Content.of(java.util.Arrays.copyOf(head, (int) size));
    }
    return Content.filler(head, size, path.hashCode());
  }

  static int perm(String ls) {
    int m = 0;
    String p = ls.substring(1, 10);
    for (int i = 0; i < 9; i++) {
      char c = p.charAt(i);
      if (c != '-' && c != 'S' && c != 'T') {
        m |= 1 << (8 - i);
      }
    }
    if (p.charAt(2) == 's' || p.charAt(2) == 'S') {
      m |= 04000;
    }
    if (p.charAt(5) == 's' || p.charAt(5) == 'S') {
      m |= 02000;
    }
    if (p.charAt(8) == 't' || p.charAt(8) == 'T') {
      m |= 01000;
    }
    return m;
  }

  /**
   * busybox:1.29.2 (uclibc): one static binary with every applet a hard link to it in /bin, uClibc's
   * getconf, and buildroot's skeleton; sized so that the image is its real 1162769 bytes.
   */
  static LayerTree busybox(long mtime, long totalSize) {
    TreeWriter w = new TreeWriter(mtime);
    for (String d : new String[] {"/bin", "/dev", "/etc", "/home", "/usr", "/usr/sbin", "/var", "/var/spool",
        "/var/spool/mail"}) {
      w.dir(d, 0755);
    }
    for (String d : new String[] {"if-down.d", "if-post-down.d", "if-pre-up.d", "if-up.d"}) {
      w.dir("/etc/network/" + d, 0755);
    }
    w.dir("/root", 0700);
    w.dir("/tmp", 01777);
    w.dir("/var/www", 0755, 33, 33);
    w.dir("/home/ftp", 0755, 83, 83);
    w.text("/etc/passwd", 0644, "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\n"
        + "bin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\n"
        + "mail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\n"
        + "operator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
    w.file("/etc/shadow", 0600, Content.text("root::10933:0:99999:7:::\ndaemon:*:10933:0:99999:7:::\n"
        + "bin:*:10933:0:99999:7:::\nsys:*:10933:0:99999:7:::\nsync:*:10933:0:99999:7:::\n"
        + "mail:*:10933:0:99999:7:::\nwww-data:*:10933:0:99999:7:::\noperator:*:10933:0:99999:7:::\n"
        + "nobody:*:10933:0:99999:7:::\n"));
    w.text("/etc/group", 0644, "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\n"
        + "lp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\n"
        + "video:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\n"
        + "staff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnogroup:x:65534:\n");
    w.file("/etc/localtime", 0644, Content.filler("TZif2".getBytes(StandardCharsets.US_ASCII), 127, 1));
    w.program("/bin/getconf", "getconf", 74_000);
    List<String> applets = new ArrayList<>();
    for (String[] row : Resources.table("busybox.applets.txt")) {
      applets.add(row[0]);
    }
    applets.add("busybox");
    applets.sort(LayerTree.WALK_ORDER);
    long rest = 0;
    for (LayerEntry e : w.entries()) {
      rest += e.sizeContribution();
    }
    // The first name in walk order carries the data in the tar; the others are hard links to it.
    String first = "/bin/" + applets.get(0);
    byte[] stub = BuiltinStub.bytes("busybox");
    w.file(first, 0755, Content.filler(stub, totalSize - rest, 29));
    for (String a : applets.subList(1, applets.size())) {
      w.hardLink("/bin/" + a, first, 0755);
    }
    return w.build();
  }

  /** hello-world: one static program at /hello. */
  static LayerTree helloWorld(long mtime) {
    TreeWriter w = new TreeWriter(mtime);
    w.program("/hello", "hello", 1840);
    return w.build();
  }
}
