package dev.layerlab.image;

/**
 * A reference the catalog cannot serve. {@link #getMessage()} is Docker's text; when
 * {@link #fromDaemon()} is true the docker CLI prints it after {@code Error response from daemon: }.
 */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the lookup failed. */
  public enum Kind { INVALID_REFERENCE, REPOSITORY_NOT_FOUND, MANIFEST_NOT_FOUND, REGISTRY_UNREACHABLE }

  private final Kind kind;

  private CatalogException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the daemon (rather than the CLI's own parsing) reports it. */
  public boolean fromDaemon() {
    return kind != Kind.INVALID_REFERENCE;
  }

  static CatalogException invalidReference(String text) {
    return new CatalogException(Kind.INVALID_REFERENCE, "invalid reference format");
  }

  static CatalogException notLowercase(String text) {
    return new CatalogException(Kind.INVALID_REFERENCE, "invalid reference format: repository name must be lowercase");
  }

  static CatalogException repositoryNotFound(Reference ref) {
    return new CatalogException(Kind.REPOSITORY_NOT_FOUND, "pull access denied for " + ref.familiarName()
        + ", repository does not exist or may require 'docker login'");
  }

  static CatalogException manifestNotFound(Reference ref) {
    return new CatalogException(Kind.MANIFEST_NOT_FOUND, "manifest for " + ref.familiar() + " not found");
  }

  static CatalogException unreachable(Reference ref) {
    return new CatalogException(Kind.REGISTRY_UNREACHABLE, "Get https://" + ref.domain()
        + "/v2/: dial tcp: lookup " + ref.domain().replaceAll(":[0-9]+$", "") + ": no such host");
  }
}
