package dev.layerlab.engine;

import dev.layerlab.image.LayerBlob;
import dev.layerlab.vfs.Vfs;

/**
 * {@code image/overlay2/distribution/}: which compressed blob gave which diffID, so that a later
 * pull of another image sharing a layer can say {@code Already exists}.
 */
final class Distribution {
  private final Vfs vfs;

  Distribution(Vfs vfs) {
    this.vfs = vfs;
  }

  void record(LayerBlob blob, String repository) {
    HostFiles.write(vfs, DockerPaths.DIFFID_BY_DIGEST + "/" + blob.digest().hex(), blob.diffId().toString(), 0644);
    String source = "docker.io/" + (repository.contains("/") ? repository : "library/" + repository);
    HostFiles.write(vfs, DockerPaths.V2METADATA_BY_DIFFID + "/" + blob.diffId().hex(),
        "[{\"Digest\":\"" + blob.digest() + "\",\"SourceRepository\":\"" + source + "\",\"HMAC\":\"\"}]", 0644);
  }
}
