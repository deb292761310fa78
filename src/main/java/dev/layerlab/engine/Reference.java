package dev.layerlab.engine;

import dev.layerlab.image.Digest;
import java.util.regex.Pattern;

/**
 * An image reference as the CLI and daemon parse it, in its familiar form ({@code ubuntu},
 * not {@code docker.io/library/ubuntu}).
 *
 * @param tag null when the reference is by digest
 * @param digest null unless written {@code name@sha256:...}
 */
public record Reference(String repository, String tag, Digest digest) {
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

  /** Parses {@code name[:tag][@digest]}, defaulting the tag to {@code latest}. */
  public static Reference parse(String text) {
    String s = text;
    Digest digest = null;
    int at = s.indexOf('@');
    if (at >= 0) {
      try {
        digest = Digest.parse(s.substring(at + 1));
      } catch (IllegalArgumentException e) {
        throw EngineException.invalid("invalid reference format");
      }
      s = s.substring(0, at);
    }
    String tag = null;
    int colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
      tag = s.substring(colon + 1);
      s = s.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw EngineException.invalid("invalid reference format");
      }
    }
    if (s.isEmpty()) {
      throw EngineException.invalid("invalid reference format");
    }
    if (!s.equals(s.toLowerCase(java.util.Locale.ROOT))) {
      throw EngineException.invalid("invalid reference format: repository name must be lowercase");
    }
    String repo = familiar(s);
    for (String part : repo.split("/", -1)) {
      if (!COMPONENT.matcher(part).matches()) {
        throw EngineException.invalid("invalid reference format");
      }
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new Reference(repo, tag, digest);
  }

  /** True when {@code text} names no tag and no digest ({@code docker pull ubuntu}). */
  public static boolean hasNoTag(String text) {
    int colon = text.lastIndexOf(':');
    return text.indexOf('@') < 0 && colon <= text.lastIndexOf('/');
  }

  private static String familiar(String name) {
    String n = name;
    if (n.startsWith("docker.io/")) {
      n = n.substring("docker.io/".length());
    } else if (n.startsWith("index.docker.io/")) {
      n = n.substring("index.docker.io/".length());
    }
    if (n.startsWith("library/") && n.indexOf('/', 8) < 0) {
      n = n.substring("library/".length());
    }
    return n;
  }

  /** The path a registry serves it under: {@code library/ubuntu} for official images. */
  public String remotePath() {
    return repository.contains("/") ? repository : "library/" + repository;
  }

  /** {@code ubuntu:18.04} or {@code ubuntu@sha256:...}. */
  @Override
  public String toString() {
    return digest != null ? repository + "@" + digest : repository + ":" + tag;
  }
}
