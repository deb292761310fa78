package dev.layerlab.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * Records a layer tar as the {@code tar-split.json.gz} Docker keeps next to each layer: JSON
 * lines of raw segments (headers, padding; type 2) and file entries (name, size, CRC-64/ISO of
 * the content; type 1), from which the byte-identical tar can be rebuilt. Fed the tar as an
 * output stream, so the tar is never held twice.
 */
final class TarSplit extends OutputStream {
  private static final long[] CRC_TABLES = crcTables();

  private final StringBuilder json = new StringBuilder();
  private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
  private final byte[] block = new byte[512];
  private int blockFill;
  private long contentLeft;
  private long crc;
  private int position;
  private String paxPath;
  private boolean paxData;

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    while (len > 0) {
      if (padLeft > 0) {
        int n = Math.min(len, padLeft);
        raw.write(b, off, n);
        padLeft -= n;
        off += n;
        len -= n;
        continue;
      }
      if (contentLeft > 0 && !paxData) {
        int n = (int) Math.min(len, contentLeft);
        crc = update(crc, b, off, n);
        contentLeft -= n;
        off += n;
        len -= n;
        if (contentLeft == 0) {
          fileEntryPayload();
        }
        continue;
      }
      int n = Math.min(len, 512 - blockFill);
      System.arraycopy(b, off, block, blockFill, n);
      blockFill += n;
      off += n;
      len -= n;
      if (blockFill == 512) {
        blockFill = 0;
        raw.write(block, 0, 512);
        if (paxData) {
          paxBlock();
        } else {
          header();
        }
      }
    }
  }

  private long paxLeft;
  private final ByteArrayOutputStream pax = new ByteArrayOutputStream();
  private String pendingName;
  private long pendingSize;

  private void paxBlock() {
    int n = (int) Math.min(512, paxLeft);
    pax.write(block, 0, n);
    paxLeft -= 512;
    if (paxLeft <= 0) {
      paxData = false;
      contentLeft = 0;
      String records = pax.toString(StandardCharsets.UTF_8);
      for (String line : records.split("\n")) {
        int sp = line.indexOf(' ');
        if (sp > 0 && line.startsWith("path=", sp + 1)) {
          paxPath = line.substring(sp + 6);
        }
      }
      pax.reset();
    }
  }

  private void header() {
    boolean zero = true;
    for (byte x : block) {
      if (x != 0) {
        zero = false;
        break;
      }
    }
    if (zero) {
      return;
    }
    long size = octal(124, 12);
    char type = (char) block[156];
    if (type == 'x' || type == 'g') {
      paxData = size > 0;
      paxLeft = size;
      contentLeft = size;
      return;
    }
    String name = text(0, 100);
    String prefix = text(345, 155);
    if (!prefix.isEmpty()) {
      name = prefix + "/" + name;
    }
    if (paxPath != null) {
      name = paxPath;
      paxPath = null;
    }
    boolean hasContent = (type == '0' || type == '\0' || type == '7') && size > 0;
    segment();
    if (hasContent) {
      pendingName = name;
      pendingSize = size;
      contentLeft = size;
      crc = 0;
    } else {
      entry(name, 0, null);
    }
  }

  private void fileEntryPayload() {
    byte[] sum = new byte[8];
    for (int i = 0; i < 8; i++) {
      sum[i] = (byte) (crc >>> (56 - 8 * i));
    }
    entry(pendingName, pendingSize, sum);
    // the content's padding belongs to the next raw segment, which write() collects block-wise
    padLeft = (int) ((512 - pendingSize % 512) % 512);
  }

  private int padLeft;

  private void segment() {
    if (raw.size() == 0) {
      return;
    }
    json.append("{\"type\":2,\"payload\":\"").append(Base64.getEncoder().encodeToString(raw.toByteArray()))
        .append("\",\"position\":").append(position++).append("}\n");
    raw.reset();
  }

  private void entry(String name, long size, byte[] payload) {
    json.append("{\"type\":1,\"name\":");
    quote(json, name);
    if (size > 0) {
      json.append(",\"size\":").append(size);
    }
    json.append(",\"payload\":").append(payload == null ? "null" : "\"" + Base64.getEncoder().encodeToString(payload) + "\"")
        .append(",\"position\":").append(position++).append("}\n");
  }

  /** The gzipped JSON lines, once the whole tar was written. */
  byte[] finish() {
    raw.write(block, 0, blockFill);
    segment();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(json.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private String text(int off, int len) {
    int end = off;
    while (end < off + len && block[end] != 0) {
      end++;
    }
    return new String(block, off, end - off, StandardCharsets.UTF_8);
  }

  private long octal(int off, int len) {
    if ((block[off] & 0x80) != 0) { // base-256 for huge sizes
      long v = block[off] & 0x7f;
      for (int i = off + 1; i < off + len; i++) {
        v = (v << 8) | (block[i] & 0xff);
      }
      return v;
    }
    String s = text(off, len).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /**
   * Go's crc64.MakeTable(crc64.ISO), reflected polynomial 0xD800000000000000, as the 16 tables of
   * slicing-by-16 in one array (table k at k * 256): the checksum costs about as much as the
   * layer's sha256, so it is worth reading 16 bytes per step.
   */
  private static long[] crcTables() {
    long[] t = new long[16 * 256];
    for (int i = 0; i < 256; i++) {
      long c = i;
      for (int j = 0; j < 8; j++) {
        c = (c & 1) == 1 ? (c >>> 1) ^ 0xD800000000000000L : c >>> 1;
      }
      t[i] = c;
    }
    for (int k = 1; k < 16; k++) {
      for (int i = 0; i < 256; i++) {
        long prev = t[(k - 1) * 256 + i];
        t[k * 256 + i] = (prev >>> 8) ^ t[(int) (prev & 0xff)];
      }
    }
    return t;
  }

  private static final java.lang.invoke.VarHandle LONG_LE =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  static long update(long crc, byte[] b, int off, int len) {
    long[] t = CRC_TABLES;
    crc = ~crc;
    int i = off;
    int end = off + len;
    while (end - i >= 16) {
      long x = crc ^ (long) LONG_LE.get(b, i);
      long y = (long) LONG_LE.get(b, i + 8);
      crc = t[15 * 256 + (int) (x & 0xff)] ^ t[14 * 256 + (int) ((x >>> 8) & 0xff)]
          ^ t[13 * 256 + (int) ((x >>> 16) & 0xff)] ^ t[12 * 256 + (int) ((x >>> 24) & 0xff)]
          ^ t[11 * 256 + (int) ((x >>> 32) & 0xff)] ^ t[10 * 256 + (int) ((x >>> 40) & 0xff)]
          ^ t[9 * 256 + (int) ((x >>> 48) & 0xff)] ^ t[8 * 256 + (int) (x >>> 56)]
          ^ t[7 * 256 + (int) (y & 0xff)] ^ t[6 * 256 + (int) ((y >>> 8) & 0xff)]
          ^ t[5 * 256 + (int) ((y >>> 16) & 0xff)] ^ t[4 * 256 + (int) ((y >>> 24) & 0xff)]
          ^ t[3 * 256 + (int) ((y >>> 32) & 0xff)] ^ t[2 * 256 + (int) ((y >>> 40) & 0xff)]
          ^ t[256 + (int) ((y >>> 48) & 0xff)] ^ t[(int) (y >>> 56)];
      i += 16;
    }
    for (; i < end; i++) {
      crc = t[(int) ((crc ^ b[i]) & 0xff)] ^ (crc >>> 8);
    }
    return ~crc;
  }

  /**
   * Rebuilds the layer tar byte for byte from its tar-split record and the files of its
   * {@code diff/} directory, as Docker does for {@code docker save} and {@code push}.
   */
  static byte[] assemble(byte[] tarSplitGz, dev.layerlab.vfs.Vfs vfs, String diffDir) {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(tarSplitGz))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
        if (n.path("type").asInt() == 2) {
          out.write(Base64.getDecoder().decode(n.path("payload").asText()));
        } else if (n.path("size").asLong(0) > 0) {
          out.write(vfs.read(diffDir + "/" + n.path("name").asText()));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
