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
 * digest and size of the gzip-compressed blob, and the layer size Docker reports. Every hash is
 * computed from the real bytes.
 *
 * <p>A layer the catalog built keeps its compressed blob (small) and writes its tar again from
 * the tree when asked. A layer received from elsewhere keeps the bytes it came with, since another
 * tar writer's bytes cannot be reproduced from the tree: a gzip blob as it was, or an uncompressed
 * tar (from {@code docker load}), compressed only if someone asks for the blob.
 */
public final class LayerBlob {
  /** The media type of a compressed layer in a Docker schema2 manifest. */
  public static final String MEDIA_TYPE = "application/vnd.docker.image.rootfs.diff.tar.gzip";

  private final LayerTree tree;
  private final Digest diffId;
  private final long tarSize;
  private final boolean received;
  private final byte[] receivedTar;
  private byte[] compressed;
  private Digest digest;
  /** The compressed size known without the bytes (a catalog layer listed in its index), or -1. */
  private long knownCompressedSize = -1;
  /** A check of the diffID still running in the background (a layer just read from an archive), or null. */
  private java.util.concurrent.CompletableFuture<Void> check;

  private LayerBlob(LayerTree tree, Digest diffId, long tarSize, Digest digest, byte[] compressed, boolean received,
      byte[] receivedTar) {
    this.tree = tree;
    this.diffId = diffId;
    this.tarSize = tarSize;
    this.digest = digest;
    this.compressed = compressed;
    this.received = received;
    this.receivedTar = receivedTar;
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
      return new LayerBlob(tree, Digest.from(tarHash), tar.count, Digest.from(blobHash), blob.toByteArray(), false,
          null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A catalog layer whose digests the catalog's index lists: nothing is hashed or compressed
   * now. A pull still hashes the tar it writes against {@code diffId}, and the compressed bytes,
   * made only when someone needs them, must hash to {@code digest}.
   */
  static LayerBlob known(LayerTree tree, Digest diffId, long tarSize, Digest digest, long compressedSize) {
    LayerBlob blob = new LayerBlob(tree, diffId, tarSize, digest, null, false, null);
    blob.knownCompressedSize = compressedSize;
    return blob;
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
    byte[] tar = gunzip(gz);
    return new LayerBlob(LayerTar.read(tar), Digest.of(tar), tar.length, actual, gz, true, null);
  }

  /** An uncompressed layer tar received from elsewhere, checked against {@code expectedDiffId} when given. */
  public static LayerBlob fromTar(byte[] tar, Digest expectedDiffId) {
    Digest diffId = Digest.of(tar);
    if (expectedDiffId != null && !expectedDiffId.equals(diffId)) {
      throw new ImageFormatException("layer diff ID mismatch: expected " + expectedDiffId + ", got " + diffId);
    }
    return new LayerBlob(LayerTar.read(tar), diffId, tar.length, null, null, true, tar);
  }

  /**
   * An uncompressed tar claiming {@code diffId}, whose sha256 {@code check} is computing in the
   * background: {@link #verify} waits for it and fails if it does not match.
   */
  static LayerBlob fromTarBeingChecked(byte[] tar, Digest diffId, java.util.concurrent.CompletableFuture<Void> check) {
    LayerBlob blob = new LayerBlob(LayerTar.read(tar), diffId, tar.length, null, null, true, tar);
    blob.check = check;
    return blob;
  }

  /**
   * Waits for a background check of this layer's diffID, if one is running, and fails as Docker
   * does when the tar does not hash to it. Extracting a large layer while it is being hashed
   * halves a load; whoever extracts must call this before keeping the result.
   */
  public void verify() {
    java.util.concurrent.CompletableFuture<Void> c;
    synchronized (this) {
      c = check;
    }
    if (c == null) {
      return;
    }
    try {
      c.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    synchronized (this) {
      check = null;
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
  public synchronized Digest digest() {
    if (digest == null) {
      digest = Digest.of(blob());
    }
    return digest;
  }

  /** Bytes of the compressed blob (the manifest's {@code size}). */
  public long compressedSize() {
    synchronized (this) {
      if (compressed == null && knownCompressedSize >= 0) {
        return knownCompressedSize;
      }
    }
    return blob().length;
  }

  /** Bytes of the uncompressed tar. */
  public long tarSize() {
    return tarSize;
  }

  /** The layer size Docker stores in layerdb and shows in history. */
  public long size() {
    return tree.size();
  }

  /**
   * Whether this layer came from elsewhere (an archive, a layout): its tar is the one received,
   * which our writer would not reproduce byte for byte, so it is kept as it came.
   */
  public boolean isReceived() {
    return received;
  }

  /** A fresh stream of the compressed blob. */
  public InputStream openCompressed() {
    return new ByteArrayInputStream(blob());
  }

  /** The compressed blob bytes (a copy). */
  public byte[] compressed() {
    return blob().clone();
  }

  private synchronized byte[] blob() {
    if (compressed == null) {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Gzip gzip = new Gzip(out, Deflater.BEST_SPEED);
        writeTar(gzip);
        gzip.finish();
        byte[] made = out.toByteArray();
        if (digest != null && !Digest.of(made).equals(digest)) {
          // only a catalog index that no longer matches the catalog's trees can get here
          throw new IllegalStateException("catalog layer " + diffId + " compresses to " + Digest.of(made)
              + ", not to the " + digest + " its index lists");
        }
        compressed = made;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return compressed;
  }

  /** Writes the uncompressed tar again, byte-identical to the one hashed. */
  public void writeTar(OutputStream out) throws IOException {
    if (receivedTar != null) {
      out.write(receivedTar);
    } else if (received) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 64 * 1024)) {
        in.transferTo(out);
      }
    } else {
      LayerTar.write(tree, out);
    }
  }

  static byte[] gunzip(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ImageFormatException("unexpected EOF", e);
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
