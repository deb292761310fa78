package dev.layerlab.learn;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code layerlab lessons validate}: every mistake in a folder of lessons, each naming its file
 * and line: the format, unknown keys and check names, missing translations, bad patterns,
 * unknown {@code :explain} topics, duplicate lesson numbers.
 */
public final class LessonValidator {
  private LessonValidator() {}

  /** The problems of the lessons in {@code dir}; empty when all is well. */
  public static List<Problem> validate(Path dir) {
    return LessonPack.folder(dir).problems();
  }

  /** The problems of one lesson's text, as if read from {@code file}. */
  public static List<Problem> validate(String file, String text) {
    return LessonParser.parse(file, text).problems();
  }
}
