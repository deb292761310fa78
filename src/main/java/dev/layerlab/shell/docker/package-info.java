/**
 * The {@code docker} client: Docker 18.06's command line, output and errors over the
 * {@link dev.layerlab.engine.Engine}, and the learner's shell that steps into containers.
 */
package dev.layerlab.shell.docker;
