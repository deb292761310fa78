package dev.layerlab.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The offline registry: the images of Docker Hub as they were in the summer of 2018 (plus one
 * modern Ubuntu and one image built on ubuntu:18.04), each built the first time it is asked for
 * and then kept. Lookups take the references the docker CLI takes and fail with Docker's errors.
 */
public final class Catalog {
  private static final Catalog BUILT_IN = new Catalog();

  /** One image: which repository and tags name it and how to build it. */
  private record Entry(String repository, List<String> tags, Function<Catalog, Image> recipe) {}

  private final Map<String, Entry> byName = new LinkedHashMap<>();
  private final Map<Entry, Image> built = new ConcurrentHashMap<>();

  private Catalog() {
    CatalogImages.define(this);
  }

  /** A catalog of its own, with nothing built yet (for tests of laziness). */
  static Catalog fresh() {
    return new Catalog();
  }

  /** The built-in catalog (images built once per process). */
  public static Catalog builtIn() {
    return BUILT_IN;
  }

  void define(String repository, List<String> tags, Function<Catalog, Image> recipe) {
    Entry e = new Entry(repository, List.copyOf(tags), recipe);
    for (String tag : tags) {
      byName.put(repository + ":" + tag, e);
    }
  }

  /** Resolves a reference text such as {@code ubuntu}, {@code ubuntu:18.04} or {@code ubuntu@sha256:...}. */
  public Image resolve(String reference) {
    return resolve(Reference.parse(reference));
  }

  /** Builds (once) and returns the image a reference names. */
  public Image resolve(Reference ref) {
    if (!ref.domain().equals(Reference.DEFAULT_DOMAIN)) {
      throw CatalogException.unreachable(ref);
    }
    String repo = ref.familiarName();
    if (repositories().stream().noneMatch(repo::equals)) {
      throw CatalogException.repositoryNotFound(ref);
    }
    if (ref.digest() != null) {
      // images already built first: a digest usually names one the learner has just pulled
      List<Entry> candidates = new ArrayList<>(entries(repo));
      candidates.sort(java.util.Comparator.comparing(x -> !built.containsKey(x)));
      for (Entry e : candidates) {
        Image image = image(e);
        if (image.repoDigest().equals(ref.digest()) || image.manifestDigest().equals(ref.digest())) {
          return image;
        }
      }
      throw CatalogException.manifestNotFound(ref);
    }
    Entry e = byName.get(repo + ":" + ref.tagOrLatest());
    if (e == null) {
      throw CatalogException.manifestNotFound(ref);
    }
    return image(e);
  }

  /** The repositories served, e.g. {@code ubuntu}, {@code layerlab/hello}. */
  public List<String> repositories() {
    List<String> out = new ArrayList<>();
    byName.values().forEach(e -> {
      if (!out.contains(e.repository())) {
        out.add(e.repository());
      }
    });
    return out;
  }

  /** The tags of a repository, in definition order. */
  public List<String> tags(String repository) {
    List<String> out = new ArrayList<>();
    for (Entry e : entries(repository)) {
      out.addAll(e.tags());
    }
    return out;
  }

  /** Whether the image is already built in this process (for keeping startup cheap, and for tests). */
  public boolean isBuilt(String reference) {
    Entry e = byName.get(Reference.parse(reference).familiarName() + ":" + Reference.parse(reference).tagOrLatest());
    return e != null && built.containsKey(e);
  }

  private List<Entry> entries(String repository) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : byName.values()) {
      if (e.repository().equals(repository) && !out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private Image image(Entry e) {
    Image done = built.get(e);
    if (done != null) {
      return done;
    }
    // Not computeIfAbsent: a recipe may resolve its base image, which updates the map itself.
    synchronized (e) {
      Image again = built.get(e);
      if (again != null) {
        return again;
      }
      Image image = e.recipe().apply(this);
      built.put(e, image);
      return image;
    }
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }
}
