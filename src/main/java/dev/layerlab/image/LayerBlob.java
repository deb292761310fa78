package dev.layerlab.image;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * A layer as a registry serves it: its tree, the diffID (sha256 of the uncompressed tar), the
 * digest and size of the gzip-compressed blob, and the layer size Docker reports. The hashes are
 * computed from the real bytes once, streaming; the compressed blob is kept (it is small) and the
 * uncompressed tar is regenerated whenever asked for.
 */
public final class LayerBlob {
  /** The media type of a compressed layer in a Docker schema2 manifest. */
  public static final String MEDIA_TYPE = "application/vnd.docker.image.rootfs.diff.tar.gzip";

  private final LayerTree tree;
  private final Digest diffId;
  private final long tarSize;
  private final Digest digest;
  private final byte[] compressed;
  private final boolean received;

  private LayerBlob(LayerTree tree, Digest diffId, long tarSize, Digest digest, byte[] compressed, boolean received) {
    this.tree = tree;
    this.diffId = diffId;
    this.tarSize = tarSize;
    this.digest = digest;
    this.compressed = compressed;
    this.received = received;
  }

  /** Builds the tar of {@code tree}, compresses it and hashes both, in one pass. */
  public static LayerBlob of(LayerTree tree) {
    try {
      MessageDigest blobHash = Digest.sha256();
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      DigestOutputStream hashedBlob = new DigestOutputStream(blob, blobHash);
      Gzip gzip = new Gzip(hashedBlob, Deflater.BEST_SPEED);
      MessageDigest tarHash = Digest.sha256();
      CountingOutputStream tar = new CountingOutputStream(new DigestOutputStream(gzip, tarHash));
      LayerTar.write(tree, tar);
      gzip.finish();
      return new LayerBlob(tree, Digest.from(tarHash), tar.count, Digest.from(blobHash), blob.toByteArray(), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A blob received from elsewhere (an archive, a layout): gunzips it, reads and checks the tar,
   * and verifies {@code expected} when given. Refuses the whole blob on any problem.
   */
  public static LayerBlob fromCompressed(byte[] gz, Digest expected) {
    Digest actual = Digest.of(gz);
    if (expected != null && !expected.equals(actual)) {
      throw new ImageFormatException("filesystem layer verification failed for digest " + expected);
    }
    byte[] tar;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      tar = in.readAllBytes();
    } catch (IOException e) {
      throw new ImageFormatException("unexpected EOF", e);
    }
    return new LayerBlob(LayerTar.read(tar), Digest.of(tar), tar.length, actual, gz, true);
  }

  /** An uncompressed layer tar received from elsewhere; the blob is our own compression of it. */
  public static LayerBlob fromTar(byte[] tar, Digest expectedDiffId) {
    Digest diffId = Digest.of(tar);
    if (expectedDiffId != null && !expectedDiffId.equals(diffId)) {
      throw new ImageFormatException("layer diff ID mismatch: expected " + expectedDiffId + ", got " + diffId);
    }
    LayerTree tree = LayerTar.read(tar);
    try {
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      Gzip gzip = new Gzip(blob, Deflater.BEST_SPEED);
      gzip.write(tar);
      gzip.finish();
      byte[] gz = blob.toByteArray();
      return new LayerBlob(tree, diffId, tar.length, Digest.of(gz), gz, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LayerTree tree() {
    return tree;
  }

  /** sha256 of the uncompressed tar: what the image config's {@code rootfs.diff_ids} lists. */
  public Digest diffId() {
    return diffId;
  }

  /** sha256 of the compressed blob: what the manifest lists and {@code docker pull} prints. */
  public Digest digest() {
    return digest;
  }

  /** Bytes of the compressed blob (the manifest's {@code size}). */
  public long compressedSize() {
    return compressed.length;
  }

  /** Bytes of the uncompressed tar. */
  public long tarSize() {
    return tarSize;
  }

  /** The layer size Docker stores in layerdb and shows in history. */
  public long size() {
    return tree.size();
  }

  /** A fresh stream of the compressed blob. */
  public InputStream openCompressed() {
    return new ByteArrayInputStream(compressed);
  }

  /** The compressed blob bytes (a copy). */
  public byte[] compressed() {
    return compressed.clone();
  }

  /**
   * Whether this layer came from elsewhere (an archive, a layout): its tar is the one received,
   * which our writer would not reproduce byte for byte, so it is kept (compressed) as it came.
   */
  public boolean isReceived() {
    return received;
  }

  /** Writes the uncompressed tar again, byte-identical to the one hashed. */
  public void writeTar(OutputStream out) throws IOException {
    if (received) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 64 * 1024)) {
        in.transferTo(out);
      }
    } else {
      LayerTar.write(tree, out);
    }
  }

  static final class CountingOutputStream extends java.io.FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
