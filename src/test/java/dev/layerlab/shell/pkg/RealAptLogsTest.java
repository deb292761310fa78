package dev.layerlab.shell.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a learner sees when installing the usual tools in the 2018 images, held against the same
 * commands in public logs of real runs (docker build output and terminal transcripts of 2018 and
 * later runs of the same package versions). Each expected text below is copied from such a log,
 * as apt printed it in an 80-column or piped run; where a log was taken on a wider terminal only
 * its package names are compared.
 */
class RealAptLogsTest {
  private final Keyboard k = new Keyboard();

  private String install(String image, String command) {
    k.enter(image, "box", "bash");
    k.type("apt-get update");
    String out = k.type(command);
    assertThat(k.status).as(command).isZero();
    return out;
  }

  /** The names of one of apt's package lists ("The following NEW packages ..."), in order. */
  private static List<String> listed(String out, String header) {
    int at = out.indexOf(header + "\n");
    assertThat(at).as(header).isNotNegative();
    StringBuilder words = new StringBuilder();
    for (String line : out.substring(at + header.length() + 1).split("\n")) {
      if (!line.startsWith("  ")) {
        break;
      }
      words.append(line).append(' ');
    }
    return Arrays.asList(words.toString().trim().split("\\s+"));
  }

  @Test
  void bionicCurlBringsTheThirtyPackagesARealContainerGot() {
    String out = install("ubuntu:18.04", "apt-get install -y curl");
    // names from `apt install curl` in an ubuntu:18.04 container (the same 30 since 2018)
    assertThat(listed(out, "The following NEW packages will be installed:")).containsExactly("ca-certificates", "curl",
        "krb5-locales", "libasn1-8-heimdal", "libcurl4", "libgssapi-krb5-2", "libgssapi3-heimdal", "libhcrypto4-heimdal",
        "libheimbase1-heimdal", "libheimntlm0-heimdal", "libhx509-5-heimdal", "libk5crypto3", "libkeyutils1",
        "libkrb5-26-heimdal", "libkrb5-3", "libkrb5support0", "libldap-2.4-2", "libldap-common", "libnghttp2-14",
        "libpsl5", "libroken18-heimdal", "librtmp1", "libsasl2-2", "libsasl2-modules", "libsasl2-modules-db",
        "libsqlite3-0", "libssl1.1", "libwind0-heimdal", "openssl", "publicsuffix");
    assertThat(out).contains("Suggested packages:\n  krb5-doc krb5-user libsasl2-modules-gssapi-mit\n"
            + "  | libsasl2-modules-gssapi-heimdal libsasl2-modules-ldap libsasl2-modules-otp\n  libsasl2-modules-sql\n",
        "0 upgraded, 30 newly installed, 0 to remove and 0 not upgraded.\n",
        // September 2018: curl after USN-3765-1, sizes as every 7.58.0-2ubuntu3.x printed them
        " http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 curl amd64 7.58.0-2ubuntu3.3 [159 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 libcurl4 amd64 7.58.0-2ubuntu3.3 [214 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 libssl1.1 amd64 1.1.0g-2ubuntu4.1 [1128 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 ca-certificates all 20180409 [151 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 libnghttp2-14 amd64 1.30.0-1ubuntu1 [77.8 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 librtmp1 amd64 2.4+20151223.gitfa8646d.1-1 [54.2 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 libkeyutils1 amd64 1.5.9-9.2ubuntu2 [8720 B]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 libroken18-heimdal amd64 7.5.0+dfsg-1 [41.3 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 libkrb5-26-heimdal amd64 7.5.0+dfsg-1 [206 kB]\n",
        "Setting up curl (7.58.0-2ubuntu3.3) ...\n", "Processing triggers for libc-bin (2.27-3ubuntu1) ...\n");
    assertThat(out).containsPattern("\nGet:30 http://archive\\.ubuntu\\.com/ubuntu bionic[-a-z]*/main amd64 \\S+ ");
    assertThat(k.err).isEqualTo("debconf: delaying package configuration, since apt-utils is not installed\n");
    assertThat(k.type("dpkg -s libcurl4 | grep -E '^(Version|Depends|Recommends):'")).isEqualTo(
        "Version: 7.58.0-2ubuntu3.3\nDepends: libc6 (>= 2.17), libgssapi-krb5-2 (>= 1.14+dfsg), libidn2-0 (>= 0.6), "
            + "libldap-2.4-2 (>= 2.4.7), libnghttp2-14 (>= 1.12.0), libpsl5 (>= 0.13.0), librtmp1 (>= 2.1), "
            + "libssl1.1 (>= 1.1.0), zlib1g (>= 1:1.1.4)\nRecommends: ca-certificates\n");
  }

  @Test
  void withoutRecommendsBionicCurlListsThemAsADockerBuildPrintedIt() {
    String out = install("ubuntu:18.04", "apt-get install -y --no-install-recommends curl");
    // a 2021 `docker build` of FROM ubuntu:bionic, apt-get install --no-install-recommends -y curl
    assertThat(out).contains("The following additional packages will be installed:\n"
        + "  libasn1-8-heimdal libcurl4 libgssapi-krb5-2 libgssapi3-heimdal\n"
        + "  libhcrypto4-heimdal libheimbase1-heimdal libheimntlm0-heimdal\n"
        + "  libhx509-5-heimdal libk5crypto3 libkeyutils1 libkrb5-26-heimdal libkrb5-3\n"
        + "  libkrb5support0 libldap-2.4-2 libldap-common libnghttp2-14 libpsl5\n"
        + "  libroken18-heimdal librtmp1 libsasl2-2 libsasl2-modules-db libsqlite3-0\n"
        + "  libssl1.1 libwind0-heimdal\n"
        + "Suggested packages:\n"
        + "  krb5-doc krb5-user\n"
        + "Recommended packages:\n"
        + "  ca-certificates krb5-locales publicsuffix libsasl2-modules\n"
        + "The following NEW packages will be installed:\n"
        + "  curl libasn1-8-heimdal libcurl4 libgssapi-krb5-2 libgssapi3-heimdal\n"
        + "  libhcrypto4-heimdal libheimbase1-heimdal libheimntlm0-heimdal\n"
        + "  libhx509-5-heimdal libk5crypto3 libkeyutils1 libkrb5-26-heimdal libkrb5-3\n"
        + "  libkrb5support0 libldap-2.4-2 libldap-common libnghttp2-14 libpsl5\n"
        + "  libroken18-heimdal librtmp1 libsasl2-2 libsasl2-modules-db libsqlite3-0\n"
        + "  libssl1.1 libwind0-heimdal\n"
        + "0 upgraded, 25 newly installed, 0 to remove and 0 not upgraded.\n");
    assertThat(k.type("dpkg -l ca-certificates")).isEmpty();
  }

  @Test
  void bionicVimPullsPythonAsInJuly2018() {
    String out = install("ubuntu:18.04", "apt-get install -y vim");
    // `apt install vim` in an ubuntu:18.04 container, July 2018 (blog post of 2018-07-14)
    assertThat(out).contains("The following additional packages will be installed:\n"
        + "  file libexpat1 libgpm2 libmagic-mgc libmagic1 libmpdec2 libpython3.6\n"
        + "  libpython3.6-minimal libpython3.6-stdlib libreadline7 libsqlite3-0 libssl1.1\n"
        + "  mime-support readline-common vim-common vim-runtime xxd xz-utils\n"
        + "Suggested packages:\n"
        + "  gpm readline-doc ctags vim-doc vim-scripts\n"
        + "The following NEW packages will be installed:\n"
        + "  file libexpat1 libgpm2 libmagic-mgc libmagic1 libmpdec2 libpython3.6\n"
        + "  libpython3.6-minimal libpython3.6-stdlib libreadline7 libsqlite3-0 libssl1.1\n"
        + "  mime-support readline-common vim vim-common vim-runtime xxd xz-utils\n"
        + "0 upgraded, 19 newly installed, 0 to remove and 0 not upgraded.\n"
        + "Need to get 12.7 MB of archives.\n"
        + "After this operation, 61.0 MB of additional disk space will be used.\n");
    assertThat(out).contains(" http://archive.ubuntu.com/ubuntu bionic/main amd64 vim amd64 2:8.0.1453-1ubuntu1 [1152 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 readline-common all 7.0-3 [52.9 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 libmpdec2 amd64 2.4.2-1ubuntu1 [84.1 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 xz-utils amd64 5.2.2-1.3 [83.8 kB]\n",
        "update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/rview (rview) in auto mode\n");
  }

  @Test
  void bionicPython3AndWgetAndNanoAsReal2018Runs() {
    String python = install("ubuntu:18.04", "apt-get install -y python3");
    // the same July 2018 post: `apt install -y python3` in a docker build of FROM ubuntu:18.04
    assertThat(python).contains("The following additional packages will be installed:\n"
        + "  file libexpat1 libmagic-mgc libmagic1 libmpdec2 libpython3-stdlib\n"
        + "  libpython3.6-minimal libpython3.6-stdlib libreadline7 libsqlite3-0 libssl1.1\n"
        + "  mime-support python3-minimal python3.6 python3.6-minimal readline-common\n"
        + "  xz-utils\n"
        + "Suggested packages:\n"
        + "  python3-doc python3-tk python3-venv python3.6-venv python3.6-doc binutils\n"
        + "  binfmt-support readline-doc\n"
        + "The following NEW packages will be installed:\n"
        + "  file libexpat1 libmagic-mgc libmagic1 libmpdec2 libpython3-stdlib\n"
        + "  libpython3.6-minimal libpython3.6-stdlib libreadline7 libsqlite3-0 libssl1.1\n"
        + "  mime-support python3 python3-minimal python3.6 python3.6-minimal\n"
        + "  readline-common xz-utils\n"
        + "0 upgraded, 18 newly installed, 0 to remove and 0 not upgraded.\n"
        + "Need to get 6184 kB of archives.\n"
        + "After this operation, 33.4 MB of additional disk space will be used.\n");
    String wget = k.type("apt-get install -y wget");
    // `apt-get install wget` in an ubuntu:18.04 container (libssl1.1 had moved to 4.3, 2 kB larger, by then)
    assertThat(wget).contains("The following additional packages will be installed:\n  ca-certificates libpsl5 openssl publicsuffix\n",
        " http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 wget amd64 1.19.4-1ubuntu2.1 [316 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 publicsuffix all 20180223.1310-1 [97.6 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic/main amd64 libpsl5 amd64 0.19.1-5build1 [41.8 kB]\n");
    String nano = k.type("apt-get install -y nano");
    assertThat(nano).contains("Suggested packages:\n  spell\nThe following NEW packages will be installed:\n  nano\n"
        + "0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\nNeed to get 231 kB of archives.\n"
        + "After this operation, 778 kB of additional disk space will be used.\n"
        + "Get:1 http://archive.ubuntu.com/ubuntu bionic/main amd64 nano amd64 2.9.3-2 [231 kB]\n");
    assertThat(k.type("apt-get install -y net-tools")).contains("Need to get 194 kB of archives.\n"
        + "After this operation, 803 kB of additional disk space will be used.\n"
        + "Get:1 http://archive.ubuntu.com/ubuntu bionic/main amd64 net-tools amd64 1.60+git20161116.90da8a0-1ubuntu1 [194 kB]\n");
  }

  @Test
  void bionicGitArchivesAsAptPrintedThem() {
    String out = install("ubuntu:18.04", "apt-get install -y git");
    // `apt install git` on an 18.04 host in 2018 (git, git-man and liberror-perl were new there)
    assertThat(out).contains(" http://archive.ubuntu.com/ubuntu bionic/main amd64 liberror-perl all 0.17025-1 [22.8 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 git-man all 1:2.17.1-1ubuntu0.1 [803 kB]\n",
        " http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 git amd64 1:2.17.1-1ubuntu0.1 [3905 kB]\n",
        "Setting up git (1:2.17.1-1ubuntu0.1) ...\n");
    assertThat(listed(out, "Suggested packages:")).startsWith("gettext-base", "git-daemon-run", "|", "git-daemon-sysvinit",
        "git-doc", "git-el", "git-email", "git-gui", "gitk", "gitweb", "git-cvs", "git-mediawiki", "git-svn");
    assertThat(listed(out, "The following NEW packages will be installed:")).contains("libcurl3-gnutls", "liberror-perl",
        "git-man", "less", "ca-certificates").doesNotContain("libcurl4");
  }

  @Test
  void fiveArchivesOrFewerAreUnpackedUnderTheirOwnNames() {
    // a December 2018 bionic build: `apt-get install -y --no-install-recommends wget unzip`, three archives
    String three = install("ubuntu:18.04", "apt-get install -y --no-install-recommends wget");
    assertThat(three).contains("Recommended packages:\n  publicsuffix ca-certificates\n",
        "Preparing to unpack .../libpsl5_0.19.1-5build1_amd64.deb ...\n",
        "Preparing to unpack .../wget_1.19.4-1ubuntu2.1_amd64.deb ...\n");
    // stretch's apt 1.4 alike: vim's five archives unnumbered (a 2018 stretch build)
    k.type("exit");
    k.type("docker rm box");
    String five = install("debian:stretch", "apt-get install -y vim");
    assertThat(five).contains("Preparing to unpack .../xxd_2%3a8.0.0197-4+deb9u1_amd64.deb ...\n");
    // six and more get numbers, as wget's six in an ubuntu:18.04 container (0-libssl1.1 ... 5-wget)
    String six = k.type("apt-get install -y wget");
    assertThat(six).contains("0 upgraded, 8 newly installed, 0 to remove and 0 not upgraded.\n")
        .containsPattern("\nPreparing to unpack \\.\\.\\./[0-7]-wget_1\\.18-5\\+deb9u2_amd64\\.deb \\.\\.\\.\n");
  }

  @Test
  void bionicWgetAloneInABareContainer() {
    String out = install("ubuntu:18.04", "apt-get install -y wget");
    // tgockel/sudo4container README: `apt-get install wget` in an ubuntu:18.04 container (early 2019)
    assertThat(out).contains("The following NEW packages will be installed:\n"
        + "  ca-certificates libpsl5 libssl1.1 openssl publicsuffix wget\n"
        + "0 upgraded, 6 newly installed, 0 to remove and 0 not upgraded.\n"
        // the log shows 2269 kB with libssl1.1 1.1.0g-2ubuntu4.3 [1130 kB]; 4.1 is 1128 kB
        + "Need to get 2266 kB of archives.\n"
        + "After this operation, 6341 kB of additional disk space will be used.\n");
  }

  @Test
  void xenialUpdateAndVimAsSeptember2018Runs() {
    k.enter("ubuntu:16.04", "box", "bash");
    String update = k.type("apt-get update");
    // `RUN apt update` FROM ubuntu:16.04 52b10959e8aa, whose container printed Wed Sep 5 2018
    assertThat(update).startsWith("Get:1 http://security.ubuntu.com/ubuntu xenial-security InRelease [107 kB]\n"
        + "Get:2 http://archive.ubuntu.com/ubuntu xenial InRelease [247 kB]\n"
        + "Get:3 http://security.ubuntu.com/ubuntu xenial-security/universe Sources [89.7 kB]\n"
        + "Get:4 http://archive.ubuntu.com/ubuntu xenial-updates InRelease [109 kB]\n"
        + "Get:5 http://archive.ubuntu.com/ubuntu xenial-backports InRelease [107 kB]\n"
        + "Get:6 http://archive.ubuntu.com/ubuntu xenial/universe Sources [9802 kB]\n"
        + "Get:7 http://security.ubuntu.com/ubuntu xenial-security/main amd64 Packages [702 kB]\n"
        + "Get:8 http://security.ubuntu.com/ubuntu xenial-security/restricted amd64 Packages [12.7 kB]\n"
        + "Get:9 http://security.ubuntu.com/ubuntu xenial-security/universe amd64 Packages [467 kB]\n"
        + "Get:10 http://security.ubuntu.com/ubuntu xenial-security/multiverse amd64 Packages [3748 B]\n"
        + "Get:11 http://archive.ubuntu.com/ubuntu xenial/main amd64 Packages [1558 kB]\n"
        + "Get:12 http://archive.ubuntu.com/ubuntu xenial/restricted amd64 Packages [14.1 kB]\n"
        + "Get:13 http://archive.ubuntu.com/ubuntu xenial/universe amd64 Packages [9827 kB]\n"
        + "Get:14 http://archive.ubuntu.com/ubuntu xenial/multiverse amd64 Packages [176 kB]\n"
        + "Get:15 http://archive.ubuntu.com/ubuntu xenial-updates/universe Sources [276 kB]\n"
        + "Get:16 http://archive.ubuntu.com/ubuntu xenial-updates/main amd64 Packages [1087 kB]\n"
        + "Get:17 http://archive.ubuntu.com/ubuntu xenial-updates/restricted amd64 Packages [13.1 kB]\n"
        + "Get:18 http://archive.ubuntu.com/ubuntu xenial-updates/universe amd64 Packages [877 kB]\n"
        + "Get:19 http://archive.ubuntu.com/ubuntu xenial-updates/multiverse amd64 Packages [18.8 kB]\n"
        + "Get:20 http://archive.ubuntu.com/ubuntu xenial-backports/main amd64 Packages [7343 B]\n"
        + "Get:21 http://archive.ubuntu.com/ubuntu xenial-backports/universe amd64 Packages [8086 B]\n"
        + "Fetched 25.5 MB in ");
    String vim = k.type("apt-get install -y vim");
    // `RUN apt-get update && apt-get -y install vim` FROM ubuntu:16.04, 2018
    assertThat(vim).contains("The following additional packages will be installed:\n"
        + "  file libexpat1 libgpm2 libmagic1 libmpdec2 libpython3.5 libpython3.5-minimal\n"
        + "  libpython3.5-stdlib libsqlite3-0 libssl1.0.0 mime-support vim-common\n"
        + "  vim-runtime\n"
        + "Suggested packages:\n"
        + "  gpm ctags vim-doc vim-scripts vim-gnome-py2 | vim-gtk-py2 | vim-gtk3-py2\n"
        + "  | vim-athena-py2 | vim-nox-py2\n"
        + "The following NEW packages will be installed:\n"
        + "  file libexpat1 libgpm2 libmagic1 libmpdec2 libpython3.5 libpython3.5-minimal\n"
        + "  libpython3.5-stdlib libsqlite3-0 libssl1.0.0 mime-support vim vim-common\n"
        + "  vim-runtime\n"
        + "0 upgraded, 14 newly installed, 0 to remove and 0 not upgraded.\n"
        + "Need to get 12.2 MB of archives.\n"
        + "After this operation, 58.3 MB of additional disk space will be used.\n",
        " http://archive.ubuntu.com/ubuntu xenial/main amd64 libgpm2 amd64 1.20.4-6.1 [16.5 kB]\n",
        " http://archive.ubuntu.com/ubuntu xenial-updates/main amd64 vim-common amd64 2:7.4.1689-3ubuntu1.2 [103 kB]\n",
        " http://archive.ubuntu.com/ubuntu xenial-updates/main amd64 vim-runtime all 2:7.4.1689-3ubuntu1.2 [5164 kB]\n",
        " http://archive.ubuntu.com/ubuntu xenial-updates/main amd64 vim amd64 2:7.4.1689-3ubuntu1.2 [1036 kB]\n",
        "Preparing to unpack .../vim_2%3a7.4.1689-3ubuntu1.2_amd64.deb ...\n",
        "update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/rview (rview) in auto mode\n");
  }

  @Test
  void xenialPingNanoAndNetToolsAsInA2018Container() {
    String ping = install("ubuntu:16.04", "apt-get install -y iputils-ping");
    // `apt-get install -y iputils-ping` in an ubuntu:16.04 container, 2018 (a course's docker commit exercise)
    assertThat(listed(ping, "The following NEW packages will be installed:")).containsExactly("iputils-ping", "libffi6",
        "libgmp10", "libgnutls-openssl27", "libgnutls30", "libhogweed4", "libidn11", "libnettle6", "libp11-kit0",
        "libtasn1-6");
    assertThat(ping).contains(" http://archive.ubuntu.com/ubuntu xenial/main amd64 iputils-ping amd64 3:20121221-5ubuntu2 [52.7 kB]\n",
        " http://archive.ubuntu.com/ubuntu xenial-updates/main amd64 libgnutls30 amd64 3.4.10-4ubuntu1.4 [548 kB]\n",
        "Preparing to unpack .../libgmp10_2%3a6.1.0+dfsg-2_amd64.deb ...\n");
    assertThat(k.type("apt-get install -y nano")).contains("Suggested packages:\n  spell\n",
        "Need to get 191 kB of archives.\nAfter this operation, 700 kB of additional disk space will be used.\n"
            + "Get:1 http://archive.ubuntu.com/ubuntu xenial-updates/main amd64 nano amd64 2.5.3-2ubuntu2 [191 kB]\n");
    assertThat(k.type("apt-get install -y net-tools")).contains(
        "Get:1 http://archive.ubuntu.com/ubuntu xenial/main amd64 net-tools amd64 1.60-26ubuntu1 [175 kB]\n");
  }

  @Test
  void xenialCurlLinksGnutlsAndBringsThirtyFourPackages() {
    String out = install("ubuntu:16.04", "apt-get install -y curl");
    assertThat(listed(out, "The following NEW packages will be installed:")).containsExactly("ca-certificates", "curl",
        "krb5-locales", "libasn1-8-heimdal", "libcurl3-gnutls", "libffi6", "libgmp10", "libgnutls30", "libgssapi-krb5-2",
        "libgssapi3-heimdal", "libhcrypto4-heimdal", "libheimbase1-heimdal", "libheimntlm0-heimdal", "libhogweed4",
        "libhx509-5-heimdal", "libidn11", "libk5crypto3", "libkeyutils1", "libkrb5-26-heimdal", "libkrb5-3",
        "libkrb5support0", "libldap-2.4-2", "libnettle6", "libp11-kit0", "libroken18-heimdal", "librtmp1", "libsasl2-2",
        "libsasl2-modules", "libsasl2-modules-db", "libsqlite3-0", "libssl1.0.0", "libtasn1-6", "libwind0-heimdal",
        "openssl");
    assertThat(listed(out, "Suggested packages:")).containsExactly("gnutls-bin", "krb5-doc", "krb5-user",
        "libsasl2-modules-otp", "libsasl2-modules-ldap", "libsasl2-modules-sql", "libsasl2-modules-gssapi-mit", "|",
        "libsasl2-modules-gssapi-heimdal");
    assertThat(out).contains(" http://archive.ubuntu.com/ubuntu xenial-updates/main amd64 curl amd64 7.47.0-1ubuntu2.9 [138 kB]\n",
        " http://archive.ubuntu.com/ubuntu xenial-updates/main amd64 libcurl3-gnutls amd64 7.47.0-1ubuntu2.9 [184 kB]\n",
        " http://archive.ubuntu.com/ubuntu xenial/main amd64 libffi6 amd64 3.2.1-4 [17.8 kB]\n",
        " http://archive.ubuntu.com/ubuntu xenial/main amd64 libkeyutils1 amd64 1.5.9-8ubuntu1 [9904 B]\n");
  }

  @Test
  void stretchCurlVimNanoAsDockerBuildsPrintedThem() {
    String curl = install("debian:stretch", "apt-get install -y curl");
    // a docker build FROM a debian:stretch image, `apt-get install -y curl` (early 2019; same names)
    assertThat(curl).contains("The following additional packages will be installed:\n"
        + "  ca-certificates krb5-locales libcurl3 libffi6 libgmp10 libgnutls30\n"
        + "  libgssapi-krb5-2 libhogweed4 libidn2-0 libk5crypto3 libkeyutils1 libkrb5-3\n"
        + "  libkrb5support0 libldap-2.4-2 libldap-common libnghttp2-14 libp11-kit0\n"
        + "  libpsl5 librtmp1 libsasl2-2 libsasl2-modules libsasl2-modules-db libssh2-1\n"
        + "  libssl1.0.2 libssl1.1 libtasn1-6 libunistring0 openssl publicsuffix\n"
        + "Suggested packages:\n"
        + "  gnutls-bin krb5-doc krb5-user libsasl2-modules-gssapi-mit\n"
        + "  | libsasl2-modules-gssapi-heimdal libsasl2-modules-ldap libsasl2-modules-otp\n"
        + "  libsasl2-modules-sql\n"
        + "The following NEW packages will be installed:\n"
        + "  ca-certificates curl krb5-locales libcurl3 libffi6 libgmp10 libgnutls30\n"
        + "  libgssapi-krb5-2 libhogweed4 libidn2-0 libk5crypto3 libkeyutils1 libkrb5-3\n"
        + "  libkrb5support0 libldap-2.4-2 libldap-common libnghttp2-14 libp11-kit0\n"
        + "  libpsl5 librtmp1 libsasl2-2 libsasl2-modules libsasl2-modules-db libssh2-1\n"
        + "  libssl1.0.2 libssl1.1 libtasn1-6 libunistring0 openssl publicsuffix\n"
        + "0 upgraded, 30 newly installed, 0 to remove and 0 not upgraded.\n",
        // DSA-4286-1 (5 September 2018) put 7.52.1-5+deb9u7 in stretch/updates
        " http://security.debian.org/debian-security stretch/updates/main amd64 curl amd64 7.52.1-5+deb9u7 [228 kB]\n",
        " http://deb.debian.org/debian stretch/main amd64 libkrb5-3 amd64 1.15-1+deb9u1 [311 kB]\n",
        "Preparing to unpack .../00-");
    String vim = k.type("apt-get install -y vim");
    assertThat(vim).contains("The following additional packages will be installed:\n  libgpm2 vim-common vim-runtime xxd\n"
        + "Suggested packages:\n  gpm ctags vim-doc vim-scripts\n"
        + "The following NEW packages will be installed:\n  libgpm2 vim vim-common vim-runtime xxd\n"
        + "0 upgraded, 5 newly installed, 0 to remove and 0 not upgraded.\n"
        + "Need to get 6766 kB of archives.\n"
        + "After this operation, 31.2 MB of additional disk space will be used.\n",
        " http://deb.debian.org/debian stretch/main amd64 vim-runtime all 2:8.0.0197-4+deb9u1 [5407 kB]\n");
    assertThat(k.type("apt-get install -y net-tools")).contains("Need to get 248 kB of archives.\n"
        + "After this operation, 963 kB of additional disk space will be used.\n");
    assertThat(k.type("apt-get install -y nano")).contains("Suggested packages:\n  spell\n",
        "Need to get 485 kB of archives.\nAfter this operation, 2092 kB of additional disk space will be used.\n"
            + "Get:1 http://deb.debian.org/debian stretch/main amd64 nano amd64 2.7.4-1 [485 kB]\n");
  }
}
