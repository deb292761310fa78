package dev.layerlab.ui;

import java.io.InterruptedIOException;
import org.jline.utils.NonBlockingInputStream;

/**
 * Keys typed into a test terminal, all known in advance. JLine wraps any other input stream in a
 * pump thread whose hand-over can stall; this one answers every read at once, then end of file.
 */
final class TypedKeys extends NonBlockingInputStream {

  private final byte[] keys;
  private int next;

  TypedKeys(byte[] keys) {
    this.keys = keys.clone();
  }

  @Override
  public synchronized int read(long timeout, boolean isPeek) throws InterruptedIOException {
    // JLine answers Ctrl-C by interrupting the reading thread; a blocking read would notice.
    if (Thread.interrupted()) {
      throw new InterruptedIOException("interrupted by Ctrl-C");
    }
    if (next >= keys.length) {
      return EOF;
    }
    int key = keys[next] & 0xFF;
    if (!isPeek) {
      next++;
    }
    return key;
  }
}
