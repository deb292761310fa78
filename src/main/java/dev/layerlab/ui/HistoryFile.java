package dev.layerlab.ui;

import java.nio.file.Path;
import java.util.Map;

/** Where the REPL keeps its history: the XDG Base Directory spec names the state directory for it. */
final class HistoryFile {

  private HistoryFile() {}

  /** {@code $XDG_STATE_HOME/layerlab/history}, else {@code ~/.local/state/layerlab/history}. */
  static Path locate(Map<String, String> env) {
    String state = env.get("XDG_STATE_HOME");
    // The XDG spec says relative paths are invalid and must be ignored.
    if (state != null && !state.isEmpty() && Path.of(state).isAbsolute()) {
      return Path.of(state, "layerlab", "history");
    }
    String home = env.get("HOME");
    if (home == null || home.isEmpty()) {
      home = System.getProperty("user.home");
    }
    return Path.of(home, ".local", "state", "layerlab", "history");
  }
}
