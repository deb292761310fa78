package dev.layerlab.learn;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code :record FILE} and {@code --transcript FILE}: a Markdown transcript of the session that a
 * teacher can read, each command with its output in a console block, each step the learner
 * finished and each hint or solution asked for. Written as it happens, so a crash loses nothing
 * already shown.
 */
final class Recorder {
  private static final String FENCE = "````";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private Writer out;
  private Path file;

  /** Starts writing to {@code file} (replacing it); the previous transcript, if any, is closed. */
  void start(Path file, Clock clock) throws IOException {
    stop();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    this.file = file;
    write("# layerlab transcript, " + WHEN.format(clock.instant().atZone(ZoneOffset.UTC)) + "\n\n");
  }

  boolean recording() {
    return out != null;
  }

  Path file() {
    return file;
  }

  void stop() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // the transcript is a courtesy: losing its tail must not stop the session
      }
    }
    out = null;
    file = null;
  }

  /** A command typed at {@code prompt} and everything it printed. */
  void command(String prompt, String line, String output) {
    StringBuilder sb = new StringBuilder(FENCE).append("console\n").append(prompt).append(line).append('\n');
    sb.append(output);
    if (!output.isEmpty() && !output.endsWith("\n")) {
      sb.append('\n');
    }
    write(sb.append(FENCE).append("\n\n").toString());
  }

  /** A {@code :meta} command and its reply, quoted. */
  void meta(String line, String reply) {
    StringBuilder sb = new StringBuilder("> **").append(line.strip()).append("**\n");
    for (String l : reply.split("\n")) {
      sb.append(">").append(l.isEmpty() ? "" : " " + l).append('\n');
    }
    write(sb.append('\n').toString());
  }

  /** What the tutor said on its own (a step finished), as a paragraph. */
  void note(String text) {
    if (!text.isBlank()) {
      write(text.strip().replace("\n", "  \n") + "\n\n");
    }
  }

  private void write(String s) {
    if (out == null) {
      return;
    }
    try {
      out.write(s);
      out.flush();
    } catch (IOException e) {
      stop();
    }
  }
}
