package dev.layerlab.learn;

/** What a learning command printed, and its exit status (0 for success, as a shell would have it). */
public record Reply(int status, String text) {
  static Reply ok(String text) {
    return new Reply(0, text);
  }

  static Reply error(String text) {
    return new Reply(1, text);
  }
}
