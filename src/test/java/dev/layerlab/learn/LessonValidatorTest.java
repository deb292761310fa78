package dev.layerlab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonValidatorTest {
  static final String GOOD = """
      # a tiny lesson
      lesson: 1
      title: Pull an image
      title.zh-CN: 拉取镜像
      intro:
        Images come in layers.

        Second paragraph.
      intro.zh-CN: 镜像是分层的。

      step: pull
      task: Pull ubuntu:18.04.
      task.zh-CN: 拉取 ubuntu:18.04。
      check: typed ^docker pull
      holds: image ubuntu:18.04
      hint: Use docker pull.
      hint.zh-CN: 用 docker pull。
      hint: Type docker pull ubuntu:18.04
      hint.zh-CN: 输入 docker pull ubuntu:18.04
      solution: docker pull ubuntu:18.04
      see: pull layer
      """;

  @Test
  void aCorrectLessonHasNoProblemsAndKeepsItsParagraphs() {
    LessonParser.Result r = LessonParser.parse("01-pull.lesson", GOOD);
    assertThat(r.problems()).isEmpty();
    Lesson l = r.lesson();
    assertThat(l.id()).isEqualTo("01-pull");
    assertThat(l.intro().in("en")).isEqualTo("Images come in layers.\n\nSecond paragraph.");
    assertThat(l.intro().in("zh-CN")).isEqualTo("镜像是分层的。");
    assertThat(l.steps()).hasSize(1);
    assertThat(l.steps().get(0).hints()).hasSize(2);
    assertThat(l.steps().get(0).hints().get(1).in("zh-CN")).isEqualTo("输入 docker pull ubuntu:18.04");
    assertThat(l.steps().get(0).conditions()).extracting(Lesson.Condition::fresh).containsExactly(true, false);
  }

  private static List<String> problems(String text) {
    return LessonValidator.validate("x.lesson", text).stream().map(Problem::toString).toList();
  }

  @Test
  void missingTranslationNamesTheLineOfTheEnglishText() {
    String text = GOOD.replace("task.zh-CN: 拉取 ubuntu:18.04。\n", "");
    assertThat(problems(text)).containsExactly("x.lesson:12: task: missing translation task.zh-CN:");
  }

  @Test
  void aMissingHintTranslationIsFoundToo() {
    String text = GOOD.replace("hint.zh-CN: 输入 docker pull ubuntu:18.04\n", "");
    assertThat(problems(text)).containsExactly("x.lesson:18: hint: missing translation hint.zh-CN:");
  }

  @Test
  void unknownCheckNamesAndKeysAreReportedWithTheirLines() {
    String text = GOOD.replace("check: typed ^docker pull", "check: typo ^docker pull")
        .replace("see: pull layer", "sea: pull layer");
    assertThat(problems(text)).hasSize(2);
    assertThat(problems(text).get(0)).startsWith("x.lesson:14: unknown check \"typo\" (checks: typed, output,");
    assertThat(problems(text).get(1)).startsWith("x.lesson:21: unknown key \"sea\"");
  }

  @Test
  void badPatternsArgumentsAndTopicsAreSchemaErrors() {
    String text = GOOD.replace("check: typed ^docker pull", "check: typed docker pull (")
        .replace("holds: image ubuntu:18.04", "holds: upper latest tmp/x whiteout")
        .replace("see: pull layer", "see: pull cowz");
    List<String> p = problems(text);
    assertThat(p).anyMatch(s -> s.startsWith("x.lesson:14: typed: bad pattern"));
    assertThat(p).contains("x.lesson:15: upper: the path must be absolute, not \"tmp/x\"");
    assertThat(p).contains("x.lesson:21: see: no :explain topic called \"cowz\"");
  }

  @Test
  void whatWasTypedCannotBeAHoldsCondition() {
    String text = GOOD.replace("check: typed ^docker pull", "holds: typed ^docker pull");
    assertThat(problems(text)).containsExactly(
        "x.lesson:14: holds: is for the state of the host; what is typed, seen or answered belongs in check:");
  }

  @Test
  void aStepWithoutSolutionOrCheckAndAnUnknownLanguageAreErrors() {
    String text = GOOD.replace("solution: docker pull ubuntu:18.04\n", "")
        .replace("title.zh-CN:", "title.fr:");
    List<String> p = problems(text);
    assertThat(p).contains("x.lesson:4: unknown language \"fr\" (use en or zh-CN)",
        "x.lesson:3: title: missing translation title.zh-CN:",
        "x.lesson:11: step pull has no solution: (the lines to type)");
  }

  @Test
  void aFolderReportsDuplicateNumbersAndEmptiness(@TempDir Path dir) throws Exception {
    assertThat(LessonValidator.validate(dir)).extracting(Problem::message).containsExactly("no *.lesson files here");
    Files.writeString(dir.resolve("01-a.lesson"), GOOD);
    Files.writeString(dir.resolve("02-b.lesson"), GOOD);
    assertThat(LessonValidator.validate(dir)).extracting(Problem::toString)
        .containsExactly(dir.resolve("02-b.lesson") + ":1: lesson 1 is also " + dir.resolve("01-a.lesson"));
    assertThat(LessonValidator.validate(dir.resolve("nope"))).extracting(Problem::message)
        .containsExactly("no such directory");
  }

  @Test
  void placeholdersInSolutionsAreChecked() {
    String text = GOOD.replace("solution: docker pull ubuntu:18.04",
        "solution: touch {layer ubuntu:18.04}/tmp/x");
    assertThat(problems(text)).containsExactly(
        "x.lesson:20: placeholder {layer ubuntu:18.04} needs {layer IMAGE N}");
  }

  @Test
  void anEnglishOnlyLessonIsReportedButStillRuns(@TempDir Path dir) throws Exception {
    String english = GOOD.lines().filter(l -> !l.contains(".zh-CN:") && !l.contains("镜像是分层的"))
        .reduce("", (a, b) -> a + b + "\n");
    Files.writeString(dir.resolve("01-en.lesson"), english);
    LessonPack pack = LessonPack.folder(dir);
    assertThat(pack.problems()).isNotEmpty().allMatch(Problem::translation);
    assertThat(pack.lessons()).hasSize(1);
    assertThat(pack.lessons().get(0).title().in("zh-CN")).isEqualTo("Pull an image");
  }
}
