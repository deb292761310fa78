/**
 * The filesystem interface everything in layerlab uses, and the in-memory disk behind it.
 *
 * <p>{@link dev.layerlab.vfs.Vfs} speaks in system calls (stat, readdir, open for write, unlink,
 * rename, mknod, xattrs) and fails with the errno Linux would return. {@link
 * dev.layerlab.vfs.JimfsVfs} implements it with Linux semantics: an inode table of its own (device
 * nodes, 12 mode bits, numeric owners, ctime, link counts, xattrs in every namespace) over file
 * bytes kept in Jimfs.
 */
package dev.layerlab.vfs;
