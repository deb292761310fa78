package dev.layerlab.shell;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams and terminal facts one command line runs with.
 *
 * @param colour whether utilities may colour their output ({@code ls --color=auto} on a tty)
 * @param interactive whether a real terminal is attached (progress bars animate only then)
 * @param width the terminal width in columns ({@code ls} lays out its columns with it)
 */
public record ShellIo(
    InputStream in, PrintStream out, PrintStream err, boolean colour, boolean interactive, int width) {}
