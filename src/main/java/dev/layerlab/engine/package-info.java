/**
 * The simulated Docker daemon (18.06, overlay2 storage driver): images, layers and containers
 * kept on the host's in-memory disk exactly where and how Docker keeps them, reporting what it
 * does as {@link dev.layerlab.engine.EngineEvent}s and never printing.
 */
package dev.layerlab.engine;
