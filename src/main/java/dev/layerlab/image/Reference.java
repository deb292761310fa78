package dev.layerlab.image;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference as the docker CLI accepts it ({@code ubuntu}, {@code ubuntu:18.04},
 * {@code docker.io/library/ubuntu:18.04}, {@code ubuntu@sha256:...}), normalised the way Docker
 * does: the default registry {@code docker.io}, the {@code library/} namespace for official images.
 *
 * @param tag null when the reference names a digest or has no tag (see {@link #tagOrLatest()})
 */
public record Reference(String domain, String path, String tag, Digest digest) {
  public static final String DEFAULT_DOMAIN = "docker.io";

  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern NAME = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern DOMAIN = Pattern.compile(
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern FULL = Pattern.compile("^([^@]+?)(?::([^:/@]+))?(?:@(.+))?$");

  /** Parses a reference; CatalogException with Docker's {@code invalid reference format} wording otherwise. */
  public static Reference parse(String text) {
    Matcher m = FULL.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw CatalogException.invalidReference(text);
    }
    String name = m.group(1);
    String tag = m.group(2);
    Digest digest = null;
    if (m.group(3) != null) {
      try {
        digest = Digest.parse(m.group(3));
      } catch (IllegalArgumentException e) {
        throw CatalogException.invalidReference(text);
      }
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw CatalogException.invalidReference(text);
    }
    String domain = DEFAULT_DOMAIN;
    String path = name;
    int slash = name.indexOf('/');
    if (slash > 0) {
      String first = name.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        if (!DOMAIN.matcher(first).matches()) {
          throw CatalogException.invalidReference(text);
        }
        domain = first;
        path = name.substring(slash + 1);
      }
    }
    if (!NAME.matcher(path).matches()) {
      if (NAME.matcher(path.toLowerCase()).matches()) {
        throw CatalogException.notLowercase(text);
      }
      throw CatalogException.invalidReference(text);
    }
    if (domain.equals(DEFAULT_DOMAIN) && !path.contains("/")) {
      path = "library/" + path;
    }
    if (domain.equals("index.docker.io")) {
      domain = DEFAULT_DOMAIN;
    }
    return new Reference(domain, path, tag, digest);
  }

  /** The name as Docker 18.06 shows it: {@code ubuntu}, {@code layerlab/hello}, {@code quay.io/x/y}. */
  public String familiarName() {
    if (domain.equals(DEFAULT_DOMAIN)) {
      return path.startsWith("library/") ? path.substring("library/".length()) : path;
    }
    return domain + "/" + path;
  }

  /** The tag, {@code latest} when none was given. */
  public String tagOrLatest() {
    return tag == null ? "latest" : tag;
  }

  /** True when neither tag nor digest was given (docker pull then says {@code Using default tag: latest}). */
  public boolean usesDefaultTag() {
    return tag == null && digest == null;
  }

  /** {@code ubuntu:18.04} or {@code ubuntu@sha256:...}, as pull and the errors print it. */
  public String familiar() {
    return digest != null ? familiarName() + "@" + digest : familiarName() + ":" + tagOrLatest();
  }

  /** {@code docker.io/library/ubuntu:18.04}. */
  public String canonical() {
    return domain + "/" + path + (digest != null ? "@" + digest : ":" + tagOrLatest());
  }
}
