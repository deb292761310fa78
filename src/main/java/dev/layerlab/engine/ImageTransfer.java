package dev.layerlab.engine;

import dev.layerlab.image.ArchiveImage;
import dev.layerlab.image.Digest;
import dev.layerlab.image.ImageArchives;
import dev.layerlab.image.LayerBlob;
import dev.layerlab.vfs.Vfs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code docker save} and {@code docker load} on the daemon's side: layers are rebuilt byte for
 * byte from their tar-split records and {@code diff/} files, and loaded layers are registered
 * like pulled ones (a layer already stored is shared).
 */
final class ImageTransfer {
  private final Vfs disk;
  private final LayerStore layers;
  private final ImageStore images;
  private final Clock clock;
  private final Consumer<EngineEvent> events;

  ImageTransfer(Vfs disk, LayerStore layers, ImageStore images, Clock clock, Consumer<EngineEvent> events) {
    this.disk = disk;
    this.layers = layers;
    this.images = images;
    this.clock = clock;
    this.events = events;
  }

  byte[] save(List<String> refs, List<ImageRecord> named, boolean oci) {
    List<ArchiveImage> saved = new ArrayList<>();
    for (int n = 0; n < refs.size(); n++) {
      String r = refs.get(n);
      ImageRecord img = named.get(n);
      List<String> tags = namedByTag(r) ? List.of(Reference.parse(r).toString()) : images.tagsOf(img.id());
      List<LayerBlob> blobs = new ArrayList<>();
      for (Layer l : stack(img)) {
        byte[] split = disk.read(DockerPaths.LAYERDB + "/" + l.chainId().hex() + "/tar-split.json.gz");
        blobs.add(LayerBlob.fromTar(TarSplit.assemble(split, disk, l.diffDir()), null));
      }
      saved.add(new ArchiveImage(img.configBytes(), blobs, tags));
    }
    return ImageArchives.save(saved, oci ? ImageArchives.Format.OCI : ImageArchives.Format.DOCKER);
  }

  private List<Layer> stack(ImageRecord image) {
    List<Layer> out = new ArrayList<>();
    Digest cur = image.topLayer();
    while (cur != null) {
      Layer l = layers.get(cur).orElseThrow();
      out.add(0, l);
      cur = l.parent();
    }
    return out;
  }

  private boolean namedByTag(String r) {
    try {
      Reference ref = Reference.parse(r);
      return ref.digest() == null && images.ref(ref.toString()).isPresent();
    } catch (EngineException e) {
      return false;
    }
  }

  List<String> load(byte[] archive) {
    List<ArchiveImage> loaded;
    try {
      loaded = ImageArchives.open(archive);
    } catch (dev.layerlab.image.ImageFormatException | IllegalArgumentException e) {
      throw new EngineException(EngineException.Kind.INVALID, e.getMessage());
    }
    // Layers are extracted while their diffIDs are still being hashed, as the daemon does;
    // nothing is kept until every layer of every image has checked out.
    List<List<Layer>> stacks = new ArrayList<>();
    try {
      for (ArchiveImage li : loaded) {
        List<Layer> registered = new ArrayList<>();
        stacks.add(registered);
        Layer top = null;
        for (LayerBlob blob : li.layers()) {
          top = layers.register(top, blob);
          registered.add(top);
        }
      }
      loaded.forEach(li -> li.layers().forEach(LayerBlob::verify));
    } catch (dev.layerlab.image.ImageFormatException | dev.layerlab.vfs.VfsException e) {
      stacks.forEach(registered -> registered.forEach(l -> layers.release(l.chainId())));
      throw new EngineException(EngineException.Kind.INVALID, e.getMessage());
    }
    List<String> lines = new ArrayList<>();
    for (int n = 0; n < loaded.size(); n++) {
      ArchiveImage li = loaded.get(n);
      List<Layer> registered = stacks.get(n);
      registered.forEach(l -> events.accept(new EngineEvent.LayerRegistered(l.chainId(), l.cacheId())));
      Layer top = registered.isEmpty() ? null : registered.get(registered.size() - 1);
      for (int i = 0; i < registered.size() - 1; i++) {
        layers.release(registered.get(i).chainId());
      }
      Digest id = li.id();
      if (images.get(id).isEmpty()) {
        images.put(new ImageRecord(id, li.configBytes(), top == null ? null : top.chainId(), null, null));
      } else if (top != null) {
        layers.release(top.chainId());
      }
      if (li.repoTags().isEmpty()) {
        lines.add("Loaded image ID: " + id);
      }
      for (String t : li.repoTags()) {
        String name = Reference.parse(t).toString();
        images.addRef(name, id, clock.instant());
        lines.add("Loaded image: " + name);
        events.accept(new EngineEvent.ImageStored(name, id));
      }
    }
    return lines;
  }
}
