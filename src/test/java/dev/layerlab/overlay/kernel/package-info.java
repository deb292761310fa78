/**
 * The kernel differential suite: the same lower layers and the same operations applied to a
 * real overlayfs mount and to layerlab's {@code OverlayVfs}, compared entry by entry.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.layerlab.overlay.kernel.Op} - the operations, one record each, and
 *       {@link dev.layerlab.overlay.kernel.OpLanguage}, the textual form of the kernel experiments
 *       ({@code [!] [lower N | upper | merged] OP ARGS}) the named cases are written in.
 *   <li>{@link dev.layerlab.overlay.kernel.Runner} - applies a step to either side through the
 *       {@code Vfs} contract; what a tool does beyond one system call (GNU mv's copy on EXDEV,
 *       rm -r, touch) is written there once for both.
 *   <li>{@link dev.layerlab.overlay.kernel.KernelSide} - layer dirs on the real disk,
 *       {@code mount -t overlay}, and {@link dev.layerlab.overlay.kernel.DiskVfs}, real system
 *       calls from java.nio with chroot-like path resolution. Processes only where Java has no
 *       call: one shell per mount (with the layers' mknod/setfattr), one for the final umount plus
 *       a single {@code getfattr -R} over every layer dir, and one per mknod/xattr op.
 *   <li>{@link dev.layerlab.overlay.kernel.LayerlabSide} - the same dirs in one JimfsVfs,
 *       mounted with {@code OverlayVfs.mount}.
 *   <li>{@link dev.layerlab.overlay.kernel.Canon} - the canonical listing (the shared canon-dump
 *       format with owners, {@code nlink=} for hard links and {@code user.*} xattrs); origin
 *       handles are shown as the layer file they name.
 * </ul>
 *
 * <h2>What is compared</h2>
 * Each step's outcome ({@code ok}, the observation it printed, or the errno), the merged view
 * before the unmount, the upper dir and every lower dir after it. Normalised, because only the
 * kernel version decides them: {@code trusted.overlay.uuid} is left out, and whiteout link counts
 * are never shown. Times are not compared.
 *
 * <h2>Running</h2>
 * As root on Linux with the {@code attr} tools; otherwise every test here is skipped with the
 * reason printed. The real layers go under {@code target/kernel-scratch}
 * ({@code -Dlayerlab.kernel.tmp=DIR} to change; it must be ext4 or xfs, whose origin handles
 * name inodes).
 * <ul>
 *   <li>named cases: {@code mvn -q test -Dtest=NamedCasesTest} (one:
 *       {@code -Dlayerlab.case=NAME}); files in {@code src/test/resources/.../kernel/cases}
 *   <li>random sequences: {@code mvn -q test -Dtest=RandomDifferentialTest -Dlayerlab.random.count=1000};
 *       a diverging seed replays with {@code -Dlayerlab.seed=SEED}
 * </ul>
 */
package dev.layerlab.overlay.kernel;
