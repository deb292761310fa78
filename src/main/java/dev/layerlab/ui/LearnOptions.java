package dev.layerlab.ui;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The classroom options of the {@code layerlab} command: a teacher's lessons, exam mode. */
final class LearnOptions {
  @Option(names = "--lessons", paramLabel = "DIR", descriptionKey = "option.lessons",
      description = "Use the lessons in DIR (a teacher's *.lesson files) instead of the shipped ones.")
  Path lessons;

  @Option(names = "--transcript", paramLabel = "FILE", descriptionKey = "option.transcript",
      description = "Write a Markdown transcript of the session to FILE (as :record FILE does).")
  Path transcript;

  @Option(names = "--exam", descriptionKey = "option.exam", description = "Exam mode: :hint and :solution are not available.")
  boolean exam;
}
