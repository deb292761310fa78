package dev.layerlab.image;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip writer whose output depends only on its input: header mtime 0 and OS byte 255
 * ("unknown") as Go's compress/gzip writes them, so the layer digest is stable.
 */
final class Gzip extends FilterOutputStream {
  private final Deflater deflater;
  private final CRC32 crc = new CRC32();
  private final byte[] buf = new byte[64 * 1024];
  private long inputSize;
  private boolean finished;

  /** @param level a Deflater level; layers use {@link Deflater#BEST_SPEED} to keep pulls cheap */
  Gzip(OutputStream out, int level) throws IOException {
    super(out);
    this.deflater = new Deflater(level, true);
    int xfl = level == Deflater.BEST_COMPRESSION ? 2 : level == Deflater.BEST_SPEED ? 4 : 0;
    out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) xfl, (byte) 0xff});
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    crc.update(b, off, len);
    inputSize += len;
    deflater.setInput(b, off, len);
    while (!deflater.needsInput()) {
      drain(Deflater.NO_FLUSH);
    }
  }

  private void drain(int flush) throws IOException {
    int n = deflater.deflate(buf, 0, buf.length, flush);
    if (n > 0) {
      out.write(buf, 0, n);
    }
  }

  /** Writes the rest of the deflate stream and the CRC32/ISIZE trailer. */
  void finish() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    deflater.finish();
    while (!deflater.finished()) {
      drain(Deflater.NO_FLUSH);
    }
    deflater.end();
    long c = crc.getValue();
    long s = inputSize & 0xffffffffL;
    out.write(new byte[] {
      (byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
      (byte) s, (byte) (s >> 8), (byte) (s >> 16), (byte) (s >> 24)});
  }

  @Override
  public void close() throws IOException {
    finish();
    out.flush();
  }
}
