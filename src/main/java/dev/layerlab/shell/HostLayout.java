package dev.layerlab.shell;

import dev.layerlab.image.BuiltinStub;
import dev.layerlab.shell.Machine.MountEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The root filesystem of the simulated host, laid out as on an Ubuntu 18.04 server with Docker. */
final class HostLayout {
  /** Programs Ubuntu 18.04 keeps in /bin; every other one lives in /usr/bin. */
  private static final Set<String> IN_BIN = Set.of(
      "bash", "cat", "chmod", "chown", "cp", "dash", "date", "df", "echo", "false", "getfattr", "setfattr", "grep",
      "hostname", "ln", "ls", "mkdir", "mknod", "mount", "mv", "pwd", "readlink", "rm", "rmdir", "sed", "sh", "sleep",
      "touch", "true", "uname", "umount", "which");

  static final List<MountEntry> MOUNTS = List.of(
      new MountEntry("/dev/sda1", "/", "ext4", "rw,relatime,errors=remount-ro,data=ordered"),
      new MountEntry("proc", "/proc", "proc", "rw,nosuid,nodev,noexec,relatime"),
      new MountEntry("sysfs", "/sys", "sysfs", "rw,nosuid,nodev,noexec,relatime"),
      new MountEntry("udev", "/dev", "devtmpfs", "rw,nosuid,relatime,size=2003988k,nr_inodes=500997,mode=755"),
      new MountEntry("devpts", "/dev/pts", "devpts", "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=000"),
      new MountEntry("tmpfs", "/run", "tmpfs", "rw,nosuid,noexec,relatime,size=403124k,mode=755"));

  private static final String PASSWD = """
      root:x:0:0:root:/root:/bin/bash
      daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
      bin:x:2:2:bin:/bin:/usr/sbin/nologin
      sys:x:3:3:sys:/dev:/usr/sbin/nologin
      sync:x:4:65534:sync:/bin:/bin/sync
      games:x:5:60:games:/usr/games:/usr/sbin/nologin
      man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
      lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
      mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
      news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
      www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
      nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
      """;

  private static final String GROUP = """
      root:x:0:
      daemon:x:1:
      bin:x:2:
      sys:x:3:
      adm:x:4:syslog
      tty:x:5:
      disk:x:6:
      lp:x:7:
      mail:x:8:
      news:x:9:
      staff:x:50:
      www-data:x:33:
      users:x:100:
      nogroup:x:65534:
      docker:x:999:
      """;

  private static final String OS_RELEASE = """
      NAME="Ubuntu"
      VERSION="18.04.1 LTS (Bionic Beaver)"
      ID=ubuntu
      ID_LIKE=debian
      PRETTY_NAME="Ubuntu 18.04.1 LTS"
      VERSION_ID="18.04"
      HOME_URL="https://www.ubuntu.com/"
      SUPPORT_URL="https://help.ubuntu.com/"
      BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
      PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
      VERSION_CODENAME=bionic
      UBUNTU_CODENAME=bionic
      """;

  private HostLayout() {}

  static void populate(Vfs vfs, Set<String> programs) {
    for (String dir : List.of("/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt",
        "/proc", "/run", "/sbin", "/srv", "/sys", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/local",
        "/usr/local/bin", "/usr/local/sbin", "/usr/share", "/var", "/var/lib", "/var/log", "/var/cache",
        "/etc/docker")) {
      vfs.mkdir(dir, 0755);
    }
    vfs.mkdir("/root", 0700);
    vfs.mkdir("/tmp", 01777);
    vfs.mkdir("/var/tmp", 01777);
    vfs.mkdir("/var/lib/docker", 0711);
    file(vfs, "/etc/hostname", "host\n");
    file(vfs, "/etc/hosts", "127.0.0.1\tlocalhost\n127.0.1.1\thost\n");
    file(vfs, "/etc/passwd", PASSWD);
    file(vfs, "/etc/group", GROUP);
    file(vfs, "/etc/os-release", OS_RELEASE);
    file(vfs, "/etc/issue", "Ubuntu 18.04.1 LTS \\n \\l\n\n");
    file(vfs, "/etc/shells", "/bin/sh\n/bin/bash\n/bin/dash\n");
    file(vfs, "/root/.bashrc", "# ~/.bashrc: executed by bash(1) for non-login shells.\n");
    file(vfs, "/root/.profile", "if [ \"$BASH\" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n");
    vfs.mknod("/dev/null", FileType.CHAR_DEVICE, 0666, 1, 3);
    vfs.mknod("/dev/zero", FileType.CHAR_DEVICE, 0666, 1, 5);
    vfs.mknod("/dev/tty", FileType.CHAR_DEVICE, 0666, 5, 0);
    for (String name : programs) {
      if (name.equals("[")) {
        continue;
      }
      String dir = IN_BIN.contains(name) ? "/bin/" : "/usr/bin/";
      vfs.write(dir + name, BuiltinStub.bytes(name), Vfs.WriteMode.CREATE_NEW, 0755);
    }
    if (programs.contains("[")) {
      vfs.write("/usr/bin/[", BuiltinStub.bytes("["), Vfs.WriteMode.CREATE_NEW, 0755);
    }
  }

  private static void file(Vfs vfs, String path, String text) {
    vfs.write(path, text.getBytes(StandardCharsets.UTF_8), Vfs.WriteMode.CREATE_NEW, 0644);
  }
}
