package dev.layerlab.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The {@code tar-split.json.gz} Docker keeps next to each layer in
 * {@code image/overlay2/layerdb/sha256/<chainID>/}: the layer tar's raw header bytes as
 * segments and, for every member, its name, size and CRC-64 (ISO), from which Docker rebuilds
 * the byte-identical tar for push and save. One JSON object per line, gzip-compressed.
 *
 * <p>Making it costs another pass over the tar (about one sha256's worth), which is why pulling
 * does not do it on its own: the engine decides when the file is written.
 */
public final class TarSplit {
  private static final int FILE = 1;
  private static final int SEGMENT = 2;
  private static final long[][] CRC = crcTables();

  private TarSplit() {}

  /** The gzip-compressed JSON lines for {@code blob}'s tar. */
  public static byte[] of(LayerBlob blob) {
    ByteArrayOutputStream tar = new ByteArrayOutputStream((int) Math.min(blob.tarSize(), Integer.MAX_VALUE - 8));
    try {
      blob.writeTar(tar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gzip(jsonLines(tar.toByteArray()));
  }

  /** The uncompressed JSON lines for a tar held in memory. */
  static byte[] jsonLines(byte[] tar) {
    StringBuilder out = new StringBuilder();
    int position = 0;
    int pos = 0;
    int rawStart = 0;
    String longName = null;
    while (true) {
      if (pos + 512 > tar.length) {
        throw new ImageFormatException("unexpected EOF");
      }
      if (isZero(tar, pos)) {
        int end = Math.min(tar.length, pos + 1024);
        segment(out, tar, rawStart, end, position++);
        for (int p = end; p < tar.length; p += 1 << 20) {
          segment(out, tar, p, Math.min(tar.length, p + (1 << 20)), position++);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
      }
      char type = (char) tar[pos + 156];
      long size = octal(tar, pos + 124, 12);
      if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
        String body = new String(tar, pos + 512, (int) size, StandardCharsets.UTF_8);
        if (type == 'x') {
          String path = paxValue(body, "path");
          longName = path != null ? path : longName;
        } else if (type == 'L') {
          longName = body.indexOf('\0') >= 0 ? body.substring(0, body.indexOf('\0')) : body;
        }
        pos += 512 + roundUp(size);
        continue;
      }
      String name = longName != null ? longName : ustarName(tar, pos);
      longName = null;
      pos += 512;
      segment(out, tar, rawStart, pos, position++);
      boolean hasData = type == '0' || type == '\0' || type == '7';
      long dataSize = hasData ? size : 0;
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("type", FILE);
      e.put("name", name);
      if (size != 0) {
        e.put("size", size);
      }
      e.put("payload", dataSize > 0 ? Base64.getEncoder().encodeToString(crc64(tar, pos, (int) dataSize)) : null);
      e.put("position", position++);
      out.append(new String(GoJson.compact(e), StandardCharsets.UTF_8)).append('\n');
      pos += (int) dataSize;
      rawStart = pos;
      pos += roundUp(dataSize) - (int) dataSize;
    }
  }

  private static void segment(StringBuilder out, byte[] tar, int from, int to, int position) {
    if (to <= from) {
      return;
    }
    byte[] raw = java.util.Arrays.copyOfRange(tar, from, to);
    out.append("{\"type\":").append(SEGMENT).append(",\"payload\":\"")
        .append(Base64.getEncoder().encodeToString(raw)).append("\",\"position\":").append(position).append("}\n");
  }

  private static String ustarName(byte[] tar, int pos) {
    String name = cString(tar, pos, 100);
    String magic = cString(tar, pos + 257, 6);
    if (magic.startsWith("ustar")) {
      String prefix = cString(tar, pos + 345, 155);
      if (!prefix.isEmpty()) {
        return prefix + "/" + name;
      }
    }
    return name;
  }

  private static String paxValue(String body, String key) {
    for (String record : body.split("\n")) {
      int space = record.indexOf(' ');
      int eq = record.indexOf('=');
      if (space > 0 && eq > space && record.substring(space + 1, eq).equals(key)) {
        return record.substring(eq + 1);
      }
    }
    return null;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len) {
    if ((b[off] & 0x80) != 0) { // base-256, for sizes beyond 8 GiB
      long v = b[off] & 0x7f;
      for (int i = 1; i < len; i++) {
        v = (v << 8) | (b[off + i] & 0xff);
      }
      return v;
    }
    long v = 0;
    int i = off;
    while (i < off + len && (b[i] == ' ' || b[i] == 0)) {
      i++;
    }
    for (; i < off + len && b[i] >= '0' && b[i] <= '7'; i++) {
      v = v * 8 + (b[i] - '0');
    }
    return v;
  }

  private static boolean isZero(byte[] b, int off) {
    for (int i = off; i < off + 512; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static int roundUp(long n) {
    return (int) ((n + 511) / 512 * 512);
  }

  /** CRC-64 with the ISO polynomial as Go's hash/crc64 computes it, big-endian bytes. */
  static byte[] crc64(byte[] b, int off, int len) {
    long crc = ~0L;
    int i = off;
    int end = off + len;
    while (end - i >= 8) {
      crc ^= (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
          | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48 | (b[i + 7] & 0xffL) << 56;
      crc = CRC[7][(int) (crc & 0xff)] ^ CRC[6][(int) (crc >>> 8) & 0xff] ^ CRC[5][(int) (crc >>> 16) & 0xff]
          ^ CRC[4][(int) (crc >>> 24) & 0xff] ^ CRC[3][(int) (crc >>> 32) & 0xff] ^ CRC[2][(int) (crc >>> 40) & 0xff]
          ^ CRC[1][(int) (crc >>> 48) & 0xff] ^ CRC[0][(int) (crc >>> 56)];
      i += 8;
    }
    for (; i < end; i++) {
      crc = CRC[0][(int) ((crc ^ b[i]) & 0xff)] ^ (crc >>> 8);
    }
    crc = ~crc;
    byte[] out = new byte[8];
    for (int k = 0; k < 8; k++) {
      out[k] = (byte) (crc >>> (56 - 8 * k));
    }
    return out;
  }

  private static long[][] crcTables() {
    long poly = 0xD800000000000000L;
    long[][] t = new long[8][256];
    for (int n = 0; n < 256; n++) {
      long c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ poly : c >>> 1;
      }
      t[0][n] = c;
    }
    for (int n = 0; n < 256; n++) {
      for (int k = 1; k < 8; k++) {
        t[k][n] = t[0][(int) (t[k - 1][n] & 0xff)] ^ (t[k - 1][n] >>> 8);
      }
    }
    return t;
  }

  private static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Gzip g = new Gzip(out, Deflater.DEFAULT_COMPRESSION);
      g.write(data);
      g.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
