/**
 * {@code docker build} as Docker 18.06's classic builder does it, on the simulated daemon: the
 * Dockerfile parser ({@link dev.layerlab.engine.build.DockerfileParser}), one image per
 * instruction with RUN in intermediate containers whose upper dir becomes the layer, COPY and
 * ADD layers, metadata instructions as {@code empty_layer} history entries, and the build cache.
 * Processes are run by the caller through {@link dev.layerlab.engine.build.ClassicBuilder.Hooks},
 * since the shell sits above the engine.
 */
package dev.layerlab.engine.build;
