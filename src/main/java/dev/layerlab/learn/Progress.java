package dev.layerlab.learn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the learner got: per lesson the steps done, hints used and whether the solution was
 * shown, and where to resume. Kept in a small text file that is replaced atomically, so a crash
 * in the middle of saving leaves the previous progress intact.
 */
public final class Progress {
  private static final String HEADER = "# layerlab progress 1";

  /** One lesson's record. */
  public record Entry(int stepsDone, boolean completed, int hints, boolean helped) {
    static final Entry NEW = new Entry(0, false, 0, false);
  }

  private final Map<String, Entry> lessons = new TreeMap<>();
  private String currentPack;
  private String currentLesson;
  private int currentStep;

  /** {@code $XDG_STATE_HOME/layerlab/progress}, else {@code ~/.local/state/layerlab/progress}. */
  public static Path locate(Map<String, String> env) {
    String state = env.get("XDG_STATE_HOME");
    if (state != null && state.startsWith("/")) {
      return Path.of(state, "layerlab", "progress");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".local", "state", "layerlab", "progress");
  }

  private static String key(String pack, String lessonId) {
    return pack + "\t" + lessonId;
  }

  public Entry entry(String pack, String lessonId) {
    return lessons.getOrDefault(key(pack, lessonId), Entry.NEW);
  }

  void put(String pack, String lessonId, Entry e) {
    lessons.put(key(pack, lessonId), e);
  }

  void forget(String pack, String lessonId) {
    lessons.remove(key(pack, lessonId));
  }

  void current(String pack, String lessonId, int step) {
    currentPack = pack;
    currentLesson = lessonId;
    currentStep = step;
  }

  /** The lesson to resume in {@code pack}, or null. */
  public String currentLesson(String pack) {
    return pack.equals(currentPack) ? currentLesson : null;
  }

  public int currentStep() {
    return currentStep;
  }

  /** The file's text. */
  public String format() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    if (currentLesson != null) {
      sb.append("current\t").append(currentPack).append('\t').append(currentLesson).append('\t')
          .append(currentStep).append('\n');
    }
    lessons.forEach((k, e) -> sb.append("lesson\t").append(k).append('\t').append(e.stepsDone()).append('\t')
        .append(e.completed() ? "completed" : "started").append('\t').append(e.hints()).append('\t')
        .append(e.helped() ? "helped" : "unaided").append('\n'));
    return sb.toString();
  }

  /** Reads the text {@link #format} wrote; lines it does not understand are skipped. */
  public static Progress parse(String text) {
    Progress p = new Progress();
    for (String line : text.split("\n")) {
      String[] f = line.split("\t", -1);
      try {
        if (f[0].equals("current") && f.length == 4) {
          p.current(f[1], f[2], Integer.parseInt(f[3]));
        } else if (f[0].equals("lesson") && f.length == 7) {
          p.lessons.put(key(f[1], f[2]), new Entry(Integer.parseInt(f[3]), f[4].equals("completed"),
              Integer.parseInt(f[5]), f[6].equals("helped")));
        }
      } catch (NumberFormatException e) {
        // a damaged line: keep the rest
      }
    }
    return p;
  }

  /** The progress saved in {@code file}; empty when there is none yet. */
  public static Progress load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return new Progress();
    } catch (IOException e) {
      return new Progress();
    }
  }

  /** Saves to {@code file}: written to a temporary file beside it, flushed to disk, then renamed over it. */
  public void save(Path file) throws IOException {
    write(file, format().getBytes(StandardCharsets.UTF_8), -1);
  }

  /**
   * Writes {@code data} atomically. {@code crashAfter} >= 0 makes the write die after that many
   * bytes, as a killed process would, so tests can show the old file survives.
   */
  static void write(Path file, byte[] data, int crashAfter) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      int n = crashAfter < 0 ? data.length : Math.min(crashAfter, data.length);
      ByteBuffer buf = ByteBuffer.wrap(data, 0, n);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      if (crashAfter >= 0) {
        throw new IOException("simulated crash after " + n + " bytes");
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes the progress to {@code out} ({@code :progress export}). */
  public void export(OutputStream out) throws IOException {
    out.write(format().getBytes(StandardCharsets.UTF_8));
  }

  /** Adds what {@code other} knows, keeping the better record of each lesson ({@code :progress import}). */
  public void merge(Progress other) {
    other.lessons.forEach((k, e) -> lessons.merge(k, e, (a, b) -> better(a, b)));
    if (other.currentLesson != null && currentLesson == null) {
      current(other.currentPack, other.currentLesson, other.currentStep);
    }
  }

  private static Entry better(Entry a, Entry b) {
    if (a.completed() != b.completed()) {
      return a.completed() ? a : b;
    }
    return a.stepsDone() >= b.stepsDone() ? a : b;
  }
}
