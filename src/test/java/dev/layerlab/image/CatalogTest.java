package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.vfs.FileType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private final Catalog catalog = Catalog.builtIn();

  /** The merged root filesystem of an image: lower layers first, whiteouts and opaque dirs applied. */
  static Map<String, LayerEntry> rootfs(Image image) {
    TreeMap<String, LayerEntry> merged = new TreeMap<>();
    for (LayerBlob layer : image.layers()) {
      for (LayerEntry e : layer.tree().entries()) {
        if (e.isOpaqueMarker()) {
          merged.keySet().removeIf(p -> p.startsWith(e.parent() + "/"));
        } else if (e.isWhiteout()) {
          merged.keySet().removeIf(p -> p.equals(e.whitedOutPath()) || p.startsWith(e.whitedOutPath() + "/"));
        } else {
          merged.put(e.path(), e);
        }
      }
    }
    return merged;
  }

  static String text(Map<String, LayerEntry> fs, String path) {
    return new String(fs.get(path).content().bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void ubuntu1804IsTheFiveLayerBionicBuildWithItsRealSize() {
    Image i = catalog.resolve("ubuntu:18.04");
    ImageConfig c = i.config();

    assertThat(i.layers()).hasSize(5);
    assertThat(i.size()).isEqualTo(84_117_621L);
    assertThat(c.created()).isEqualTo("2018-08-22T17:28:57.797346492Z");
    assertThat(c.dockerVersion()).isEqualTo("17.06.2-ce");
    assertThat(c.config().cmd()).containsExactly("/bin/bash");
    assertThat(c.config().env()).containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    assertThat(c.history()).extracting(HistoryEntry::createdBy).containsExactly(
        c.history().get(0).createdBy(),
        "/bin/sh -c " + OfficialUbuntu.SET_XE,
        "/bin/sh -c rm -rf /var/lib/apt/lists/*",
        "/bin/sh -c sed -i 's/^#\\s*\\(deb.*universe\\)$/\\1/g' /etc/apt/sources.list",
        "/bin/sh -c mkdir -p /run/systemd && echo 'docker' > /run/systemd/container",
        "/bin/sh -c #(nop)  CMD [\"/bin/bash\"]");
    assertThat(c.history().get(0).createdBy()).matches("/bin/sh -c #\\(nop\\) ADD file:[0-9a-f]{64} in / ");
    assertThat(c.history().get(5).emptyLayer()).isTrue();
    assertThat(c.diffIds()).isEqualTo(i.diffIds());
    assertThat(i.layers().get(4).size()).isEqualTo(7);
    assertThat(i.layers().get(2).size()).isZero();
    assertThat(new String(i.configBytes(), StandardCharsets.UTF_8))
        .startsWith("{\"architecture\":\"amd64\",\"config\":{\"Hostname\":\"\",\"Domainname\":\"\"")
        .contains("\\u0026\\u0026 echo '#!/bin/sh' \\u003e /usr/sbin/policy-rc.d");
  }

  @Test
  void theBionicRootfsLooksLikeTheRealOne() {
    Map<String, LayerEntry> fs = rootfs(catalog.resolve("ubuntu:18.04"));

    assertThat(fs.keySet().stream().filter(p -> !p.contains("/"))).containsExactly(
        "bin", "boot", "dev", "etc", "home", "lib", "lib64", "media", "mnt", "opt", "proc", "root", "run", "sbin",
        "srv", "sys", "tmp", "usr", "var");
    assertThat(fs.get("tmp").mode()).isEqualTo(01777);
    assertThat(fs.get("root").mode()).isEqualTo(0700);
    assertThat(fs.get("etc/os-release").linkName()).isEqualTo("../usr/lib/os-release");
    assertThat(text(fs, "usr/lib/os-release")).contains("PRETTY_NAME=\"Ubuntu 18.04.1 LTS\"\n");
    assertThat(text(fs, "etc/lsb-release")).isEqualTo("DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=18.04\n"
        + "DISTRIB_CODENAME=bionic\nDISTRIB_DESCRIPTION=\"Ubuntu 18.04.1 LTS\"\n");
    assertThat(text(fs, "var/lib/dpkg/status")).contains("Package: libc6\n").contains("Version: 2.27-3ubuntu1\n")
        .contains("Package: bash\nEssential: yes\n");
    assertThat(text(fs, "var/lib/dpkg/status").split("\nPackage: ")).hasSize(89);
    assertThat(fs.get("bin/sh").linkName()).isEqualTo("dash");
    assertThat(fs.get("lib64/ld-linux-x86-64.so.2").linkName()).isEqualTo("/lib/x86_64-linux-gnu/ld-2.27.so");
    for (String program : List.of("bin/ls", "bin/cat", "bin/bash", "bin/rm", "bin/cp", "bin/mv", "bin/mkdir",
        "usr/bin/find", "bin/grep", "bin/sed", "bin/touch", "usr/bin/stat", "usr/bin/apt-get")) {
      byte[] head = java.util.Arrays.copyOf(fs.get(program).content().bytes(), 256);
      assertThat(BuiltinStub.utility(head)).as(program).contains(program.substring(program.lastIndexOf('/') + 1));
    }
    assertThat(fs.get("bin/ls").content().size()).isGreaterThan(100_000);
    assertThat(text(fs, "run/systemd/container")).isEqualTo("docker\n");
    assertThat(text(fs, "etc/apt/sources.list")).contains("\ndeb http://archive.ubuntu.com/ubuntu/ bionic universe\n");
    assertThat(fs).doesNotContainKey("var/lib/apt/lists/lock");
    assertThat(text(fs, "usr/sbin/policy-rc.d")).isEqualTo("#!/bin/sh\nexit 101\n");
    assertThat(fs.get("etc/shadow").gid()).isEqualTo(42);
  }

  @Test
  void xenialHasSystemdAndItsOwnReleaseFiles() {
    Image i = catalog.resolve("ubuntu:16.04");
    Map<String, LayerEntry> fs = rootfs(i);

    assertThat(i.size()).isEqualTo(115_000_000L);
    assertThat(text(fs, "etc/lsb-release")).contains("DISTRIB_DESCRIPTION=\"Ubuntu 16.04.5 LTS\"");
    assertThat(fs.get("sbin/init").linkName()).isEqualTo("/lib/systemd/systemd");
    assertThat(text(fs, "etc/passwd")).endsWith("systemd-bus-proxy:x:103:105:systemd Bus Proxy,,,:/run/systemd:/bin/false\n"
        + "_apt:x:104:65534::/nonexistent:/bin/false\n");
    assertThat(text(fs, "var/lib/dpkg/status").split("\nPackage: ")).hasSize(96);
    assertThat(fs.get("lib/x86_64-linux-gnu/libc-2.23.so")).isNotNull();
  }

  @Test
  void theOtherImagesHaveTheirRealShapes() {
    Image alpine = catalog.resolve("alpine");
    Map<String, LayerEntry> a = rootfs(alpine);
    assertThat(alpine.layers()).hasSize(1);
    assertThat(alpine.config().config().cmd()).containsExactly("/bin/sh");
    assertThat(a.get("bin/ls").linkName()).isEqualTo("/bin/busybox");
    assertThat(text(a, "etc/os-release")).contains("VERSION_ID=3.8.1");
    assertThat(alpine.size()).isBetween(4_405_000L, 4_414_999L);

    Image busybox = catalog.resolve("busybox");
    Map<String, LayerEntry> b = rootfs(busybox);
    assertThat(busybox.size()).isEqualTo(1_162_769L);
    assertThat(b.get("bin/busybox").isHardLink()).isTrue();
    assertThat(b.keySet().stream().filter(p -> p.startsWith("bin/"))).hasSize(394);
    assertThat(busybox.config().config().cmd()).containsExactly("sh");

    Image debian = catalog.resolve("debian:stretch");
    assertThat(text(rootfs(debian), "etc/debian_version")).isEqualTo("9.5\n");
    assertThat(debian.size()).isEqualTo(100_580_000L);

    Image jammy = catalog.resolve("ubuntu:22.04");
    Map<String, LayerEntry> j = rootfs(jammy);
    assertThat(jammy.layers()).hasSize(1);
    assertThat(j.get("bin").type()).isEqualTo(FileType.SYMLINK);
    assertThat(j.get("bin").linkName()).isEqualTo("usr/bin");
    assertThat(j).containsKey("usr/bin/ls");

    Image hello = catalog.resolve("hello-world");
    assertThat(BuiltinStub.utility(rootfs(hello).get("hello").content().bytes())).contains("hello");
  }

  @Test
  void theAppImageSharesUbuntusLayers() {
    Image ubuntu = catalog.resolve("ubuntu:18.04");
    Image app = catalog.resolve("layerlab/hello:1.0");

    assertThat(app.chainIds().subList(0, 5)).isEqualTo(ubuntu.chainIds());
    assertThat(app.layers()).hasSize(7);
    assertThat(app.config().config().workingDir()).isEqualTo("/app");
    assertThat(app.config().history()).hasSize(10);
    assertThat(app.config().history().get(7).createdBy()).matches("/bin/sh -c #\\(nop\\) COPY file:[0-9a-f]{64} in /app/hello.sh ");
    assertThat(app.listBytes()).isNull();
    assertThat(app.repoDigest()).isEqualTo(app.manifestDigest());
  }

  @Test
  void namesResolveTheWayTheDockerCliResolvesThem() {
    Image i = catalog.resolve("ubuntu:18.04");

    assertThat(catalog.resolve("ubuntu")).isSameAs(i);
    assertThat(catalog.resolve("ubuntu:latest")).isSameAs(i);
    assertThat(catalog.resolve("docker.io/library/ubuntu:bionic")).isSameAs(i);
    assertThat(catalog.resolve("library/ubuntu:18.04")).isSameAs(i);
    assertThat(catalog.resolve("ubuntu@" + i.repoDigest())).isSameAs(i);
    assertThat(catalog.resolve("ubuntu@" + i.manifestDigest())).isSameAs(i);
    assertThat(Reference.parse("ubuntu").usesDefaultTag()).isTrue();
    assertThat(Reference.parse("ubuntu").path()).isEqualTo("library/ubuntu");
    assertThat(Reference.parse("layerlab/hello").familiar()).isEqualTo("layerlab/hello:latest");
  }

  @Test
  void unknownNamesGetDockersMessages() {
    assertThatThrownBy(() -> catalog.resolve("ubuntu:17.99")).isInstanceOf(CatalogException.class)
        .hasMessage("manifest for ubuntu:17.99 not found");
    assertThatThrownBy(() -> catalog.resolve("nosuch")).hasMessage(
        "pull access denied for nosuch, repository does not exist or may require 'docker login'");
    assertThatThrownBy(() -> catalog.resolve("Ubuntu")).hasMessage(
        "invalid reference format: repository name must be lowercase");
    assertThatThrownBy(() -> catalog.resolve("ubuntu::1")).hasMessage("invalid reference format");
    assertThatThrownBy(() -> catalog.resolve("ubuntu@sha256:" + "0".repeat(64)))
        .hasMessage("manifest for ubuntu@sha256:" + "0".repeat(64) + " not found");
    CatalogException e = org.junit.jupiter.api.Assertions.assertThrows(CatalogException.class,
        () -> catalog.resolve("nosuch"));
    assertThat(e.fromDaemon()).isTrue();
    assertThat(e.kind()).isEqualTo(CatalogException.Kind.REPOSITORY_NOT_FOUND);
  }

  @Test
  void everyIdentifierIsTheHashOfTheBytesServed() {
    Image i = catalog.resolve("ubuntu:18.04");
    for (LayerBlob l : i.layers()) {
      assertThat(Digest.of(l.compressed())).isEqualTo(l.digest());
      assertThat(Digest.of(LayerTar.bytes(l.tree()))).isEqualTo(l.diffId());
    }
    assertThat(i.id()).isEqualTo(Digest.of(i.configBytes()));
    assertThat(new String(i.manifestBytes(), StandardCharsets.UTF_8))
        .contains("\"digest\": \"" + i.id() + "\"")
        .contains("\"digest\": \"" + i.layers().get(0).digest() + "\"");
    assertThat(new String(i.listBytes(), StandardCharsets.UTF_8)).contains("\"digest\": \"" + i.manifestDigest() + "\"");
  }

  @Test
  void everyCatalogConfigReadsBackToTheSameBytes() {
    for (String ref : List.of("ubuntu:18.04", "ubuntu:16.04", "ubuntu:22.04", "debian", "alpine", "busybox",
        "hello-world", "layerlab/hello")) {
      Image i = catalog.resolve(ref);
      assertThat(new String(ImageConfig.parse(i.configBytes()).toJson(), StandardCharsets.UTF_8)).as(ref)
          .isEqualTo(new String(i.configBytes(), StandardCharsets.UTF_8));
    }
  }

  /**
   * Golden values: our images are built from our own bytes, so these are not Docker Hub's IDs,
   * but they must come out the same on every run and machine. Re-pin only on purpose.
   */
  @Test
  void identifiersAreStableAcrossRuns() {
    Map<String, String> golden = new TreeMap<>(Map.of(
        "ubuntu:18.04", GoldenIds.UBUNTU_1804,
        "ubuntu:16.04", GoldenIds.UBUNTU_1604,
        "alpine:3.8", GoldenIds.ALPINE,
        "busybox:latest", GoldenIds.BUSYBOX,
        "hello-world:latest", GoldenIds.HELLO_WORLD,
        "layerlab/hello:latest", GoldenIds.APP));
    golden.forEach((ref, id) -> {
      Image i = catalog.resolve(ref);
      // what a re-pin needs is in the failure message; a passing run prints nothing
      assertThat(i.id().toString()).as("%s (repo digest %s)", ref, i.repoDigest()).isEqualTo(id);
    });
  }
}
