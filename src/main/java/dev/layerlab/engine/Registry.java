package dev.layerlab.engine;

import dev.layerlab.image.Catalog;
import dev.layerlab.image.CatalogException;
import dev.layerlab.image.Digest;
import dev.layerlab.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where {@code docker pull} finds images: layerlab's offline catalog of the 2018 registry. */
public interface Registry {

  /** The image {@code repository:tag} names (familiar repository name, e.g. {@code ubuntu}). */
  Optional<Image> find(String repository, String tag);

  /** The image of {@code repository} whose manifest or manifest-list digest is {@code digest}. */
  default Optional<Image> findByDigest(String repository, Digest digest) {
    return Optional.empty();
  }

  /** True when the repository exists at all (else pull says access is denied). */
  boolean hasRepository(String repository);

  /** The built-in offline catalog of 2018's Docker Hub. */
  static Registry catalog() {
    return catalog(Catalog.builtIn());
  }

  static Registry catalog(Catalog catalog) {
    return new Registry() {
      @Override
      public Optional<Image> find(String repository, String tag) {
        return resolve(repository + ":" + tag);
      }

      @Override
      public Optional<Image> findByDigest(String repository, Digest digest) {
        return resolve(repository + "@" + digest);
      }

      private Optional<Image> resolve(String reference) {
        try {
          return Optional.of(catalog.resolve(reference));
        } catch (CatalogException e) {
          return Optional.empty();
        }
      }

      @Override
      public boolean hasRepository(String repository) {
        return catalog.repositories().contains(repository);
      }
    };
  }

  /** A registry serving exactly these images. */
  static Registry of(List<Image> images) {
    List<Image> all = new ArrayList<>(images);
    return new Registry() {
      @Override
      public Optional<Image> find(String repository, String tag) {
        return all.stream().filter(i -> i.repository().equals(repository) && i.tags().contains(tag)).findFirst();
      }

      @Override
      public Optional<Image> findByDigest(String repository, Digest digest) {
        return all.stream()
            .filter(i -> i.repository().equals(repository)
                && (i.repoDigest().equals(digest) || i.manifestDigest().equals(digest)))
            .findFirst();
      }

      @Override
      public boolean hasRepository(String repository) {
        return all.stream().anyMatch(i -> i.repository().equals(repository));
      }
    };
  }
}
