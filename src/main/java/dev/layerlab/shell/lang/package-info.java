/**
 * The bash language as layerlab runs it: {@link dev.layerlab.shell.lang.Parser} turns a line into
 * a sealed {@link dev.layerlab.shell.lang.Node} tree, the expander applies bash's expansions in
 * bash's order, and {@link dev.layerlab.shell.lang.Interpreter} runs the tree on one
 * {@link dev.layerlab.shell.Machine}, finding programs through {@code PATH} in that machine's own
 * filesystem. Every message is bash's own.
 */
package dev.layerlab.shell.lang;
