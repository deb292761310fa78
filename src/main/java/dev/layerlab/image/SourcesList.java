package dev.layerlab.image;

/**
 * /etc/apt/sources.list of the catalog's releases. The 2018 Ubuntu tarballs shipped the universe
 * lines commented out, which is why the Dockerfile of the time ran a {@code sed} to enable them.
 */
final class SourcesList {
  private SourcesList() {}

  static String of(DebianRelease r) {
    if (!r.ubuntu()) {
      String c = r.codename();
      return "deb http://deb.debian.org/debian " + c + " main\n"
          + "deb http://security.debian.org/debian-security " + c + "/updates main\n"
          + "deb http://deb.debian.org/debian " + c + "-updates main\n";
    }
    String c = r.codename();
    String u = r.commentedUniverse() ? "# " : "";
    String a = "http://archive.ubuntu.com/ubuntu/";
    String s = "http://security.ubuntu.com/ubuntu/";
    return "# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to\n"
        + "# newer versions of the distribution.\n"
        + "deb " + a + " " + c + " main restricted\n"
        + "# deb-src " + a + " " + c + " main restricted\n\n"
        + "## Major bug fix updates produced after the final release of the\n"
        + "## distribution.\n"
        + "deb " + a + " " + c + "-updates main restricted\n"
        + "# deb-src " + a + " " + c + "-updates main restricted\n\n"
        + "## N.B. software from this repository is ENTIRELY UNSUPPORTED by the Ubuntu\n"
        + "## team. Also, please note that software in universe WILL NOT receive any\n"
        + "## review or updates from the Ubuntu security team.\n"
        + u + "deb " + a + " " + c + " universe\n"
        + "# deb-src " + a + " " + c + " universe\n"
        + u + "deb " + a + " " + c + "-updates universe\n"
        + "# deb-src " + a + " " + c + "-updates universe\n\n"
        + "## N.B. software from this repository is ENTIRELY UNSUPPORTED by the Ubuntu\n"
        + "## team, and may not be under a free licence. Please satisfy yourself as to\n"
        + "## your rights to use the software. Also, please note that software in\n"
        + "## multiverse WILL NOT receive any review or updates from the Ubuntu\n"
        + "## security team.\n"
        + "deb " + a + " " + c + " multiverse\n"
        + "# deb-src " + a + " " + c + " multiverse\n"
        + "deb " + a + " " + c + "-updates multiverse\n"
        + "# deb-src " + a + " " + c + "-updates multiverse\n\n"
        + "## N.B. software from this repository may not have been tested as\n"
        + "## extensively as that contained in the main release, although it includes\n"
        + "## newer versions of some applications which may provide useful features.\n"
        + "## Also, please note that software in backports WILL NOT receive any review\n"
        + "## or updates from the Ubuntu security team.\n"
        + "deb " + a + " " + c + "-backports main restricted universe multiverse\n"
        + "# deb-src " + a + " " + c + "-backports main restricted universe multiverse\n\n"
        + "## Uncomment the following two lines to add software from Canonical's\n"
        + "## 'partner' repository.\n"
        + "## This software is not part of Ubuntu, but is offered by Canonical and the\n"
        + "## respective vendors as a service to Ubuntu users.\n"
        + "# deb http://archive.canonical.com/ubuntu " + c + " partner\n"
        + "# deb-src http://archive.canonical.com/ubuntu " + c + " partner\n\n"
        + "deb " + s + " " + c + "-security main restricted\n"
        + "# deb-src " + s + " " + c + "-security main restricted\n"
        + u + "deb " + s + " " + c + "-security universe\n"
        + "# deb-src " + s + " " + c + "-security universe\n"
        + "deb " + s + " " + c + "-security multiverse\n"
        + "# deb-src " + s + " " + c + "-security multiverse\n";
  }

  /** What {@code sed -i 's/^#\s*\(deb.*universe\)$/\1/g'} makes of the file. */
  static String enableUniverse(String text) {
    return text.replaceAll("(?m)^#\\s*(deb.*universe)$", "$1");
  }
}
