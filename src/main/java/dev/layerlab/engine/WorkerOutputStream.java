package dev.layerlab.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An output stream whose writes reach {@code target} in order on another thread. Pulling a
 * catalog layer writes its tar once and feeds it to sha256 (the diffID) and to tar-split
 * (CRC-64 of every file), each as costly as extracting the layer: the tar-split gets its own
 * thread so that neither waits for the other. Bytes are copied into a few recycled 1 MiB
 * chunks; {@link #close} waits until the target has seen every byte and rethrows what it threw.
 * The target is neither flushed nor closed.
 */
final class WorkerOutputStream extends OutputStream {
  private static final int CHUNK = 1 << 20;
  private static final int CHUNKS = 4;

  private record Chunk(byte[] data, int length) {}

  private static final Chunk END = new Chunk(new byte[0], -1);

  private final OutputStream target;
  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
  private final Thread worker;
  private volatile Throwable failure;
  private byte[] current;
  private int fill;
  private boolean closed;

  private WorkerOutputStream(OutputStream target) {
    this.target = target;
    for (int i = 0; i < CHUNKS; i++) {
      free.add(new byte[CHUNK]);
    }
    worker = new Thread(this::drain, "layerlab-tar-split");
    worker.setDaemon(true);
    worker.start();
  }

  /** {@code target} fed on a second thread, or {@code target} itself when there is no spare core. */
  static OutputStream of(OutputStream target) {
    return Runtime.getRuntime().availableProcessors() > 1 ? new WorkerOutputStream(target) : target;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (current == null) {
        current = take(free);
        fill = 0;
      }
      int n = Math.min(len, CHUNK - fill);
      System.arraycopy(b, off, current, fill, n);
      fill += n;
      off += n;
      len -= n;
      if (fill == CHUNK) {
        hand(new Chunk(current, fill));
        current = null;
      }
    }
  }

  /** Hands over what is buffered, waits for the target to take every byte, and reports its failure. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    // The worker has at most a few chunks left: finish even through Ctrl-C, whose interrupt
    // stays set for whoever decides to stop (the pull, between layers).
    boolean interrupted = Thread.interrupted();
    try {
      if (current != null && fill > 0) {
        hand(new Chunk(current, fill));
        current = null;
      }
      hand(END);
      while (worker.isAlive()) {
        try {
          worker.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error err) {
      throw err;
    }
  }

  /** Stops the worker without waiting for it, when the writer gives up half way. */
  void abandon() {
    if (!closed) {
      closed = true;
      full.offer(END); // the worker drains the queue, so there is always room for the end mark
    }
  }

  private void hand(Chunk c) throws IOException {
    try {
      full.put(c);
    } catch (InterruptedException e) {
      abandon();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while recording a layer's tar-split");
    }
  }

  private byte[] take(BlockingQueue<byte[]> q) throws IOException {
    try {
      return q.take();
    } catch (InterruptedException e) {
      abandon();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while recording a layer's tar-split");
    }
  }

  private void drain() {
    while (true) {
      Chunk c;
      try {
        c = full.take();
      } catch (InterruptedException e) {
        return;
      }
      if (c == END) {
        return;
      }
      if (failure == null) {
        try {
          target.write(c.data(), 0, c.length());
        } catch (Throwable t) {
          failure = t; // keep draining so the writer never blocks on a full queue
        }
      }
      free.offer(c.data());
    }
  }
}
