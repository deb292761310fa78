package dev.layerlab.shell.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.engine.Container;
import org.junit.jupiter.api.Test;

/** apt-get, dpkg and apt-cache in the Ubuntu and Debian containers, typed as a learner would. */
class AptGetTest {
  private final Keyboard k = new Keyboard();

  @Test
  void installBeforeUpdateFindsNothingBecauseTheImageShipsNoLists() {
    k.enter("ubuntu:18.04", "box", "bash");
    assertThat(k.type("ls -A /var/lib/apt/lists | wc -l")).isEqualTo("0\n");
    k.type("apt-get install -y vim");
    assertThat(k.status).isEqualTo(100);
    assertThat(k.out).isEqualTo("Reading package lists... Done\nBuilding dependency tree       \n"
        + "Reading state information... Done\n");
    assertThat(k.err).isEqualTo("E: Unable to locate package vim\n");
    k.type("exit");
    assertThat(k.type("docker diff box")).isEmpty();
  }

  @Test
  void updateFillsTheListsAndPrintsWhatItFetched() {
    k.enter("ubuntu:18.04", "box", "bash");
    String update = k.type("apt-get update");
    assertThat(k.status).isZero();
    // `RUN apt-get update -y` on the bionic image before bionic-20180821, a docker build of August 2018
    assertThat(update).startsWith("Get:1 http://security.ubuntu.com/ubuntu bionic-security InRelease [83.2 kB]\n"
        + "Get:2 http://archive.ubuntu.com/ubuntu bionic InRelease [242 kB]\n"
        + "Get:3 http://archive.ubuntu.com/ubuntu bionic-updates InRelease [88.7 kB]\n"
        + "Get:4 http://security.ubuntu.com/ubuntu bionic-security/universe Sources [10.3 kB]\n"
        + "Get:5 http://archive.ubuntu.com/ubuntu bionic-backports InRelease [74.6 kB]\n"
        + "Get:6 http://security.ubuntu.com/ubuntu bionic-security/main amd64 Packages [157 kB]\n"
        + "Get:7 http://archive.ubuntu.com/ubuntu bionic/universe Sources [11.5 MB]\n"
        + "Get:8 http://security.ubuntu.com/ubuntu bionic-security/multiverse amd64 Packages [1364 B]\n"
        + "Get:9 http://security.ubuntu.com/ubuntu bionic-security/universe amd64 Packages [46.3 kB]\n"
        + "Get:10 http://archive.ubuntu.com/ubuntu bionic/universe amd64 Packages [11.3 MB]\n"
        + "Get:11 http://archive.ubuntu.com/ubuntu bionic/main amd64 Packages [1344 kB]\n"
        + "Get:12 http://archive.ubuntu.com/ubuntu bionic/restricted amd64 Packages [13.5 kB]\n"
        + "Get:13 http://archive.ubuntu.com/ubuntu bionic/multiverse amd64 Packages [186 kB]\n"
        + "Get:14 http://archive.ubuntu.com/ubuntu bionic-updates/universe Sources [58.5 kB]\n"
        + "Get:15 http://archive.ubuntu.com/ubuntu bionic-updates/multiverse amd64 Packages [3926 B]\n"
        + "Get:16 http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 Packages [343 kB]\n"
        + "Get:17 http://archive.ubuntu.com/ubuntu bionic-updates/universe amd64 Packages [190 kB]\n"
        + "Get:18 http://archive.ubuntu.com/ubuntu bionic-backports/universe amd64 Packages [2807 B]\n"
        + "Fetched ")
        .containsPattern("\nFetched [0-9.]+ MB in [0-9]+s \\([0-9.]+ [kM]B/s\\)\n")
        .endsWith("Reading package lists... Done\n");
    assertThat(k.type("ls /var/lib/apt/lists"))
        .contains("archive.ubuntu.com_ubuntu_dists_bionic_InRelease\n",
            "archive.ubuntu.com_ubuntu_dists_bionic_main_binary-amd64_Packages.lz4\n", "lock\n", "partial\n");
    // piped, apt drops the progress "Done"s as it does in docker build logs
    assertThat(k.type("apt-get update | tail -1")).isEqualTo("Reading package lists...\n");
  }

  @Test
  void bionicAndXenialInstallTheirOwnVersions() {
    k.enter("ubuntu:18.04", "bionic", "bash");
    k.type("apt-get update");
    String bionic = k.type("apt-get install -y vim");
    assertThat(k.status).isZero();
    k.type("exit");
    k.enter("ubuntu:16.04", "xenial", "bash");
    k.type("apt-get update");
    String xenial = k.type("apt-get install -y vim");
    assertThat(k.status).isZero();

    assertThat(bionic).contains("0 upgraded, 19 newly installed, 0 to remove and 0 not upgraded.\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 vim amd64 2:8.0.1453-1ubuntu1 [1152 kB]\n",
        "Selecting previously unselected package libgpm2:amd64.\n",
        "Setting up vim (2:8.0.1453-1ubuntu1) ...\n",
        "update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/vim (vim) in auto mode\n")
        // apt 1.6 hands dpkg numbered archive names when it unpacks many at once; xenial's apt 1.2 does not
        .containsPattern("\nPreparing to unpack \\.\\.\\./[0-9]{2}-vim_2%3a8\\.0\\.1453-1ubuntu1_amd64\\.deb \\.\\.\\.\n");
    assertThat(xenial).contains("Setting up vim (2:7.4.1689-3ubuntu1.2) ...\n",
        " http://archive.ubuntu.com/ubuntu xenial-updates/main amd64 vim amd64 2:7.4.1689-3ubuntu1.2 [1036 kB]\n",
        "Preparing to unpack .../vim_2%3a7.4.1689-3ubuntu1.2_amd64.deb ...\n")
        .doesNotContain("xxd"); // xenial's xxd is still part of vim-common
    assertThat(k.type("dpkg -s vim | grep Version")).isEqualTo("Version: 2:7.4.1689-3ubuntu1.2\n");
    k.type("exit");
    // each container keeps its own release's vim in its own upper dir
    for (String name : new String[] {"bionic", "xenial"}) {
      String upper = "/var/lib/docker/overlay2/" + k.host.engine().container(name).mountId() + "/diff";
      assertThat(k.type("grep -c 'layerlab builtin: vim' " + upper + "/usr/bin/vim.basic")).isEqualTo("1\n");
      assertThat(k.type("grep '^Version: 2:[78]\\.[04]\\.1' " + upper + "/var/lib/dpkg/status | sort -u")).isEqualTo(
          name.equals("bionic") ? "Version: 2:8.0.1453-1ubuntu1\n" : "Version: 2:7.4.1689-3ubuntu1.2\n");
    }
  }

  @Test
  void installedFilesLandInTheContainersUpperDir() {
    k.enter("ubuntu:18.04", "box", "bash");
    k.type("apt-get update");
    String install = k.type("apt-get install less");
    assertThat(install).doesNotContain("Do you want to continue"); // nothing beyond what was asked
    assertThat(install).contains("(Reading database ... ").contains("Setting up less (487-0.1) ...\n");
    assertThat(k.type("less /etc/hostname")).isEqualTo(k.type("cat /etc/hostname"));
    k.type("exit");
    Container c = k.host.engine().container("box");
    String upper = "/var/lib/docker/overlay2/" + c.mountId() + "/diff";
    assertThat(k.type("docker diff box")).contains("C /bin\nA /bin/less\n", "A /usr/share/doc/less\n",
        "A /usr/share/doc/less/copyright\n", "C /var/lib/dpkg/status\n", "A /var/lib/dpkg/info/less.list\n",
        "A /var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_bionic_InRelease\n");
    assertThat(k.type("ls " + upper + "/bin | cat")).isEqualTo("less\nlessecho\nlesskey\nlesspipe\n");
    assertThat(k.type("grep -c '^Package: ' " + upper + "/var/lib/dpkg/status")).isEqualTo("90\n");
    assertThat(k.type("grep '^Package: less$' " + upper + "/var/lib/dpkg/status")).isEqualTo("Package: less\n");
  }

  @Test
  void dpkgListsStatusAndFilesOfTheNewPackage() {
    k.enter("ubuntu:18.04", "box", "bash");
    k.type("apt-get update");
    assertThat(k.type("dpkg -l | grep -c '^ii '")).isEqualTo("89\n");
    k.type("apt-get install -y nano");
    assertThat(k.type("dpkg -l | grep -c '^ii '")).isEqualTo("90\n");
    String list = k.type("dpkg -l");
    assertThat(list).startsWith("Desired=Unknown/Install/Remove/Purge/Hold\n"
        + "| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n"
        + "|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n"
        + "||/ Name           Version      Architecture Description\n"
        + "+++-==============-============-============-=================================\n");
    assertThat(list).contains("\nii  nano           2.9.3-2      amd64        small, friendly text editor inspi\n");
    // piped, the columns fit the longest entry of each
    String piped = k.type("dpkg -l | cat");
    String header = piped.lines().filter(l -> l.startsWith("||/")).findFirst().orElseThrow();
    String nano = piped.lines().filter(l -> l.startsWith("ii  nano ")).findFirst().orElseThrow();
    assertThat(nano.indexOf("2.9.3-2")).isEqualTo(header.indexOf("Version"));
    assertThat(nano.indexOf("amd64")).isEqualTo(header.indexOf("Architecture"));
    assertThat(nano).endsWith(" small, friendly text editor inspired by Pico");
    assertThat(k.type("dpkg -s nano")).startsWith("Package: nano\nStatus: install ok installed\n")
        .contains("Version: 2.9.3-2\n");
    assertThat(k.type("dpkg -L nano")).startsWith("/.\n/bin\n/bin/nano\n").contains("/usr/share/doc/nano/copyright\n");
    assertThat(k.type("apt-cache policy nano")).isEqualTo("nano:\n  Installed: 2.9.3-2\n  Candidate: 2.9.3-2\n"
        + "  Version table:\n *** 2.9.3-2 500\n        500 http://archive.ubuntu.com/ubuntu bionic/main amd64 Packages\n"
        + "        100 /var/lib/dpkg/status\n");
    assertThat(k.type("apt-cache policy curl")).startsWith("curl:\n  Installed: (none)\n  Candidate: 7.58.0-2ubuntu3.3\n");
    // the installed nano is the editor layerlab has: it needs a terminal, which this test has not
    assertThat(k.type("nano notes.txt")).isEmpty();
    assertThat(k.status).isEqualTo(1);
    assertThat(k.err).startsWith("nano: an editor needs a terminal");
  }

  @Test
  void withoutYesApt_asksAndAbortsOnNo() {
    k.enter("ubuntu:18.04", "box", "bash");
    k.type("apt-get update");
    k.type("apt-get install curl", "n\n");
    assertThat(k.status).isEqualTo(1);
    assertThat(k.out).contains("After this operation, ").endsWith("Do you want to continue? [Y/n] Abort.\n");
    assertThat(k.type("ls /usr/bin/curl")).isEmpty();
    assertThat(k.type("dpkg -l curl")).isEmpty();
    assertThat(k.err).isEqualTo("dpkg-query: no packages found matching curl\n");
    k.type("apt-get install curl", "\n");
    assertThat(k.status).isZero();
    assertThat(k.out).contains("Do you want to continue? [Y/n] Get:1 ").contains("Setting up curl (7.58.0-2ubuntu3.3) ...\n");
    assertThat(k.type("which curl")).isEqualTo("/usr/bin/curl\n");
  }

  @Test
  void errorsInAptAndDpkgsOwnWords() {
    k.enter("ubuntu:18.04", "box", "bash");
    k.type("apt-get update");
    k.type("apt-get install -y nosuchthing");
    assertThat(k.status).isEqualTo(100);
    assertThat(k.err).isEqualTo("E: Unable to locate package nosuchthing\n");
    k.type("apt-get frobnicate");
    assertThat(k.err).isEqualTo("E: Invalid operation frobnicate\n");
    k.type("dpkg -s vim");
    assertThat(k.status).isEqualTo(1);
    assertThat(k.err).isEqualTo("dpkg-query: package 'vim' is not installed and no information is available\n"
        + "Use dpkg --info (= dpkg-deb --info) to examine archive files,\n"
        + "and dpkg --contents (= dpkg-deb --contents) to list their contents.\n");
    k.type("dpkg -L vim");
    assertThat(k.err).startsWith("dpkg-query: package 'vim' is not installed\n");
    assertThat(k.type("apt-get install bash")).contains("bash is already the newest version (4.4.18-2ubuntu1).\n");
    k.type("apt-get remove -y bash");
    assertThat(k.status).isEqualTo(100);
    assertThat(k.type("ls /bin/bash")).isEqualTo("/bin/bash\n");
  }

  @Test
  void removeNamesWhatIsNoLongerNeededAndAutoremoveRemovesIt() {
    k.enter("ubuntu:18.04", "box", "bash");
    k.type("apt-get update");
    k.type("apt-get install -y vim");
    String remove = k.type("apt-get remove -y vim");
    String leftOver = "  file libexpat1 libgpm2 libmagic-mgc libmagic1 libmpdec2 libpython3.6\n"
        + "  libpython3.6-minimal libpython3.6-stdlib libreadline7 libsqlite3-0 libssl1.1\n"
        + "  mime-support readline-common vim-common vim-runtime xxd xz-utils\n";
    assertThat(remove).contains("The following packages were automatically installed and are no longer required:\n"
        + leftOver + "Use 'apt autoremove' to remove them.\n"
        + "The following packages will be REMOVED:\n  vim\n");
    assertThat(k.type("which vim xxd")).isEqualTo("/usr/bin/xxd\n");
    String autoremove = k.type("apt-get autoremove -y");
    assertThat(autoremove).contains("The following packages will be REMOVED:\n" + leftOver,
        "0 upgraded, 0 newly installed, 18 to remove and 0 not upgraded.\n", "Removing xxd (2:8.0.1453-1ubuntu1) ...\n");
    assertThat(k.type("which xxd")).isEmpty();
    assertThat(k.type("dpkg -l | grep -c '^ii '")).isEqualTo("89\n");
  }

  @Test
  void removeDeletesTheFilesAndTheRecord() {
    k.enter("debian:stretch", "box", "bash");
    k.type("apt-get update");
    assertThat(k.out).startsWith("Ign:1 http://deb.debian.org/debian stretch InRelease\n");
    k.type("apt-get install -y wget");
    assertThat(k.out).contains("Setting up wget (1.18-5+deb9u2) ...\n");
    String remove = k.type("apt-get remove -y wget");
    assertThat(remove).contains("The following packages will be REMOVED:\n  wget\n",
        "0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded.\n", "Removing wget (1.18-5+deb9u2) ...\n");
    assertThat(k.type("ls /usr/bin/wget /usr/share/doc/wget")).isEmpty();
    assertThat(k.err).contains("No such file or directory");
    assertThat(k.type("dpkg -l wget")).isEmpty();
    assertThat(k.type("apt-get remove wget")).contains("Package 'wget' is not installed, so not removed\n");
  }
}
