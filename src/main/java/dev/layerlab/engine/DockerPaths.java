package dev.layerlab.engine;

/** Where Docker 18.06 with the overlay2 driver keeps everything on the host. */
public final class DockerPaths {
  public static final String ROOT = "/var/lib/docker";
  public static final String OVERLAY = ROOT + "/overlay2";
  public static final String LINKS = OVERLAY + "/l";
  public static final String CONTAINERS = ROOT + "/containers";
  public static final String IMAGE = ROOT + "/image/overlay2";
  public static final String LAYERDB = IMAGE + "/layerdb/sha256";
  public static final String MOUNTS = IMAGE + "/layerdb/mounts";
  public static final String IMAGEDB_CONTENT = IMAGE + "/imagedb/content/sha256";
  public static final String IMAGEDB_METADATA = IMAGE + "/imagedb/metadata/sha256";
  public static final String DIFFID_BY_DIGEST = IMAGE + "/distribution/diffid-by-digest/sha256";
  public static final String V2METADATA_BY_DIFFID = IMAGE + "/distribution/v2metadata-by-diffid/sha256";
  public static final String REPOSITORIES = IMAGE + "/repositories.json";

  private DockerPaths() {}

  /** {@code /var/lib/docker/overlay2/<id>}. */
  public static String layerDir(String cacheId) {
    return OVERLAY + "/" + cacheId;
  }

  /** The directories dockerd creates at its first start. */
  static void createSkeleton(dev.layerlab.vfs.Vfs vfs) {
    HostFiles.mkdirs(vfs, ROOT, 0711);
    for (String d : new String[] {"builder", "buildkit", "containers", "image", "network", "overlay2", "plugins",
        "runtimes", "swarm", "tmp", "trust", "volumes"}) {
      HostFiles.mkdirs(vfs, ROOT + "/" + d, 0700);
    }
    for (String d : new String[] {LINKS, IMAGEDB_CONTENT, IMAGEDB_METADATA, LAYERDB, MOUNTS, IMAGE + "/layerdb/tmp",
        DIFFID_BY_DIGEST, V2METADATA_BY_DIFFID}) {
      HostFiles.mkdirs(vfs, d, 0700);
    }
  }
}
