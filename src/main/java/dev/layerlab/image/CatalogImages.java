package dev.layerlab.image;

import static dev.layerlab.image.Catalog.t;

import java.util.List;

/**
 * What the catalog holds. Dates, tags, Dockerfiles and sizes are the real ones where known (see
 * the bundled data files); sizes marked approximate were not recorded anywhere we could find.
 * Digests and IDs are computed from the bytes we make, so they are not the registry's.
 */
final class CatalogImages {
  private CatalogImages() {}

  static final String UBUNTU_MAINTAINER = "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>";

  static final DebianRelease BIONIC = new DebianRelease("ubuntu-18.04", "ubuntu", "bionic", "2.27",
      t("2018-08-21T21:03:00Z").getEpochSecond(), t("2018-04-24T17:34:00Z").getEpochSecond(), false, 100, true,
      UBUNTU_MAINTAINER);
  static final DebianRelease XENIAL = new DebianRelease("ubuntu-16.04", "ubuntu", "xenial", "2.23",
      t("2018-08-08T21:05:00Z").getEpochSecond(), t("2016-04-12T20:14:00Z").getEpochSecond(), false, 104, true,
      UBUNTU_MAINTAINER);
  static final DebianRelease JAMMY = new DebianRelease("ubuntu-22.04", "ubuntu", "jammy", "2.35",
      t("2024-09-11T14:43:00Z").getEpochSecond(), t("2022-04-18T10:28:00Z").getEpochSecond(), true, 100, false,
      UBUNTU_MAINTAINER);
  static final DebianRelease STRETCH = new DebianRelease("debian-9", "debian", "stretch", "2.24",
      t("2018-07-16T00:00:00Z").getEpochSecond(), t("2018-06-26T00:00:00Z").getEpochSecond(), false, 100, false,
      "Debian Developers <debian-devel@lists.debian.org>");

  static void define(Catalog c) {
    c.define("ubuntu", List.of("18.04", "bionic", "bionic-20180821", "latest", "rolling"), x -> OfficialUbuntu.build(
        BIONIC, "ubuntu-bionic-core-cloudimg-amd64-root.tar.gz",
        List.of(t("2018-08-22T17:28:39Z"), t("2018-08-22T17:28:54Z"), t("2018-08-22T17:28:55Z"),
            t("2018-08-22T17:28:56Z"), t("2018-08-22T17:28:57Z"), t("2018-08-22T17:28:57.797346492Z")),
        84_117_621L, List.of("18.04", "bionic", "bionic-20180821", "latest", "rolling")));

    // 115MB is all that is known of xenial-20180808's size: 115,000,000 bytes is our stand-in.
    c.define("ubuntu", List.of("16.04", "xenial", "xenial-20180808"), x -> OfficialUbuntu.build(
        XENIAL, "ubuntu-xenial-core-cloudimg-amd64-root.tar.gz",
        List.of(t("2018-08-22T17:31:28Z"), t("2018-08-22T17:31:29Z"), t("2018-08-22T17:31:30Z"),
            t("2018-08-22T17:31:31Z"), t("2018-08-22T17:31:32Z"), t("2018-08-22T17:31:32Z")),
        115_000_000L, List.of("16.04", "xenial", "xenial-20180808")));

    // A modern image for comparison: one layer, labels and build args of today's Dockerfile (size approximate).
    c.define("ubuntu", List.of("22.04", "jammy"), x -> ImageBuild.fromScratch("ubuntu:22.04", "24.0.7")
        .arg("RELEASE", t("2024-09-11T16:25:40Z"))
        .arg("LAUNCHPAD_BUILD_ARCH", t("2024-09-11T16:25:40Z"))
        .label("org.opencontainers.image.ref.name", "ubuntu", t("2024-09-11T16:25:40Z"))
        .label("org.opencontainers.image.version", "22.04", t("2024-09-11T16:25:40Z"))
        .add("ADD", "ubuntu-jammy-oci-amd64-root.tar.gz", "/", DebianRootfs.build(JAMMY, 77_860_000L),
            t("2024-09-11T16:25:43Z"))
        .cmd(List.of("/bin/bash"), t("2024-09-11T16:25:43Z"))
        .build("ubuntu", List.of("22.04", "jammy"), true));

    // 101MB (repo-info: ~100.58 MB): 100,580,000 bytes is our stand-in.
    c.define("debian", List.of("stretch", "stretch-20180716", "9.5", "9", "latest"), x -> ImageBuild
        .fromScratch("debian:stretch", "17.06.2-ce")
        .add("ADD", "rootfs.tar.xz", "/", DebianRootfs.build(STRETCH, 100_580_000L), t("2018-07-17T00:27:24Z"))
        .cmd(List.of("bash"), t("2018-07-17T00:27:24.548161429Z"))
        .build("debian", List.of("stretch", "stretch-20180716", "9.5", "9", "latest"), true));

    c.define("alpine", List.of("3.8", "latest", "3.8.1"), x -> ImageBuild.fromScratch("alpine:3.8", "17.06.2-ce")
        .add("ADD", "rootfs.tar.xz", "/", SmallRootfs.alpine(t("2018-09-11T22:19:48Z").getEpochSecond()),
            t("2018-09-11T22:19:50.165674013Z"))
        .cmd(List.of("/bin/sh"), t("2018-09-11T22:19:50.322783064Z"))
        .build("alpine", List.of("3.8", "latest", "3.8.1"), true));

    c.define("busybox", List.of("latest", "1.29.2", "1.29", "1"), x -> ImageBuild.fromScratch("busybox", "17.06.2-ce")
        .add("ADD", "busybox.tar.xz", "/", SmallRootfs.busybox(t("2018-07-31T20:19:16Z").getEpochSecond(), 1_162_769L),
            t("2018-07-31T22:20:07.361628468Z"))
        .cmd(List.of("sh"), t("2018-07-31T22:20:07.617575594Z"))
        .build("busybox", List.of("latest", "1.29.2", "1.29", "1"), true));

    c.define("hello-world", List.of("latest"), x -> ImageBuild.fromScratch("hello-world", "17.06.2-ce")
        .add("COPY", "hello", "/", SmallRootfs.helloWorld(t("2018-07-11T00:32:05Z").getEpochSecond()),
            t("2018-07-11T00:32:08Z"))
        .cmd(List.of("/hello"), t("2018-07-11T00:32:08Z"))
        .build("hello-world", List.of("latest"), true));

    c.define("layerlab/hello", List.of("latest", "1.0"), x -> HelloApp.build(x.resolve("ubuntu:18.04")));
  }
}
