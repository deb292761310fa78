package dev.layerlab.image;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The official ubuntu images of 2018, built as tianon/docker-brew-ubuntu-core's Dockerfile of the
 * time built them: ADD the root tarball, then four RUN steps (policy-rc.d and apt settings,
 * empty the apt lists, enable universe, mark the container for systemd), then CMD.
 */
final class OfficialUbuntu {
  private OfficialUbuntu() {}

  /** The long first RUN exactly as the builder recorded it (tabs kept from the continuation lines). */
  static final String SET_XE = "set -xe \t\t&& echo '#!/bin/sh' > /usr/sbin/policy-rc.d \t&& echo 'exit 101' >> "
      + "/usr/sbin/policy-rc.d \t&& chmod +x /usr/sbin/policy-rc.d \t\t&& dpkg-divert --local --rename --add "
      + "/sbin/initctl \t&& cp -a /usr/sbin/policy-rc.d /sbin/initctl \t&& sed -i 's/^exit.*/exit 0/' /sbin/initctl "
      + "\t\t&& echo 'force-unsafe-io' > /etc/dpkg/dpkg.cfg.d/docker-apt-speedup \t\t&& echo 'DPkg::Post-Invoke { "
      + "\"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true\"; "
      + "};' > /etc/apt/apt.conf.d/docker-clean \t&& echo 'APT::Update::Post-Invoke { \"rm -f "
      + "/var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true\"; };' >> "
      + "/etc/apt/apt.conf.d/docker-clean \t&& echo 'Dir::Cache::pkgcache \"\"; Dir::Cache::srcpkgcache \"\";' >> "
      + "/etc/apt/apt.conf.d/docker-clean \t\t&& echo 'Acquire::Languages \"none\";' > "
      + "/etc/apt/apt.conf.d/docker-no-languages \t\t&& echo 'Acquire::GzipIndexes \"true\"; "
      + "Acquire::CompressionTypes::Order:: \"gz\";' > /etc/apt/apt.conf.d/docker-gzip-indexes \t\t&& echo "
      + "'Apt::AutoRemove::SuggestsImportant \"false\";' > /etc/apt/apt.conf.d/docker-autoremove-suggests";

  static final String RM_LISTS = "rm -rf /var/lib/apt/lists/*";
  static final String SED_UNIVERSE = "sed -i 's/^#\\s*\\(deb.*universe\\)$/\\1/g' /etc/apt/sources.list";
  static final String MKDIR_SYSTEMD = "mkdir -p /run/systemd && echo 'docker' > /run/systemd/container";

  private static final String CLEAN = "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb "
      + "/var/cache/apt/*.bin || true";

  /**
   * @param times ADD, RUN set -xe, RUN rm, RUN sed, RUN mkdir, CMD — as the image's history has them
   * @param imageSize the real image's size in bytes; the root filesystem is sized so the total matches
   */
  static Image build(DebianRelease release, String tarball, List<Instant> times, long imageSize, List<String> tags) {
    LayerTree probe = DebianRootfs.build(release, imageSize);
    LayerTree l2 = setXe(probe, times.get(1));
    LayerTree l3 = new RunDiff(probe, times.get(2).getEpochSecond()).deleteChildren("/var/lib/apt/lists").build();
    LayerTree l4 = sed(probe, times.get(3));
    LayerTree l5 = new RunDiff(probe, times.get(4).getEpochSecond()).mkdir("/run/systemd", 0755)
        .write("/run/systemd/container", 0644, Content.text("docker\n")).build();
    long upper = l2.size() + l3.size() + l4.size() + l5.size();
    LayerTree rootfs = DebianRootfs.build(release, imageSize - upper);
    return ImageBuild.fromScratch("ubuntu:" + tags.get(0), "17.06.2-ce")
        .add("ADD", tarball, "/", rootfs, times.get(0))
        .run(SET_XE, l2, times.get(1))
        .run(RM_LISTS, l3, times.get(2))
        .run(SED_UNIVERSE, l4, times.get(3))
        .run(MKDIR_SYSTEMD, l5, times.get(4))
        .cmd(List.of("/bin/bash"), times.get(5))
        .build("ubuntu", tags, true);
  }

  private static LayerTree setXe(LayerTree base, Instant at) {
    byte[] policy = "#!/bin/sh\nexit 101\n".getBytes(StandardCharsets.US_ASCII);
    String diversions = base.get("var/lib/dpkg/diversions").map(e -> new String(e.content().bytes(),
        StandardCharsets.UTF_8)).orElse("");
    return new RunDiff(base, at.getEpochSecond())
        .write("/usr/sbin/policy-rc.d", 0755, Content.of(policy))
        .write("/var/lib/dpkg/diversions-old", 0644, Content.text(diversions))
        .write("/var/lib/dpkg/diversions", 0644, Content.text(diversions + "/sbin/initctl\n/sbin/initctl.distrib\n:\n"))
        .write("/sbin/initctl", 0755, Content.text("#!/bin/sh\nexit 0\n"))
        .write("/etc/dpkg/dpkg.cfg.d/docker-apt-speedup", 0644, Content.text("force-unsafe-io\n"))
        .write("/etc/apt/apt.conf.d/docker-clean", 0644, Content.text(
            "DPkg::Post-Invoke { \"" + CLEAN + "\"; };\nAPT::Update::Post-Invoke { \"" + CLEAN + "\"; };\n"
                + "Dir::Cache::pkgcache \"\"; Dir::Cache::srcpkgcache \"\";\n"))
        .write("/etc/apt/apt.conf.d/docker-no-languages", 0644, Content.text("Acquire::Languages \"none\";\n"))
        .write("/etc/apt/apt.conf.d/docker-gzip-indexes", 0644,
            Content.text("Acquire::GzipIndexes \"true\"; Acquire::CompressionTypes::Order:: \"gz\";\n"))
        .write("/etc/apt/apt.conf.d/docker-autoremove-suggests", 0644,
            Content.text("Apt::AutoRemove::SuggestsImportant \"false\";\n"))
        .build();
  }

  private static LayerTree sed(LayerTree base, Instant at) {
    String before = new String(base.get("etc/apt/sources.list").orElseThrow().content().bytes(), StandardCharsets.UTF_8);
    return new RunDiff(base, at.getEpochSecond())
        .write("/etc/apt/sources.list", 0644, Content.text(SourcesList.enableUniverse(before)))
        .build();
  }
}
