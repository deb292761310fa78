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
 */
package dev.layerlab.image;
