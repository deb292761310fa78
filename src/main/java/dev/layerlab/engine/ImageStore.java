package dev.layerlab.engine;

import dev.layerlab.image.Digest;
import dev.layerlab.vfs.Vfs;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Images and the names that point at them: {@code imagedb/} and {@code repositories.json},
 * kept on the host's disk in Docker's formats every time they change.
 */
final class ImageStore {
  private final Vfs vfs;
  private final Map<Digest, ImageRecord> images = new LinkedHashMap<>();
  /** "ubuntu:18.04" and "ubuntu@sha256:..." to image ID; sorted, as Go marshals a map. */
  private final TreeMap<String, Digest> refs = new TreeMap<>();

  ImageStore(Vfs vfs) {
    this.vfs = vfs;
  }

  Optional<ImageRecord> get(Digest id) {
    return Optional.ofNullable(images.get(id));
  }

  List<ImageRecord> all() {
    return List.copyOf(images.values());
  }

  /** Stores the config in {@code imagedb/content} (and the parent in {@code metadata}). */
  void put(ImageRecord image) {
    images.put(image.id(), image);
    HostFiles.write(vfs, DockerPaths.IMAGEDB_CONTENT + "/" + image.id().hex(), image.configBytes(), 0600);
    if (image.parent() != null) {
      String meta = DockerPaths.IMAGEDB_METADATA + "/" + image.id().hex();
      HostFiles.mkdirs(vfs, meta, 0700);
      HostFiles.write(vfs, meta + "/parent", image.parent().toString(), 0600);
    }
  }

  void replace(ImageRecord image) {
    images.put(image.id(), image);
  }

  void remove(Digest id) {
    images.remove(id);
    HostFiles.removeAll(vfs, DockerPaths.IMAGEDB_CONTENT + "/" + id.hex());
    HostFiles.removeAll(vfs, DockerPaths.IMAGEDB_METADATA + "/" + id.hex());
  }

  /** Points {@code ref} at an image; a local tag also records {@code lastUpdated}. */
  void addRef(String ref, Digest id, Instant localTagTime) {
    refs.put(ref, id);
    if (localTagTime != null) {
      String meta = DockerPaths.IMAGEDB_METADATA + "/" + id.hex();
      HostFiles.mkdirs(vfs, meta, 0700);
      HostFiles.write(vfs, meta + "/lastUpdated", rfc3339(localTagTime), 0600);
    }
    saveRefs();
  }

  void removeRef(String ref) {
    refs.remove(ref);
    saveRefs();
  }

  Optional<Digest> ref(String ref) {
    return Optional.ofNullable(refs.get(ref));
  }

  /** Every name pointing at {@code id}: tags first, then digests, each sorted. */
  List<String> refsOf(Digest id) {
    List<String> tags = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    refs.forEach((k, v) -> {
      if (v.equals(id)) {
        (k.contains("@") ? digests : tags).add(k);
      }
    });
    tags.addAll(digests);
    return tags;
  }

  List<String> tagsOf(Digest id) {
    return refsOf(id).stream().filter(r -> !r.contains("@")).toList();
  }

  List<String> digestsOf(Digest id) {
    return refsOf(id).stream().filter(r -> r.contains("@")).toList();
  }

  /** The images whose recorded parent is {@code id}. */
  List<ImageRecord> children(Digest id) {
    return images.values().stream().filter(i -> id.equals(i.parent())).toList();
  }

  private void saveRefs() {
    Map<String, Map<String, String>> byRepo = new TreeMap<>();
    refs.forEach((k, v) -> {
      int cut = k.contains("@") ? k.indexOf('@') : k.lastIndexOf(':');
      byRepo.computeIfAbsent(k.substring(0, cut), x -> new TreeMap<>()).put(k, v.toString());
    });
    StringBuilder b = new StringBuilder("{\"Repositories\":{");
    boolean firstRepo = true;
    for (Map.Entry<String, Map<String, String>> r : byRepo.entrySet()) {
      b.append(firstRepo ? "" : ",").append('"').append(r.getKey()).append("\":{");
      firstRepo = false;
      boolean first = true;
      for (Map.Entry<String, String> e : r.getValue().entrySet()) {
        b.append(first ? "" : ",").append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
        first = false;
      }
      b.append('}');
    }
    b.append("}}");
    HostFiles.write(vfs, DockerPaths.REPOSITORIES, b.toString(), 0600);
  }

  static String rfc3339(Instant t) {
    String base = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(t);
    if (t.getNano() == 0) {
      return base + "Z";
    }
    return base + "." + String.format("%09d", t.getNano()).replaceAll("0+$", "") + "Z";
  }
}
