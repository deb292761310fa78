package dev.layerlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning layer's commands through the real {@code layerlab} command line. */
class LearnCommandsTest {
  record Run(int status, String out, String err) {}

  @TempDir
  Path state;
  private final Map<String, String> env = new HashMap<>(Map.of("LANG", "C.UTF-8"));

  @BeforeEach
  void keepProgressInATempDir() {
    env.put("XDG_STATE_HOME", state.toString());
  }

  private Run layerlab(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    Stdio stdio = new Stdio(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, false);
    int status = Launcher.run(args, stdio);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void explainInBothLanguages() {
    Run en = layerlab("-c", ":explain cow");
    assertThat(en.status()).isZero();
    assertThat(en.out()).startsWith("cow — Copy-on-write:").contains("$ docker run -it ubuntu:18.04 bash");
    Run zh = layerlab("--lang", "zh", "-c", ":explain whiteout");
    assertThat(zh.out()).startsWith("whiteout — whiteout：upper 层里设备号为 0,0 的字符设备");
    Run bad = layerlab("-c", ":explain nothing-like-it");
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).startsWith(":explain: no topic called \"nothing-like-it\"");
  }

  @Test
  void helpListsTheLearningCommandsAndCompletionKnowsTopics() {
    Run help = layerlab("-c", ":help");
    assertThat(help.out()).contains(":explain", ":lessons", ":hint", ":trace", ":which", ":layers", ":answer");
    LearnCommand explain = new LearnCommand(LearnCommand.Op.EXPLAIN, new Wiring().learning());
    assertThat(explain.complete(java.util.List.of(), "copy")).containsExactly("copy_up");
    assertThat(explain.complete(java.util.List.of(), "")).contains("cow", "whiteout", "opaque", "init-layer");
  }

  @Test
  void lessonsListAndTheQuizLessonRunsAndProgressIsSaved() {
    Run list = layerlab("-c", ":lessons");
    assertThat(list.out()).contains("  1  What is an image?").contains("  8  Recap: the four questions");
    Run quiz = layerlab("-c", ":lesson 8", "-c", ":hint", "-c", ":answer a", "-c", ":answer b", "-c", ":progress");
    assertThat(quiz.out()).contains("Step 1/6: Question 1.").contains("Hint 1/2: Remember boot/")
        .contains("Not that one (\"a\")").contains("[done] Step 1/6.").contains("Step 2/6: Question 2.")
        .contains("  lesson 8: 1/6 steps, 1 hint\n").contains("  lesson 1: 0/5 steps, no hints\n");
    assertThat(state.resolve("layerlab/progress")).exists();
    Run resumed = layerlab("-c", ":lesson", "-c", ":task");
    assertThat(resumed.out()).contains("Step 2/6: Question 2.");
  }

  @Test
  void examModeRefusesHints() {
    Run exam = layerlab("--exam", "-c", ":lesson 8", "-c", ":hint");
    assertThat(exam.err()).contains("No hints in exam mode.");
  }

  @Test
  void validateTheShippedLessonsAndATeachersFolder(@TempDir Path dir) throws Exception {
    Run ok = layerlab("lessons", "validate");
    assertThat(ok.status()).isZero();
    assertThat(ok.out()).isEqualTo("8 lessons, 44 steps: ok\n");
    Files.writeString(dir.resolve("01-x.lesson"), "lesson: 1\ntitle: x\ntitle.zh-CN: x\nintro: i\n"
        + "intro.zh-CN: i\nstep: a\ntask: t\ntask.zh-CN: t\ncheck: answr b\nhint: h\nhint.zh-CN: h\n"
        + "solution: :answer b\n");
    Run bad = layerlab("lessons", "validate", dir.toString());
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).contains(dir.resolve("01-x.lesson") + ":9: unknown check \"answr\"")
        .contains(dir.resolve("01-x.lesson") + ":6: step a has no check:").endsWith("2 problem(s)\n");
  }

  @Test
  void solveReplaysReferenceSolutionsThroughTheRepl(@TempDir Path dir) throws Exception {
    String quiz = "lesson: 1\ntitle: Quiz\ntitle.zh-CN: 测验\nintro: i\nintro.zh-CN: i\n"
        + "step: a\ntask: pick b\ntask.zh-CN: 选 b\ncheck: answer b\nhint: b\nhint.zh-CN: b\nsolution: :answer b\n"
        + "step: c\ntask: pick c\ntask.zh-CN: 选 c\ncheck: answer c\nhint: c\nhint.zh-CN: c\nsolution: :answer c\n";
    Files.writeString(dir.resolve("01-quiz.lesson"), quiz);
    Run ok = layerlab("lessons", "solve", dir.toString());
    assertThat(ok.out()).isEqualTo("lesson 1 (01-quiz): 2 steps solved\n");
    assertThat(ok.status()).isZero();
    Files.writeString(dir.resolve("01-quiz.lesson"), quiz.replace("solution: :answer c", "solution: :answer d"));
    Run wrong = layerlab("lessons", "solve", dir.toString());
    assertThat(wrong.status()).isEqualTo(1);
    assertThat(wrong.err()).startsWith("lesson 1 (01-quiz): step 2 (c) is not done after its solution")
        .contains("[todo] answer c");
    Files.writeString(dir.resolve("01-quiz.lesson"), quiz.replace("solution: :answer b", "solution: :answer b\n"
        + "solution: :answer b"));
    assertThat(layerlab("lessons", "solve", dir.toString()).err())
        .startsWith("lesson 1 (01-quiz): step 1 (a) was done after 1 of its 2 solution lines");
  }

  @Test
  void aTranscriptForTheTeacher(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("class/alice.md");
    Run run = layerlab("--transcript", file.toString(), "-c", ":lesson 8", "-c", ":hint", "-c", "echo hi",
        "-c", ":answer b");
    assertThat(run.status()).isZero();
    String md = Files.readString(file);
    assertThat(md).startsWith("# layerlab transcript, ")
        .contains("> **:lesson 8**\n> Lesson 8: Recap: the four questions\n")
        .contains("> **:hint**\n> Hint 1/2: Remember boot/ in the lowest layer.\n")
        .contains("````console\nroot@host:~# echo hi\nhi\n````\n")
        .contains("> **:answer b**\n> [done] Step 1/6.");
    Run off = layerlab("-c", ":record " + dir.resolve("b.md"), "-c", "echo one", "-c", ":record off", "-c", "echo two");
    assertThat(off.out()).contains("Transcript written to " + dir.resolve("b.md"));
    assertThat(Files.readString(dir.resolve("b.md"))).contains("echo one").doesNotContain("echo two");
  }

  @Test
  void progressMovesBetweenMachinesByExportAndImport(@TempDir Path dir) {
    layerlab("-c", ":lesson 8", "-c", ":answer b", "-c", ":progress export " + dir.resolve("p.txt"));
    assertThat(dir.resolve("p.txt")).exists();
    env.put("XDG_STATE_HOME", dir.resolve("other").toString());
    Run fresh = layerlab("-c", ":progress import " + dir.resolve("p.txt"), "-c", ":progress");
    assertThat(fresh.out()).contains("Progress read from").contains("  lesson 8: 1/6 steps, no hints\n");
    assertThat(layerlab("-c", ":progress import " + dir.resolve("missing")).err()).startsWith(":progress: ");
  }

  @Test
  void aTeachersPackReplacesTheShippedLessons(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("01-quiz.lesson"), "lesson: 1\ntitle: Class quiz\ntitle.zh-CN: 课堂测验\n"
        + "intro: i\nintro.zh-CN: i\nstep: a\ntask: pick b\ntask.zh-CN: 选 b\ncheck: answer b\nhint: b\n"
        + "hint.zh-CN: b\nsolution: :answer b\n");
    Run run = layerlab("--lessons", dir.toString(), "-c", ":lessons", "-c", ":lesson 1", "-c", ":answer b");
    assertThat(run.out()).contains("  1  Class quiz").doesNotContain("What is an image?")
        .contains("Lesson 1 complete: Class quiz");
    assertThat(layerlab("--lang", "zh", "--lessons", dir.toString(), "-c", ":lessons").out()).contains("  1  课堂测验");
  }
}
