package dev.layerlab.ui;

import dev.layerlab.learn.Lab;
import dev.layerlab.learn.Learning;
import dev.layerlab.learn.Progress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The learning layer's {@code :meta} commands: {@code :explain}, the lesson commands,
 * {@code :trace}, {@code :which} and {@code :layers}, registered with one call to {@link #addAll}.
 */
final class LessonCommands {
  private LessonCommands() {}

  /**
   * The learning layer for one session.
   *
   * @param lessons a teacher's folder ({@code --lessons DIR}), or null for the shipped lessons
   * @param exam {@code --exam}: hints and solutions are refused
   */
  static Learning learning(Map<String, String> env, Path lessons, boolean exam, Lab lab) {
    return new Learning(lessons, lab, Progress.locate(env), exam, Locale.ENGLISH);
  }

  /** The learning layer with the command line's classroom options ({@code --lessons}, {@code --exam}, {@code --transcript}). */
  static Learning learning(Map<String, String> env, LearnOptions options, Lab lab, java.io.PrintStream err) {
    Learning learning = learning(env, options.lessons, options.exam, lab);
    if (options.transcript != null) {
      var reply = learning.record(options.transcript.toString());
      if (reply.status() != 0) {
        err.print(reply.text());
      }
    }
    return learning;
  }

  /** Adds every learning command to {@code commands}; returns it. */
  static MetaCommands addAll(MetaCommands commands, Learning learning) {
    for (LearnCommand.Op op : LearnCommand.Op.values()) {
      commands.add(new LearnCommand(op, learning));
    }
    return commands;
  }
}
