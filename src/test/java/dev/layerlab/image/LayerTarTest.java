package dev.layerlab.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.vfs.FileType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class LayerTarTest {
  private static final long T = 1534958937L;

  private static LayerTree sample() {
    return LayerTree.of(List.of(
        LayerEntry.file("etc/hostname", 0644, T, Content.text("layerlab\n")),
        LayerEntry.dir("etc", 0755, T),
        LayerEntry.dir("a", 0755, T),
        LayerEntry.file("a-b", 0644, T, Content.text("x")),
        LayerEntry.file("a/b", 0644, T, Content.text("y")),
        LayerEntry.symlink("bin/sh", "dash", T),
        LayerEntry.dir("bin", 0755, T),
        LayerEntry.file("bin/dash", 0755, T, Content.of(BuiltinStub.bytes("sh"))),
        LayerEntry.hardLink("bin/zsh", "bin/dash", 0755, T),
        LayerEntry.dir("tmp", 01777, T),
        LayerEntry.whiteout("etc/motd", T),
        LayerEntry.file("var/.wh..wh..opq", 0755, T, null),
        LayerEntry.dir("var", 0755, T).withXattr("trusted.overlay.opaque", "y")));
  }

  @Test
  void entriesAreInDirectoryWalkOrder() {
    assertThat(sample().entries()).extracting(LayerEntry::path).containsExactly(
        "a", "a/b", "a-b", "bin", "bin/dash", "bin/sh", "bin/zsh", "etc", "etc/.wh.motd", "etc/hostname", "tmp",
        "var", "var/.wh..wh..opq");
  }

  @Test
  void theSameTreeGivesTheSameBytesEveryTime() {
    byte[] one = LayerTar.bytes(sample());
    java.util.List<LayerEntry> reversed = new java.util.ArrayList<>(sample().entries());
    java.util.Collections.reverse(reversed);
    byte[] two = LayerTar.bytes(LayerTree.of(reversed));

    assertThat(Digest.of(two)).isEqualTo(Digest.of(one));
    assertThat(LayerBlob.of(sample()).digest()).isEqualTo(LayerBlob.of(sample()).digest());
    assertThat(one.length % 512).isZero();
  }

  @Test
  void readingBackGivesTheSameEntries() {
    LayerTree back = LayerTar.read(LayerTar.bytes(sample()));

    assertThat(back.entries()).hasSameSizeAs(sample().entries());
    for (LayerEntry e : sample().entries()) {
      LayerEntry b = back.get(e.path()).orElseThrow();
      assertThat(b.type()).as(e.path()).isEqualTo(e.type());
      assertThat(b.mode()).as(e.path()).isEqualTo(e.mode());
      assertThat(b.mtime()).isEqualTo(e.mtime());
      assertThat(b.linkName()).isEqualTo(e.linkName());
      assertThat(b.xattrs()).isEqualTo(e.xattrs());
      assertThat(b.content().bytes()).isEqualTo(e.content().bytes());
    }
    assertThat(back.get("tmp").orElseThrow().mode()).isEqualTo(01777);
  }

  @Test
  void headersCarryTypeBitsInTheModeAndRootOwnerNames() throws IOException {
    byte[] tar = LayerTar.bytes(LayerTree.of(List.of(LayerEntry.dir("etc", 0755, T))));
    String header = new String(Arrays.copyOf(tar, 512), StandardCharsets.ISO_8859_1);

    assertThat(header).startsWith("etc/\0");
    assertThat(header.substring(100, 108).trim()).contains("40755");
    assertThat(header.substring(265, 269)).isEqualTo("root");
    assertThat(header.substring(257, 262)).isEqualTo("ustar");
  }

  @Test
  void theLayerSizeCountsContentOnceAndSymlinkTargets() {
    LayerTree tree = LayerTree.of(List.of(
        LayerEntry.file("a", 0644, T, Content.filler(new byte[0], 1000, 1)),
        LayerEntry.hardLink("b", "a", 0644, T),
        LayerEntry.symlink("c", "a", T),
        LayerEntry.whiteout("d", T)));

    assertThat(tree.size()).isEqualTo(1001);
  }

  @Test
  void dotDotNamesAreRefused() {
    assertRefused(tar(entry("../etc/passwd", TarConstants.LF_NORMAL, null)), "\"../etc/passwd\" is outside of the layer");
  }

  @Test
  void absoluteNamesAreRefused() {
    assertRefused(tar(entry("/etc/passwd", TarConstants.LF_NORMAL, null)), "absolute name");
  }

  @Test
  void symlinksClimbingOutAreRefusedButAbsoluteTargetsStayInside() {
    assertRefused(tar(entry("etc/evil", TarConstants.LF_SYMLINK, "../../../etc/shadow")),
        "invalid symlink \"etc/evil\" -> \"../../../etc/shadow\"");
    assertThat(LayerTar.read(tar(entry("etc/mtab", TarConstants.LF_SYMLINK, "/proc/mounts"))).entries()).hasSize(1);
  }

  @Test
  void hardLinksOutsideAreRefused() {
    assertRefused(tar(entry("x", TarConstants.LF_LINK, "../../etc/shadow")), "is outside of the layer");
  }

  @Test
  void hardLinksToNothingEarlierInTheLayerAreRefused() {
    assertRefused(tar(entry("bin/sh", TarConstants.LF_LINK, "bin/busybox")),
        "invalid hardlink \"bin/sh\" -> \"bin/busybox\": no such file in the layer");
  }

  @Test
  void aWhiteoutUnderASymlinkedDirectoryIsRefused() {
    byte[] tar = tar(entry("etc", TarConstants.LF_SYMLINK, "/usr/etc"), entry("etc/.wh.passwd", TarConstants.LF_NORMAL, null));

    assertRefused(tar, "invalid whiteout \"etc/.wh.passwd\": parent \"etc\" is a symlink in the same layer");
  }

  @Test
  void truncatedTarsAreAnUnexpectedEof() {
    byte[] good = LayerTar.bytes(sample());
    for (int cut : new int[] {700, 1500, good.length - 1100}) {
      assertRefused(Arrays.copyOf(good, cut), "unexpected EOF");
    }
  }

  @Test
  void absurdSizesAreRefused() {
    byte[] tar = LayerTar.bytes(LayerTree.of(List.of(LayerEntry.file("big", 0644, T, Content.text("x")))));
    byte[] size = "77777777777".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, tar, 124, size.length);
    fixChecksum(tar);

    assertRefused(tar, "absurd size");
  }

  private static void assertRefused(byte[] tar, String message) {
    assertThatThrownBy(() -> LayerTar.read(tar)).isInstanceOf(ImageFormatException.class).hasMessageContaining(message);
  }

  private static void fixChecksum(byte[] tar) {
    Arrays.fill(tar, 148, 156, (byte) ' ');
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += tar[i] & 0xff;
    }
    byte[] c = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(c, 0, tar, 148, 8);
  }

  private static TarArchiveEntry entry(String name, byte type, String link) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    if (link != null) {
      e.setLinkName(link);
    }
    return e;
  }

  static byte[] tar(TarArchiveEntry... entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (TarArchiveEntry e : entries) {
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  @Test
  void whiteoutEntriesAreEmptyFilesWithMode0600() {
    LayerEntry w = LayerEntry.whiteout("etc/motd", T);

    assertThat(w.path()).isEqualTo("etc/.wh.motd");
    assertThat(w.type()).isEqualTo(FileType.REGULAR);
    assertThat(w.mode()).isEqualTo(0600);
    assertThat(w.isWhiteout()).isTrue();
    assertThat(w.whitedOutPath()).isEqualTo("etc/motd");
  }
}
