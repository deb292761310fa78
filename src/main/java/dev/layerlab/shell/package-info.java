/**
 * The learner's shell: {@link dev.layerlab.shell.Shells} gives the REPL a
 * {@link dev.layerlab.shell.Shell} on a {@link dev.layerlab.shell.Machine} (the simulated
 * {@link dev.layerlab.shell.HostMachine} or a container), whose programs come from a
 * {@link dev.layerlab.shell.Programs} registry other packages add to (the docker client).
 */
package dev.layerlab.shell;
