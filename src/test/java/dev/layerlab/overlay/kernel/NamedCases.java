package dev.layerlab.overlay.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The named differential cases: one {@code .ops} file each under {@code cases/}, in the op language. */
final class NamedCases {
  private NamedCases() {}

  static List<Script> all() {
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

  static Script load(Path file) {
    try {
      // one char per byte, so "\xHH" and raw UTF-8 both reach the files unchanged
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      String name = file.getFileName().toString().replaceFirst("\\.ops$", "");
      return OpLanguage.parse(name, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
