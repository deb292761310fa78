package dev.layerlab.engine;

/**
 * What a pull reports while it runs, as the daemon streams it to the client: plain messages and
 * per-layer progress (the client draws bars only on a terminal).
 */
public sealed interface PullEvent {

  /** A status line, with an ID ({@code 18.04: Pulling from library/ubuntu}) or without ({@code Digest: ...}). */
  record Message(String id, String text) implements PullEvent {}

  /**
   * A layer's state: {@code Pulling fs layer}, {@code Waiting}, {@code Downloading},
   * {@code Verifying Checksum}, {@code Download complete}, {@code Extracting}, {@code Pull complete},
   * {@code Already exists}; {@code current}/{@code total} are bytes for the two with a bar, else 0.
   */
  record Progress(String id, String status, long current, long total) implements PullEvent {
    public boolean hasBar() {
      return total > 0;
    }
  }
}
