package dev.layerlab.image;

import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * What pulling does with each layer once its blob has arrived: check the blob against its
 * digest, gunzip it while hashing the tar (the diffID), and extract the tar into a directory.
 */
public final class Pulls {
  private Pulls() {}

  /** The result of materialising one layer: its diffID and how many bytes were hashed. */
  public record Extracted(Digest diffId, long blobBytes, long tarBytes) {}

  /** Verifies and extracts one layer into the existing directory {@code dir}; refuses a corrupt blob whole. */
  public static Extracted extract(LayerBlob blob, Vfs vfs, String dir) {
    byte[] gz = blob.compressed();
    if (!Digest.of(gz).equals(blob.digest())) {
      throw new ImageFormatException("filesystem layer verification failed for digest " + blob.digest());
    }
    MessageDigest tarHash = Digest.sha256();
    byte[] tar;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
      tar = blob.tarSize() > 0 && blob.tarSize() < Integer.MAX_VALUE - 8
          ? in.readNBytes((int) blob.tarSize()) : in.readAllBytes();
      if (in.read() >= 0) {
        throw new ImageFormatException("layer diff ID mismatch: the blob holds more than its tar");
      }
    } catch (IOException e) {
      throw new ImageFormatException("unexpected EOF", e);
    }
    tarHash.update(tar);
    Digest diffId = Digest.from(tarHash);
    if (!diffId.equals(blob.diffId())) {
      throw new ImageFormatException("layer diff ID mismatch: expected " + blob.diffId() + ", got " + diffId);
    }
    LayerTree tree = LayerTar.read(tar);
    applyOrEmpty(tree, vfs, dir);
    return new Extracted(diffId, gz.length, tar.length);
  }

  /**
   * Materialises one catalog layer into {@code dir}: its tar is produced again and hashed (the
   * diffID must come out the same, or the layer is refused) while its tree is extracted. This is
   * the pull of a blob the catalog made itself, whose compressed digest it computed from the real
   * compressed bytes when it built the image. A layer received from an archive was parsed when
   * it was read and its diffID checked then or in the background (see {@link LayerBlob#verify}),
   * so its tree is extracted as it is.
   */
  public static Extracted materialize(LayerBlob blob, Vfs vfs, String dir) {
    return materialize(blob, vfs, dir, OutputStream.nullOutputStream());
  }

  /**
   * Like {@link #materialize(LayerBlob, Vfs, String)}, and also hands the layer's tar bytes to
   * {@code tarCopy} in the same pass (the daemon records them as tar-split metadata), so the tar
   * is produced once, not twice.
   */
  public static Extracted materialize(LayerBlob blob, Vfs vfs, String dir, OutputStream tarCopy) {
    // Writing the tar (hashed, and handed to tarCopy) and extracting the tree are two reads of
    // one immutable layer, each about as costly as the other: on a spare core they overlap.
    java.util.concurrent.CompletableFuture<Extracted> tar =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> writeTar(blob, tarCopy));
    try {
      applyOrEmpty(blob.tree(), vfs, dir);
    } catch (RuntimeException e) {
      tar.handle((done, failed) -> null).join(); // tarCopy is the caller's again only once the writer stopped
      throw e;
    }
    Extracted done = await(tar);
    if (!done.diffId().equals(blob.diffId())) {
      // Nothing half-pulled stays behind: empty the directory again.
      for (var child : vfs.readDir(dir)) {
        VfsLayers.removeIfPresent(vfs, VPaths.child(dir, child.name()));
      }
      throw new ImageFormatException("layer diff ID mismatch: expected " + blob.diffId() + ", got " + done.diffId());
    }
    return done;
  }

  /**
   * The layer's tar into {@code tarCopy}: a catalog layer's is written again from its tree and
   * hashed, a received layer's was checked against its digests when it arrived and is copied.
   */
  private static Extracted writeTar(LayerBlob blob, OutputStream tarCopy) {
    try {
      if (blob.isReceived()) {
        blob.writeTar(tarCopy);
        return new Extracted(blob.diffId(), 0, blob.tarSize());
      }
      MessageDigest md = Digest.sha256();
      LayerBlob.CountingOutputStream counted =
          new LayerBlob.CountingOutputStream(new java.security.DigestOutputStream(tarCopy, md));
      LayerTar.write(blob.tree(), counted);
      return new Extracted(Digest.from(md), blob.compressedSize(), counted.count);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Extracted await(java.util.concurrent.CompletableFuture<Extracted> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * The benchmark hook: pulls every layer of {@code image} into {@code root/0}, {@code root/1}, ...
   * (directories it creates), as {@code docker pull} would into overlay2's diff directories.
   * With {@code verifyBlobs} each compressed blob is checked and gunzipped ({@link #extract}),
   * otherwise the catalog's trees are materialised ({@link #materialize(LayerBlob, Vfs, String)}).
   * Time it against {@link #sha256Reference} over the tar bytes.
   */
  public static List<Extracted> materialize(Image image, Vfs vfs, String root, boolean verifyBlobs) {
    List<Extracted> out = new ArrayList<>();
    int i = 0;
    for (LayerBlob blob : image.layers()) {
      String dir = VPaths.child(root, Integer.toString(i++));
      vfs.mkdir(dir, 0755);
      out.add(verifyBlobs ? extract(blob, vfs, dir) : materialize(blob, vfs, dir));
    }
    return out;
  }

  /** Extracts a tree; if the filesystem refuses an entry, empties {@code dir} again and says why. */
  private static void applyOrEmpty(LayerTree tree, Vfs vfs, String dir) {
    try {
      VfsLayers.apply(tree, vfs, dir);
    } catch (dev.layerlab.vfs.VfsException e) {
      for (var child : vfs.readDir(dir)) {
        VfsLayers.removeIfPresent(vfs, VPaths.child(dir, child.name()));
      }
      throw new ImageFormatException("Error processing tar file(exit status 1): " + e.getMessage(), e);
    }
  }

  /** The reference work: sha256 over {@code bytes} bytes (in 64 KiB chunks of a fixed buffer). */
  public static Digest sha256Reference(long bytes) {
    MessageDigest md = Digest.sha256();
    byte[] buf = new byte[64 * 1024];
    for (long left = bytes; left > 0; left -= buf.length) {
      md.update(buf, 0, (int) Math.min(buf.length, left));
    }
    return Digest.from(md);
  }
}
