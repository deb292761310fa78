/**
 * The distributions' package managers inside containers: {@code apt-get}, {@code apt-cache},
 * {@code dpkg}/{@code dpkg-query} in the Ubuntu and Debian images and {@code apk} in alpine, over a
 * small bundled index per release (bionic, xenial, stretch, alpine 3.8) whose versions are that
 * release's of September 2018. Nothing is downloaded: installing writes the package's files (stub
 * binaries naming a built-in program, or one that says it cannot run) and its database records
 * through the container's filesystem, so they land in the container's upper layer as a real
 * install's would. {@link dev.layerlab.shell.pkg.PackageManagers#registerAll} names the programs.
 */
package dev.layerlab.shell.pkg;
