/**
 * The overlay filesystem, with the Linux kernel's rules, over directories of any {@link
 * dev.layerlab.vfs.Vfs}.
 *
 * <p>{@link dev.layerlab.overlay.OverlayVfs#mount} stacks lower dirs under an upper dir.
 * {@code Lookup} finds names top-down (whiteouts, opaque dirs, redirects); {@code CopyUp} brings
 * lower objects up before any change; {@code Namespace} creates, removes and renames, leaving
 * whiteouts and opaque dirs where the kernel does; {@code MergedView} says what stat and readdir
 * show. Each step is reported as an {@link dev.layerlab.overlay.OverlayEvent}; nothing here prints.
 */
package dev.layerlab.overlay;
