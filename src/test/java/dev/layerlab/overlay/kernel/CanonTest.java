package dev.layerlab.overlay.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.SubtreeVfs;
import dev.layerlab.vfs.Vfs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical listing both sides are compared in, checked without a kernel. */
class CanonTest {

  @Test
  void listsEveryKindOfEntryInTheSharedFormat() {
    JimfsVfs fs = JimfsVfs.create();
    fs.mkdir("/lower", 0755);
    fs.write("/lower/hosts", "127.0.0.1\n".getBytes(), Vfs.WriteMode.TRUNCATE, 0644);
    fs.mkdir("/upper", 0755);
    fs.mkdir("/upper/etc", 01777);
    fs.write("/upper/etc/hosts", new byte[0], Vfs.WriteMode.TRUNCATE, 04755);
    fs.chmod("/upper/etc/hosts", 04755);
    fs.link("/upper/etc/hosts", "/upper/etc/hosts2");
    fs.mknod("/upper/etc/motd", FileType.CHAR_DEVICE, 0, 0, 0);
    fs.symlink("../x y", "/upper/etc/link");
    fs.chown("/upper/etc/link", 7, 8, false);
    fs.setxattr("/upper/etc", "trusted.overlay.opaque", "y".getBytes());
    fs.setxattr("/upper/etc", "trusted.overlay.uuid", new byte[16]);
    fs.setxattr("/upper/etc/hosts", "user.note", new byte[] {1, 2});
    fs.setxattr("/upper/etc/hosts", "security.other", "x".getBytes());
    fs.setxattr("/upper/etc/hosts", "trusted.overlay.origin",
        handle(fs.lstat("/lower/hosts").ino()));
    fs.write("/upper/etc/meta", "ab".getBytes(), Vfs.WriteMode.TRUNCATE, 0600);
    fs.setxattr("/upper/etc/meta", "trusted.overlay.metacopy", new byte[0]);

    Canon.Layers layers = new Canon.Layers();
    layers.add("L0", new SubtreeVfs(fs, "/lower"));
    Map<String, String> dump = Canon.dump(new SubtreeVfs(fs, "/upper"), layers);

    String empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertThat(dump.values()).containsExactly(
        "/ d 0755 0:0",
        "/etc d 1777 0:0 trusted.overlay.opaque=y",
        "/etc/hosts f 4755 0:0 nlink=2 size=0 sha256=" + empty
            + " trusted.overlay.origin=@L0:/hosts user.note=0x0102",
        "/etc/hosts2 f 4755 0:0 nlink=2 size=0 sha256=" + empty
            + " trusted.overlay.origin=@L0:/hosts user.note=0x0102",
        "/etc/link l 0777 7:8 ->../x y",
        "/etc/meta f 0600 0:0 size=2 sha256=fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603"
            + " trusted.overlay.metacopy=",
        "/etc/motd c 0000 0:0 0:0");
  }

  @Test
  void handlesThatAreNotInodeHandlesSayWhatTheyAre() {
    Canon.Layers none = new Canon.Layers();
    assertThat(Canon.decodeHandle(new byte[] {0, 1, 2}, none)).isEqualTo("fh(?)");
    byte[] fh = handle(42);
    fh[4] = (byte) 0x81;
    assertThat(Canon.decodeHandle(fh, none)).isEqualTo("fh(type=129)");
    assertThat(Canon.decodeHandle(handle(42), none)).isEqualTo("ino:?");
  }

  @Test
  void readsGetfattrOutputIncludingEscapedNamesAndEmptyValues() {
    Xattrs x = new Xattrs();
    x.load("""
        # file: /t/a\\040b
        trusted.overlay.opaque=0x79
        trusted.overlay.metacopy=

        # file: /t/c
        user.k=0x7631
        """, List.of(Path.of("/t")));
    assertThat(x.of(Path.of("/t/a b"))).containsOnlyKeys("trusted.overlay.opaque", "trusted.overlay.metacopy");
    assertThat(x.of(Path.of("/t/a b")).get("trusted.overlay.opaque")).containsExactly('y');
    assertThat(x.of(Path.of("/t/c")).get("user.k")).containsExactly('v', '1');
    assertThat(x.of(Path.of("/t/none"))).isEmpty();
  }

  @Test
  void diffNamesEachSideReadably() {
    assertThat(Canon.diff(Map.of("/a", "/a f 0644", "/b", "/b d 0755"), Map.of("/a", "/a f 0600", "/c", "/c l")))
        .containsExactly("  kernel:   /a f 0644", "  layerlab: /a f 0600",
            "  only in kernel:   /b d 0755", "  only in layerlab: /c l");
  }

  /** struct ovl_fb for FILEID_INO32_GEN, as the kernel writes it on ext4. */
  private static byte[] handle(long ino) {
    byte[] fh = new byte[29];
    fh[1] = (byte) 0xfb;
    fh[2] = 29;
    fh[4] = 1;
    for (int i = 0; i < 4; i++) {
      fh[21 + i] = (byte) (ino >>> (8 * i));
    }
    return fh;
  }
}
