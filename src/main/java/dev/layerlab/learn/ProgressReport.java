package dev.layerlab.learn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code :progress}: the report, and export and import of the progress file on the real disk. */
final class ProgressReport {
  private ProgressReport() {}

  static Reply report(LessonPack pack, Progress progress, Path file, String saveError, Words w) {
    int completed = 0;
    StringBuilder rows = new StringBuilder();
    for (Lesson l : pack.lessons()) {
      Progress.Entry e = progress.entry(pack.name(), l.id());
      completed += e.completed() ? 1 : 0;
      rows.append("  ").append(w.get("tutor.progress.row", l.number(), e.stepsDone(), l.steps().size(), e.hints(),
          e.helped() ? w.get("tutor.progress.helped") : "")).append('\n');
    }
    String where = file == null ? w.get("tutor.progress.memory") : file.toString();
    return Reply.ok(w.get("tutor.progress.head", completed, pack.lessons().size(), where) + "\n" + rows
        + (saveError == null ? "" : w.get("tutor.progress.saveerror", saveError) + "\n"));
  }

  /** Writes a copy atomically, like the progress file itself. */
  static Reply export(Progress progress, Path file, Words w) {
    try {
      Progress.write(file, progress.format().getBytes(StandardCharsets.UTF_8), -1);
      return Reply.ok(w.get("tutor.progress.exported", file) + "\n");
    } catch (IOException e) {
      return Reply.error(w.get("tutor.progress.ioerror", file, e.getMessage()) + "\n");
    }
  }

  /** Merges an exported file, keeping the better record of each lesson; the caller saves. */
  static Reply importInto(Progress progress, Path file, Words w) {
    try {
      progress.merge(Progress.parse(Files.readString(file, StandardCharsets.UTF_8)));
      return Reply.ok(w.get("tutor.progress.imported", file) + "\n");
    } catch (IOException e) {
      return Reply.error(w.get("tutor.progress.ioerror", file, e.getMessage()) + "\n");
    }
  }
}
