package dev.layerlab.learn;

import java.util.ArrayList;
import java.util.List;

/** What happened since the current step began: the lines typed, their output, the answers given. */
final class StepLog {
  /** Output kept per command: enough for any check, bounded so a runaway loop cannot fill memory. */
  static final int MAX_OUTPUT = 256 * 1024;

  final List<String> typed = new ArrayList<>();
  final List<String> outputs = new ArrayList<>();
  final List<String> answers = new ArrayList<>();

  void command(String line, String output) {
    typed.add(line);
    outputs.add(output.length() > MAX_OUTPUT ? output.substring(0, MAX_OUTPUT) : output);
  }

  void answer(String word) {
    answers.add(word.strip());
  }
}
