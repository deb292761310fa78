package dev.layerlab.overlay.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kernel side of the harness reports what the kernel really does (the facts the shared
 * experiments recorded), so a difference found later is layerlab's and not the harness's.
 */
class KernelHarnessTest {

  @BeforeEach
  void kernel() {
    KernelOverlay.assumeAvailable();
  }

  private static Differential.Run kernelRun(String text) {
    Script s = OpLanguage.parse("harness", text);
    try (KernelSide side = new KernelSide(KernelOverlay.scratch())) {
      return Differential.run(side, s, KernelOverlay.umask());
    }
  }

  @Test
  void deletingALowerFileLeavesAWhiteoutAndCopiesUpTheParentWithOrigin() {
    Differential.Run r = kernelRun("""
        lower 0 write /d/a "x"
        lower 0 write /d/b "y"
        mount
        rm /d/a
        cat /d/b
        umount
        """);
    assertThat(r.outcomes()).containsExactly("ok", "ok", "ok", "ok", "ok | content: y", "ok");
    assertThat(r.upper()).containsEntry("/d", "/d d 0755 0:0 trusted.overlay.origin=@L0:/d")
        .containsEntry("/d/a", "/d/a c 0000 0:0 0:0")
        .doesNotContainKey("/d/b");
    assertThat(r.lowers().get(0)).containsKey("/d/a");
  }

  @Test
  void appendCopiesUpTheWholeFileWithOriginAndMarksTheParentImpure() {
    Differential.Run r = kernelRun("""
        lower 0 write /etc/hosts "127.0.0.1"
        lower 0 setxattr user.note kept /etc/hosts
        mount
        append /etc/hosts "\\n"
        stat /etc/hosts
        """);
    assertThat(r.merged().get("/etc/hosts")).startsWith("/etc/hosts f 0644 0:0 size=10 ")
        .endsWith(" user.note=kept");
    assertThat(r.upper().get("/etc/hosts")).endsWith(" trusted.overlay.origin=@L0:/etc/hosts user.note=kept");
    assertThat(r.upper().get("/etc")).contains("trusted.overlay.impure=y");
    assertThat(r.upper().get("/")).doesNotContain("uuid");
  }

  @Test
  void renamingALowerDirectoryIsACrossDeviceLinkAndMvCopiesInstead() {
    Differential.Run r = kernelRun("""
        lower 0 write /d/f "1"
        lower 0 mknod /d/null c 1 3
        mount
        ! rename /d /e
        mv /d /e
        """);
    assertThat(r.outcomes()).containsSubsequence("EXDEV", "ok");
    assertThat(r.upper()).containsEntry("/d", "/d c 0000 0:0 0:0")
        .containsEntry("/e/null", "/e/null c 0644 0:0 1:3");
    assertThat(r.upper().get("/e")).isEqualTo("/e d 0755 0:0");
  }
}
