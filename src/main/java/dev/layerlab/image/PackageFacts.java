package dev.layerlab.image;

import java.util.Map;
import java.util.Set;

/** dpkg facts about well-known packages: their short descriptions and which are Essential. */
final class PackageFacts {
  private PackageFacts() {}

  static final Set<String> ESSENTIAL = Set.of("base-files", "base-passwd", "bash", "bsdutils", "coreutils", "dash",
      "debianutils", "diffutils", "dpkg", "e2fsprogs", "findutils", "grep", "gzip", "hostname", "init", "libc-bin",
      "login", "mount", "ncurses-base", "ncurses-bin", "perl-base", "sed", "sysvinit-utils", "tar", "util-linux");

  static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
      Map.entry("adduser", "add and remove users and groups"),
      Map.entry("apt", "commandline package manager"),
      Map.entry("base-files", "Debian base system miscellaneous files"),
      Map.entry("base-passwd", "Debian base system master password and group files"),
      Map.entry("bash", "GNU Bourne Again SHell"),
      Map.entry("bsdutils", "basic utilities from 4.4BSD-Lite"),
      Map.entry("coreutils", "GNU core utilities"),
      Map.entry("dash", "POSIX-compliant shell"),
      Map.entry("debconf", "Debian configuration management system"),
      Map.entry("debianutils", "Miscellaneous utilities specific to Debian"),
      Map.entry("diffutils", "File comparison utilities"),
      Map.entry("dpkg", "Debian package management system"),
      Map.entry("e2fsprogs", "ext2/ext3/ext4 file system utilities"),
      Map.entry("findutils", "utilities for finding files--find, xargs"),
      Map.entry("grep", "GNU grep, egrep and fgrep"),
      Map.entry("gzip", "GNU compression utilities"),
      Map.entry("hostname", "utility to set/show the host name or domain name"),
      Map.entry("libc-bin", "GNU C Library: Binaries"),
      Map.entry("libc6", "GNU C Library: Shared libraries"),
      Map.entry("login", "system login tools"),
      Map.entry("mawk", "a pattern scanning and text processing language"),
      Map.entry("mount", "tools for mounting and manipulating filesystems"),
      Map.entry("ncurses-base", "basic terminal type definitions"),
      Map.entry("ncurses-bin", "terminal-related programs and man pages"),
      Map.entry("passwd", "change and administer password and group data"),
      Map.entry("perl-base", "minimal Perl system"),
      Map.entry("procps", "/proc file system utilities"),
      Map.entry("sed", "GNU stream editor for filtering/transforming text"),
      Map.entry("tar", "GNU version of the tar archiving utility"),
      Map.entry("util-linux", "miscellaneous system utilities"),
      Map.entry("zlib1g", "compression library - runtime"),
      Map.entry("gpgv", "GNU privacy guard - signature verification tool"),
      Map.entry("sensible-utils", "Utilities for sensible alternative selection"),
      Map.entry("lsb-base", "Linux Standard Base init script functionality"),
      Map.entry("ubuntu-keyring", "GnuPG keys of the Ubuntu archive"),
      Map.entry("debian-archive-keyring", "GnuPG archive keys of the Debian archive"),
      Map.entry("tzdata", "time zone and daylight-saving time data"),
      Map.entry("systemd", "system and service manager"));
}
