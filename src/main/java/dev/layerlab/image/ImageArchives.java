package dev.layerlab.image;

import java.util.List;

/** {@code docker load}'s entry point: recognises the archive format, then reads and verifies it whole. */
public final class ImageArchives {
  private ImageArchives() {}

  /** The archive formats layerlab reads and writes. */
  public enum Format { DOCKER, OCI }

  /** Loads a docker-save tarball or an OCI layout tar, whichever it is, every layer verified. */
  public static List<ArchiveImage> load(byte[] tar) {
    List<ArchiveImage> images = open(tar);
    images.forEach(i -> i.layers().forEach(LayerBlob::verify));
    return images;
  }

  /**
   * Like {@link #load}, except that the diffIDs of a docker-save tarball's layers may still be
   * being checked in the background: call {@link LayerBlob#verify} on each layer before keeping
   * anything made from it.
   */
  public static List<ArchiveImage> open(byte[] tar) {
    ArchiveFiles files = ArchiveFiles.readTar(tar);
    if (files.has("oci-layout") && !files.has("manifest.json")) {
      return OciLayout.read(files);
    }
    return DockerArchive.read(files);
  }

  /** What a tar holds, by its marker files. */
  public static Format detect(byte[] tar) {
    ArchiveFiles files = ArchiveFiles.readTar(tar);
    return files.has("oci-layout") && !files.has("manifest.json") ? Format.OCI : Format.DOCKER;
  }

  /** Writes {@code images} in {@code format} as a tar. */
  public static byte[] save(List<ArchiveImage> images, Format format) {
    return format == Format.OCI ? OciLayout.bytes(images) : DockerArchive.bytes(images);
  }
}
