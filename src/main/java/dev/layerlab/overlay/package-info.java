/**
 * The overlay filesystem, with the Linux kernel's rules, over directories of any {@link
 * dev.layerlab.vfs.Vfs}.
 *
 * <p>{@link dev.layerlab.overlay.OverlayVfs#mount} stacks lower dirs under an upper dir, and
 * each call goes through the VFS's checks there before it reaches these pieces:
 * <ul>
 *   <li>{@code Lookup} walks merged paths and keeps what it found; {@code LayerSearch} finds one
 *       name top-down through the layers (whiteouts, opaque dirs, redirects); {@code MergedDir}
 *       merges a directory's layers into one listing.
 *   <li>{@code CopyUp} brings lower objects up before any change; {@code Changes} makes a
 *       read-only mount refuse them and forgets what each one made stale.
 *   <li>{@code Namespace} creates, removes and links, leaving whiteouts and opaque dirs where
 *       the kernel does; {@code Rename} moves names, with its exchanges and redirects;
 *       {@code Attributes} changes modes, owners, times and xattrs.
 *   <li>{@code MergedView} says what stat and readdir show.
 * </ul>
 * Each step is reported as an {@link dev.layerlab.overlay.OverlayEvent}; nothing here prints.
 *
 * <p>Where the kernel of a 2018 Docker host (4.15) and today's kernel differ, this follows 4.15:
 * no {@code trusted.overlay.uuid} on the upper root and no {@code uuid=on} in the options;
 * every whiteout is its own inode (link count 1), not a link to one kept in {@code work/work}.
 * Origin file handles name the lower inode with generation 0. A lower layer edited while
 * mounted always shows through on the next call: there is no negative-lookup cache and no
 * directory keeps the layers it was first found in, where the kernel's caches may still show
 * the old state for a while.
 */
package dev.layerlab.overlay;
