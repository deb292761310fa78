package dev.layerlab.ui;

import java.io.InterruptedIOException;
import java.util.Arrays;
import org.jline.utils.NonBlockingInputStream;

/**
 * Keys typed into a test terminal: those known in advance, then any typed while a command runs
 * ({@link #type}). JLine wraps any other input stream in a pump thread whose hand-over can stall;
 * this one answers every read at once, and with end of file once every key is read.
 */
final class TypedKeys extends NonBlockingInputStream {

  private byte[] keys;
  private int length;
  private int next;

  TypedKeys(byte[] keys) {
    this.keys = keys.clone();
    this.length = keys.length;
  }

  /** Keys typed now; they are read after those typed before. */
  synchronized void type(byte[] more) {
    if (length + more.length > keys.length) {
      keys = Arrays.copyOf(keys, Math.max(keys.length * 2, length + more.length));
    }
    System.arraycopy(more, 0, keys, length, more.length);
    length += more.length;
  }

  @Override
  public synchronized int read(long timeout, boolean isPeek) throws InterruptedIOException {
    // JLine answers Ctrl-C by interrupting the reading thread; a blocking read would notice.
    if (Thread.interrupted()) {
      throw new InterruptedIOException("interrupted by Ctrl-C");
    }
    if (next >= length) {
      return EOF;
    }
    int key = keys[next] & 0xFF;
    if (!isPeek) {
      next++;
    }
    return key;
  }
}
