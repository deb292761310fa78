package dev.layerlab.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The bytes of a regular file in a layer: either held as they are, or described as a head
 * followed by deterministic filler up to a size, so that a root filesystem can have its real
 * size without keeping every byte of it in memory until someone asks.
 */
public sealed interface Content {

  /** The file's size in bytes. */
  long size();

  /** Writes exactly {@link #size()} bytes. */
  void writeTo(OutputStream out) throws IOException;

  /** All the bytes, materialised. */
  default byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size(), Integer.MAX_VALUE - 8));
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }



  Content EMPTY = new Bytes(new byte[0]);

  static Content of(byte[] data) {
    return new Bytes(data);
  }

  static Content text(String text) {
    return new Bytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** {@code head} then filler to {@code size} bytes; {@code seed} picks where in the filler pattern it starts. */
  static Content filler(byte[] head, long size, long seed) {
    return new Filler(head, Math.max(size, head.length), seed);
  }

  /** {@code length} bytes of {@code data} from {@code offset}: a member of a tar held in memory, in place. */
  static Content slice(byte[] data, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, data.length);
    return new Slice(data, offset, length);
  }

  /** Content held in memory. */
  record Bytes(byte[] data) implements Content {
    @Override
    public long size() {
      return data.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(data);
    }

    @Override
    public byte[] bytes() {
      return data;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b ? Arrays.equals(data, b.data) : o instanceof Slice s && s.equals(this);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Bytes[" + data.length + "]";
    }
  }

  /** Part of a larger array (a tar read into memory), shared rather than copied; equal to the same bytes held whole. */
  record Slice(byte[] data, int offset, int length) implements Content {
    @Override
    public long size() {
      return length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(data, offset, length);
    }

    @Override
    public byte[] bytes() {
      return Arrays.copyOfRange(data, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
      if (o instanceof Slice s) {
        return Arrays.equals(data, offset, offset + length, s.data, s.offset, s.offset + s.length);
      }
      return o instanceof Bytes b && Arrays.equals(data, offset, offset + length, b.data, 0, b.data.length);
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (int i = offset; i < offset + length; i++) {
        h = 31 * h + data[i];
      }
      return h;
    }

    @Override
    public String toString() {
      return "Bytes[" + length + "]";
    }
  }

  /**
   * A head and then a fixed pseudo-random 4 KiB pattern repeated: it looks like binary data to
   * a learner, and it costs nothing to keep and little to compress.
   */
  record Filler(byte[] head, long size, long seed) implements Content {
    private static final int PERIOD = 4096;
    private static final byte[] PATTERN = pattern();

    private static final byte[] PATTERN_DIGEST =
        Digest.of(pattern()).hex().getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** sha256 of the filler pattern: part of a catalog layer's fingerprint, so a new pattern is a new layer. */
    static byte[] patternDigest() {
      return PATTERN_DIGEST.clone();
    }

    /** Bytes handed out per write: many periods at once, so a large file is a few big writes. */
    private static final int RUN = PERIOD * 16;

    /** The period repeated, long enough to take {@link #RUN} bytes from any offset inside the first period. */
    private static byte[] pattern() {
      byte[] p = new byte[RUN + PERIOD];
      SplittableRandom random = new SplittableRandom(2018_08_21L);
      for (int i = 0; i < PERIOD; i++) {
        p[i] = (byte) random.nextInt(256);
      }
      for (int at = PERIOD; at < p.length; at += PERIOD) {
        System.arraycopy(p, 0, p, at, PERIOD);
      }
      return p;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(head);
      long left = size - head.length;
      int offset = (int) Math.floorMod(seed, (long) PERIOD);
      while (left > 0) {
        int n = (int) Math.min(left, RUN); // a whole number of periods, so the offset stays put
        out.write(PATTERN, offset, n);
        left -= n;
      }
    }

    @Override
    public byte[] bytes() {
      byte[] out = new byte[Math.toIntExact(size)];
      System.arraycopy(head, 0, out, 0, head.length);
      int pos = head.length;
      int offset = (int) Math.floorMod(seed, (long) PERIOD);
      while (pos < out.length) {
        int n = Math.min(out.length - pos, RUN);
        System.arraycopy(PATTERN, offset, out, pos, n);
        pos += n;
      }
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Filler f && f.size == size && f.seed == seed && Arrays.equals(head, f.head);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(size) * 31 + Arrays.hashCode(head);
    }

    @Override
    public String toString() {
      return "Filler[" + size + "]";
    }
  }
}
