package dev.layerlab.image;

/**
 * What differs between the Debian-family root filesystems of the catalog.
 *
 * @param key names the bundled data: {@code <key>.packages.tsv}, {@code <key>.etc.txt}
 * @param glibc upstream glibc version, for library file names
 * @param builtAt when the root tarball was made (epoch seconds): most mtimes
 * @param packagesBuiltAt an older time for directories that came from packages ({@code boot}, {@code home}...)
 * @param usrMerged /bin, /sbin, /lib are symlinks into /usr (22.04)
 * @param aptUid the uid of the {@code _apt} user, owner of {@code /var/lib/apt/lists/partial}
 * @param commentedUniverse whether sources.list ships its universe lines commented out (the 2018
 *     Dockerfile's {@code sed} step uncomments them)
 */
record DebianRelease(
    String key, String distro, String codename, String glibc, long builtAt, long packagesBuiltAt,
    boolean usrMerged, int aptUid, boolean commentedUniverse, String maintainer) {

  boolean ubuntu() {
    return distro.equals("ubuntu");
  }
}
