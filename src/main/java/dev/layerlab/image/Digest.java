package dev.layerlab.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A content address: {@code sha256:<64 lowercase hex>}. Layer digests, diffIDs, chainIDs, image
 * IDs and manifest digests are all of this form; what differs is which bytes were hashed.
 */
public record Digest(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /** The diffID of a layer tar that holds nothing (1024 zero bytes): Docker never stores such a layer. */
  public static final Digest EMPTY_LAYER =
      new Digest("5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");

  public Digest {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("invalid checksum digest format");
    }
  }

  /** The sha256 of {@code bytes}. */
  public static Digest of(byte[] bytes) {
    return new Digest(HexFormat.of().formatHex(sha256().digest(bytes)));
  }

  /** Parses {@code sha256:<hex>}; IllegalArgumentException with Docker's wording otherwise. */
  public static Digest parse(String text) {
    if (text == null || !text.startsWith("sha256:")) {
      throw new IllegalArgumentException("invalid checksum digest format");
    }
    return new Digest(text.substring("sha256:".length()));
  }

  /** A fresh SHA-256 engine, for streaming hashes. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /** Wraps a finished SHA-256 engine. */
  static Digest from(MessageDigest finished) {
    return new Digest(HexFormat.of().formatHex(finished.digest()));
  }

  /**
   * The chainID of a layer on top of the chain {@code parent}: sha256 over the ASCII text
   * {@code "<parent> <diffID>"}; the bottom layer's chainID is its diffID.
   */
  public static Digest chainId(Digest parent, Digest diffId) {
    if (parent == null) {
      return diffId;
    }
    return of((parent + " " + diffId).getBytes(StandardCharsets.US_ASCII));
  }

  /** The chainIDs of every prefix of a stack of diffIDs, bottom first. */
  public static List<Digest> chainIds(List<Digest> diffIds) {
    List<Digest> out = new ArrayList<>(diffIds.size());
    Digest chain = null;
    for (Digest diffId : diffIds) {
      chain = chainId(chain, diffId);
      out.add(chain);
    }
    return List.copyOf(out);
  }

  /** The 12-hex short form the CLI prints ({@code docker images}, pull lines). */
  public String shortId() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return "sha256:" + hex;
  }
}
