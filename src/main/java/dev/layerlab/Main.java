package dev.layerlab;

import dev.layerlab.ui.Launcher;
import dev.layerlab.ui.Stdio;

/** {@code java -jar layerlab.jar}: the layerlab command on the real terminal. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(Launcher.run(args, Stdio.system()));
  }
}
