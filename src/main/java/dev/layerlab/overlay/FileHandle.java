package dev.layerlab.overlay;

/**
 * The binary file handle overlayfs stores in {@code trusted.overlay.origin}: the kernel's
 * {@code struct ovl_fb} for a FILEID_INO32_GEN handle, as ext4 makes it.
 *
 * <pre>
 * byte 0     version 0
 * byte 1     magic 0xfb
 * byte 2     length of the whole handle (29)
 * byte 3     flags 0
 * byte 4     handle type 1 (FILEID_INO32_GEN)
 * bytes 5-20 uuid of the lower filesystem (all zero on our ext4)
 * bytes 21-24 inode number, little-endian
 * bytes 25-28 generation, little-endian (0: our inodes have none)
 * </pre>
 */
final class FileHandle {
  static final int LENGTH = 29;
  private static final int MAGIC = 0xfb;
  private static final int FILEID_INO32_GEN = 1;
  private static final int FILEID_INO32_GEN_PARENT = 2;

  private FileHandle() {}

  /** The handle naming inode {@code ino}. */
  static byte[] encode(long ino) {
    byte[] fh = new byte[LENGTH];
    fh[1] = (byte) MAGIC;
    fh[2] = LENGTH;
    fh[4] = FILEID_INO32_GEN;
    for (int i = 0; i < 4; i++) {
      fh[21 + i] = (byte) (ino >>> (8 * i));
    }
    return fh;
  }

  /** The name of the index entry for a lower inode: the handle in hex, as work/index names it. */
  static String indexName(long ino) {
    StringBuilder sb = new StringBuilder(2 * LENGTH);
    for (byte b : encode(ino)) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  /** The inode number a handle names, or -1 when it is not an inode handle. */
  static long inode(byte[] fh) {
    if (fh == null || fh.length < 25 || (fh[1] & 0xff) != MAGIC
        || (fh[4] != FILEID_INO32_GEN && fh[4] != FILEID_INO32_GEN_PARENT)) {
      return -1;
    }
    long ino = 0;
    for (int i = 3; i >= 0; i--) {
      ino = (ino << 8) | (fh[21 + i] & 0xff);
    }
    return ino;
  }
}
