package dev.layerlab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The lessons in lessons/ are valid, complete in both languages and take the article's questions in order. */
class ShippedLessonsTest {
  private final LessonPack pack = LessonPack.folder(Path.of("lessons"));

  @Test
  void theShippedLessonsValidate() {
    assertThat(pack.problems()).isEmpty();
    assertThat(pack.lessons()).extracting(Lesson::number).containsExactlyElementsOf(
        IntStream.rangeClosed(1, 8).boxed().toList());
  }

  @Test
  void everyTextExistsInEnglishAndChinese() {
    for (Lesson l : pack.lessons()) {
      for (String lang : Lang.ALL) {
        assertThat(l.title().byLang()).as("%s title", l.id()).containsKey(lang);
        for (Lesson.Step s : l.steps()) {
          assertThat(s.task().byLang()).as("%s %s task", l.id(), s.id()).containsKey(lang);
          assertThat(s.hints()).allSatisfy(h -> assertThat(h.byLang()).containsKey(lang));
        }
      }
    }
  }

  @Test
  void theLessonsTeachTheCorrectedFacts() {
    String all = pack.lessons().stream().flatMap(l -> l.steps().stream())
        .map(s -> s.task().in("en") + s.done().in("en")).reduce("", String::concat);
    assertThat(all).contains("It is not an opaque directory").contains("Every image layer is read-only");
  }
}
