/**
 * Images: content addressing, layer tars, image configs and manifests, archives, and the offline
 * catalog of 2018 images.
 *
 * <p>What the engine uses:
 * <ul>
 *   <li>{@link dev.layerlab.image.Catalog#builtIn()} and {@link dev.layerlab.image.Catalog#resolve(String)}:
 *       the registry. A reference is parsed as the docker CLI parses it ({@link dev.layerlab.image.Reference});
 *       failures are {@link dev.layerlab.image.CatalogException}s carrying Docker's message. Each image
 *       is built the first time it is asked for.
 *   <li>{@link dev.layerlab.image.Image}: config bytes and {@code id()}, layers bottom first
 *       ({@link dev.layerlab.image.LayerBlob}: {@code digest()} for pull lines, {@code diffId()},
 *       {@code size()} for layerdb and history, {@code tree()}), {@code chainIds()},
 *       {@code repoDigest()} for {@code Digest:} and RepoDigests, {@code config()} for inspect and history.
 *   <li>{@link dev.layerlab.image.Pulls#materialize(dev.layerlab.image.LayerBlob, dev.layerlab.vfs.Vfs, String)}:
 *       one layer into its overlay2 {@code diff} directory, diffID checked;
 *       {@link dev.layerlab.image.Pulls#extract} for foreign blobs.
 *   <li>{@link dev.layerlab.image.VfsLayers#export}: a container's upper directory as a layer
 *       (commit, build steps), then {@link dev.layerlab.image.LayerBlob#of} for its IDs.
 *   <li>{@link dev.layerlab.image.ImageArchives}: {@code docker save} ({@link dev.layerlab.image.DockerArchive},
 *       {@link dev.layerlab.image.OciLayout}) and {@code docker load}, refusing bad input with
 *       {@link dev.layerlab.image.ImageFormatException}.
 * </ul>
 *
 * <p>How the catalog's images relate to the real ones: tags, dates, Dockerfiles and history
 * strings, release files, users, package names and versions are the real 2018 ones (bundled
 * data files name their sources). File contents are not: programs are {@link
 * dev.layerlab.image.BuiltinStub}s padded to about the real binary's size, libraries and other
 * bulk files are deterministic filler, and the bulk is scaled so that every image's size is its
 * real size (84117621 bytes for ubuntu:18.04, 1162769 for busybox; round stand-ins where only
 * {@code 115MB} or {@code 101MB} is known). Every byte counted is really there and really hashed,
 * so digests and IDs are true hashes of what layerlab serves, which is why they differ from
 * Docker Hub's; the real ones are kept apart in {@link dev.layerlab.image.HistoricalImage}.
 * The filler compresses far better than real binaries, so compressed blobs are smaller than the
 * real ones.
 */
package dev.layerlab.image;
