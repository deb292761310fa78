package dev.layerlab.overlay.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The named differential cases: one {@code .ops} file each under {@code cases/}, in the op language.
 * A line {@code # known divergence: WHY} marks a case layerlab does not pass yet: it still runs,
 * is reported as skipped with WHY while it diverges, and fails once it agrees (so the note goes).
 */
final class NamedCases {
  private static final String KNOWN = "# known divergence:";

  private NamedCases() {}

  /** One case file: its script and the known divergence it is marked with (or null). */
  record Case(Script script, String knownDivergence) {
    @Override
    public String toString() {
      return script.name();
    }
  }

  static List<Script> scripts() {
    return all().stream().map(Case::script).toList();
  }

  static List<Case> all() {
    try {
      Path dir = Path.of(NamedCases.class.getResource("cases").toURI());
      try (Stream<Path> files = Files.list(dir)) {
        return files.filter(p -> p.toString().endsWith(".ops")).sorted()
            .map(NamedCases::load).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Case load(Path file) {
    try {
      // one char per byte, so "\xHH" and raw UTF-8 both reach the files unchanged
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      String name = file.getFileName().toString().replaceFirst("\\.ops$", "");
      String known = text.lines().filter(l -> l.startsWith(KNOWN))
          .map(l -> l.substring(KNOWN.length()).strip()).findFirst().orElse(null);
      return new Case(OpLanguage.parse(name, text), known);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
