package dev.layerlab.engine;

import dev.layerlab.image.Digest;
import dev.layerlab.image.Image;
import dev.layerlab.image.LayerBlob;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code docker pull}: resolves a reference in the registry, downloads the layers the host does
 * not have (three at a time, as the daemon's download manager does), extracts them bottom to
 * top into the layer store, and records the image, its tag and its repo digest.
 */
final class Puller {
  private static final int MAX_CONCURRENT_DOWNLOADS = 3;
  /** Bytes one connection moves per simulated step; only the order of events depends on it. */
  private static final long STEP_BYTES = 2_000_000;

  private final Registry registry;
  private final LayerStore layers;
  private final ImageStore images;
  private final Distribution distribution;
  private final Consumer<EngineEvent> events;

  Puller(Registry registry, LayerStore layers, ImageStore images, Distribution distribution,
      Consumer<EngineEvent> events) {
    this.registry = registry;
    this.layers = layers;
    this.images = images;
    this.distribution = distribution;
    this.events = events;
  }

  /** Pulls {@code ref}; returns the image ID. Fails before printing anything when the image does not exist. */
  Digest pull(Reference ref, Consumer<PullEvent> out) {
    Image image = resolve(ref);
    out.accept(new PullEvent.Message(ref.digest() != null ? ref.digest().toString() : ref.tag(),
        "Pulling from " + ref.remotePath()));
    Digest id = image.id();
    if (images.get(id).isEmpty()) {
      fetch(image, out);
    }
    String name = ref.digest() != null ? ref.toString() : ref.repository() + ":" + ref.tag();
    boolean updated = !images.ref(name).map(id::equals).orElse(false);
    if (ref.digest() == null) {
      images.addRef(name, id, null);
    }
    images.addRef(ref.repository() + "@" + image.repoDigest(), id, null);
    out.accept(new PullEvent.Message(null, "Digest: " + image.repoDigest()));
    out.accept(new PullEvent.Message(null,
        "Status: " + (updated ? "Downloaded newer image for " : "Image is up to date for ") + name));
    events.accept(new EngineEvent.ImageStored(name, id));
    return id;
  }

  Image resolve(Reference ref) {
    if (!registry.hasRepository(ref.repository())) {
      throw EngineException.notFound("pull access denied for " + ref.repository()
          + ", repository does not exist or may require 'docker login'");
    }
    return (ref.digest() != null
        ? registry.findByDigest(ref.repository(), ref.digest())
        : registry.find(ref.repository(), ref.tag()))
        .orElseThrow(() -> EngineException.notFound("manifest for " + ref + " not found"));
  }

  private void fetch(Image image, Consumer<PullEvent> out) {
    List<LayerBlob> blobs = image.layers();
    List<Digest> chain = Digest.chainIds(image.diffIds());
    int have = 0;
    while (have < blobs.size() && layers.get(chain.get(have)).isPresent()) {
      have++;
    }
    for (int i = 0; i < have; i++) {
      out.accept(new PullEvent.Progress(blobs.get(i).digest().shortId(), "Already exists", 0, 0));
    }
    for (int i = have; i < blobs.size(); i++) {
      out.accept(new PullEvent.Progress(blobs.get(i).digest().shortId(), "Pulling fs layer", 0, 0));
    }
    for (int i = have + MAX_CONCURRENT_DOWNLOADS; i < blobs.size(); i++) {
      out.accept(new PullEvent.Progress(blobs.get(i).digest().shortId(), "Waiting", 0, 0));
    }
    List<Layer> registered = new ArrayList<>();
    try {
      download(image, have, registered, out);
    } catch (RuntimeException e) {
      // A pull stopped half way (Ctrl-C, a layer that would not extract) keeps nothing: the
      // layers it registered go again unless something else holds them.
      registered.forEach(l -> layers.release(l.chainId()));
      throw e;
    }
    Layer top = registered.isEmpty() ? null : registered.get(registered.size() - 1);
    // The image holds its top layer; each layer holds its parent: drop the pull's own references.
    for (int i = 0; i < registered.size() - 1; i++) {
      layers.release(registered.get(i).chainId());
    }
    images.put(new ImageRecord(image.id(), image.configBytes(), top == null ? null : top.chainId(), null, null));
  }

  /** Downloads and extracts the layers from {@code have} up, registering each in {@code registered}. */
  private void download(Image image, int have, List<Layer> registered, Consumer<PullEvent> out) {
    List<LayerBlob> blobs = image.layers();
    Layer top = null;
    for (int i = 0; i < have; i++) {
      top = layers.register(top, blobs.get(i));
      registered.add(top);
    }
    long[] got = new long[blobs.size()];
    boolean[] done = new boolean[blobs.size()];
    List<Integer> active = new ArrayList<>();
    int next = have;
    int extracted = have;
    while (extracted < blobs.size()) {
      cancelIfInterrupted();
      while (active.size() < MAX_CONCURRENT_DOWNLOADS && next < blobs.size()) {
        active.add(next++);
      }
      for (Integer i : List.copyOf(active)) {
        LayerBlob b = blobs.get(i);
        got[i] = Math.min(b.compressedSize(), got[i] + STEP_BYTES);
        String sid = b.digest().shortId();
        if (got[i] < b.compressedSize()) {
          out.accept(new PullEvent.Progress(sid, "Downloading", got[i], b.compressedSize()));
        } else {
          out.accept(new PullEvent.Progress(sid, "Verifying Checksum", 0, 0));
          out.accept(new PullEvent.Progress(sid, "Download complete", 0, 0));
          done[i] = true;
          active.remove(i);
        }
      }
      while (extracted < blobs.size() && done[extracted]) {
        cancelIfInterrupted();
        LayerBlob b = blobs.get(extracted);
        String sid = b.digest().shortId();
        long total = b.tarSize();
        for (long at = Math.min(total, 32_768); at < total; at = Math.min(total, at * 4)) {
          out.accept(new PullEvent.Progress(sid, "Extracting", at, total));
        }
        out.accept(new PullEvent.Progress(sid, "Extracting", total, total));
        Layer before = top;
        top = layers.register(top, b);
        registered.add(top);
        if (before == null || !top.chainId().equals(before.chainId())) {
          events.accept(new EngineEvent.LayerRegistered(top.chainId(), top.cacheId()));
        }
        distribution.record(b, image.repository());
        out.accept(new PullEvent.Progress(sid, "Pull complete", 0, 0));
        extracted++;
      }
    }
  }

  /**
   * Ctrl-C on {@code docker pull} closes the client's connection and the daemon cancels the pull;
   * the interrupt stays set for the shell, which ends the line with status 130.
   */
  private static void cancelIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new EngineException(EngineException.Kind.FAILED, "context canceled");
    }
  }
}
