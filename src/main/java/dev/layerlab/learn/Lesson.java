package dev.layerlab.learn;

import java.util.List;

/**
 * One lesson, as a teacher wrote it in a {@code .lesson} file.
 *
 * @param id the file name without {@code .lesson}, e.g. {@code 05-copy-on-write}
 * @param number the lesson's number ({@code :lesson N})
 */
public record Lesson(String id, String file, int number, Text title, Text intro, List<Step> steps) {

  /**
   * One step: a task, the checks that decide it is done, hints from gentle to explicit, and the
   * reference solution (lines to type, in order).
   *
   * @param see {@code :explain} topics worth reading for this step
   */
  public record Step(String id, int line, Text task, List<Text> hints, List<Condition> conditions,
      List<String> solution, Text done, List<String> see) {}

  /**
   * A check as written: {@code check:} lines must become true while the step runs; {@code holds:}
   * lines may already have been true when it began.
   */
  public record Condition(Check check, boolean fresh, int line, String text) {}
}
