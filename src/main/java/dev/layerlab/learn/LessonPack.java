package dev.layerlab.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A set of lessons: the ones shipped in the jar, or a teacher's folder of {@code *.lesson}
 * files. Lessons are ordered by their number; the problems found while reading are kept so
 * {@code layerlab lessons validate} can print them all.
 */
public final class LessonPack {
  /** Where the shipped lessons live on the class path. */
  static final String RESOURCE = "/dev/layerlab/learn/lessons";

  private final String name;
  private final List<Lesson> lessons;
  private final List<Problem> problems;

  private LessonPack(String name, List<Lesson> lessons, List<Problem> problems) {
    this.name = name;
    this.lessons = List.copyOf(lessons);
    this.problems = List.copyOf(problems);
  }

  /** The pack's name in the progress file: {@code builtin}, or the folder's absolute path. */
  public String name() {
    return name;
  }

  /** The usable lessons, by number. */
  public List<Lesson> lessons() {
    return lessons;
  }

  /** Everything wrong with the files, in file and line order. */
  public List<Problem> problems() {
    return problems;
  }

  public Optional<Lesson> lesson(int number) {
    return lessons.stream().filter(l -> l.number() == number).findFirst();
  }

  /** The lessons shipped with layerlab (none when the jar was built without them). */
  public static LessonPack builtin() {
    URL url = LessonPack.class.getResource(RESOURCE);
    if (url == null) {
      return new LessonPack("builtin", List.of(), List.of());
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return read("builtin", fs.getPath(RESOURCE));
      }
      return read("builtin", Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the lessons inside the jar: " + e.getMessage(), e);
    }
  }

  /** A teacher's folder; an unreadable or empty folder is a problem, not an exception. */
  public static LessonPack folder(Path dir) {
    String name = dir.toAbsolutePath().normalize().toString();
    try {
      return read(name, dir);
    } catch (NoSuchFileException e) {
      return new LessonPack(name, List.of(), List.of(new Problem(dir.toString(), 0, "no such directory")));
    } catch (NotDirectoryException e) {
      return new LessonPack(name, List.of(), List.of(new Problem(dir.toString(), 0, "not a directory")));
    } catch (IOException e) {
      return new LessonPack(name, List.of(), List.of(new Problem(dir.toString(), 0, "cannot read: " + e)));
    }
  }

  private static LessonPack read(String name, Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".lesson")).sorted().toList();
    }
    List<Problem> problems = new ArrayList<>();
    List<Lesson> lessons = new ArrayList<>();
    if (files.isEmpty()) {
      problems.add(new Problem(dir.toString(), 0, "no *.lesson files here"));
    }
    Map<Integer, String> numbers = new HashMap<>();
    for (Path file : files) {
      String shown = name.equals("builtin") ? "lessons/" + file.getFileName() : file.toString();
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      } catch (CharacterCodingException e) {
        problems.add(new Problem(shown, 0, "not UTF-8 text"));
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      LessonParser.Result r = LessonParser.parse(shown, text);
      problems.addAll(r.problems());
      Lesson l = r.lesson();
      if (l.number() > 0) {
        String other = numbers.putIfAbsent(l.number(), shown);
        if (other != null) {
          problems.add(new Problem(shown, 1, "lesson " + l.number() + " is also " + other));
          continue;
        }
      }
      if (r.problems().stream().allMatch(Problem::translation)) {
        lessons.add(l); // a missing translation falls back to English
      }
    }
    lessons.sort(Comparator.comparingInt(Lesson::number));
    problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return new LessonPack(name, lessons, problems);
  }
}
