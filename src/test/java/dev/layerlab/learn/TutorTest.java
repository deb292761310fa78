package dev.layerlab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TutorTest {
  static final String LESSON = """
      lesson: 5
      title: Copy-on-write
      title.zh-CN: 写时拷贝
      intro: Writes copy up.
      intro.zh-CN: 写才复制。

      step: write
      task: Append to /etc/issue in the container.
      task.zh-CN: 在容器里往 /etc/issue 追加内容。
      check: upper latest /etc/issue file
      holds: image ubuntu:18.04
      hint: Use echo with >>.
      hint.zh-CN: 用 echo 和 >>。
      hint: echo x >> /etc/issue
      hint.zh-CN: echo x >> /etc/issue
      solution: echo x >> /etc/issue
      done: The file was copied up.
      done.zh-CN: 文件被 copy_up 了。

      step: delete
      task: Delete /etc/hostname, then answer: what is left? (a) nothing (b) a whiteout
      task.zh-CN: 删除 /etc/hostname，然后回答：留下了什么？(a) 什么都没有 (b) whiteout
      check: upper latest /etc/hostname whiteout
      check: answer b
      hint: ls -l the upper dir.
      hint.zh-CN: 用 ls -l 看 upper 目录。
      solution: rm /etc/hostname
      solution: ls -l {upper latest}/etc
      solution: :answer b
      """;

  private final Words en = Words.of(Locale.ENGLISH);

  private Tutor tutor(Path dir, MiniHost host, boolean exam) throws Exception {
    Files.writeString(dir.resolve("05-cow.lesson"), LESSON);
    LessonPack pack = LessonPack.folder(dir);
    assertThat(pack.problems()).isEmpty();
    return new Tutor(pack, () -> host, dir.resolve("state/progress"), exam);
  }

  @Test
  void aStepIsDoneOnlyByWorkDoneWhileItRuns(@TempDir Path dir) throws Exception {
    MiniHost host = new MiniHost();
    var c = host.run("demo", "f488754f6f7d" + "0".repeat(52), "m1");
    // done before the lesson starts: must not count
    c.merged().write("/etc/issue", bytes("early\n"), Vfs.WriteMode.APPEND, 0);
    Tutor t = tutor(dir, host, false);
    String start = t.start("5", en).text();
    assertThat(start).contains("Lesson 5: Copy-on-write").contains("Step 1/2: Append to /etc/issue");
    assertThat(t.observe("echo x >> /etc/issue", "", en)).isEmpty();
    Reply check = t.check(en);
    assertThat(check.status()).isEqualTo(1);
    assertThat(check.text()).contains("[todo] upper latest /etc/issue file  (this was already true")
        .contains("[ok]   image ubuntu:18.04");
    // a new container: its upper dir has no copy yet; writing now counts
    var c2 = host.run("demo2", "a1b2c3d4e5f6" + "0".repeat(52), "m2");
    assertThat(t.observe("docker run -it ubuntu:18.04 bash", "", en)).isEmpty();
    c2.merged().write("/etc/issue", bytes("x\n"), Vfs.WriteMode.APPEND, 0);
    String done = t.observe("echo x >> /etc/issue", "", en);
    assertThat(done).contains("[done] Step 1/2.").contains("The file was copied up.").contains("Step 2/2: Delete");
  }

  @Test
  void hintsEscalateSolutionsFillInTheHostsNamesAndAnswersComplete(@TempDir Path dir) throws Exception {
    MiniHost host = new MiniHost();
    var c = host.run("demo", "f488754f6f7d" + "0".repeat(52), "m1");
    Tutor t = tutor(dir, host, false);
    t.start("5", en);
    assertThat(t.hint(en).text()).startsWith("Hint 1/2: Use echo with >>.");
    assertThat(t.hint(en).text()).startsWith("Hint 2/2: echo x >> /etc/issue").contains("last hint");
    assertThat(t.hint(en).text()).startsWith("Hint 2/2:");
    c.merged().write("/etc/issue", bytes("x\n"), Vfs.WriteMode.APPEND, 0);
    t.observe("echo x >> /etc/issue", "", en);
    assertThat(t.solutionLines()).containsExactly("rm /etc/hostname",
        "ls -l /var/lib/docker/overlay2/m1/diff/etc", ":answer b");
    c.merged().unlink("/etc/hostname");
    assertThat(t.observe("rm /etc/hostname", "", en)).isEmpty();
    assertThat(t.answer("a", en).status()).isEqualTo(1);
    String end = t.answer("B", en).text();
    assertThat(end).contains("[done] Step 2/2.").contains("Lesson 5 complete: Copy-on-write");
    assertThat(t.active()).isFalse();
    Progress saved = Progress.load(dir.resolve("state/progress"));
    Progress.Entry e = saved.entry(dir.toAbsolutePath().normalize().toString(), "05-cow");
    assertThat(e).isEqualTo(new Progress.Entry(2, true, 3, false));
  }

  @Test
  void examModeRefusesHintsAndSolutions(@TempDir Path dir) throws Exception {
    Tutor t = tutor(dir, new MiniHost(), true);
    t.start("5", en);
    assertThat(t.hint(en)).isEqualTo(new Reply(1, "No hints in exam mode.\n"));
    assertThat(t.solution(en).status()).isEqualTo(1);
    assertThat(t.statusLine(en)).isEqualTo("lesson 5 | step 1/2 | exam | :task :check :next");
  }

  @Test
  void progressSurvivesARestartAndResumesAtTheStep(@TempDir Path dir) throws Exception {
    MiniHost host = new MiniHost();
    var c = host.run("demo", "f488754f6f7d" + "0".repeat(52), "m1");
    Tutor t = tutor(dir, host, false);
    t.start("5", en);
    c.merged().write("/etc/issue", bytes("x\n"), Vfs.WriteMode.APPEND, 0);
    t.observe("echo x >> /etc/issue", "", en);
    Tutor again = new Tutor(LessonPack.folder(dir), () -> host, dir.resolve("state/progress"), false);
    assertThat(again.start("", en).text()).contains("Step 2/2: Delete");
    assertThat(again.lessons(en).text()).contains("  5  Copy-on-write  [1/2 steps]");
    assertThat(again.lessons(Words.of(Locale.SIMPLIFIED_CHINESE)).text()).contains("  5  写时拷贝  [1/2 步]");
  }

  @Test
  void unknownLessonNumbersAreClearErrors(@TempDir Path dir) throws Exception {
    Tutor t = tutor(dir, new MiniHost(), false);
    assertThat(t.start("9", en)).isEqualTo(new Reply(1, ":lesson: there is no lesson 9 (see :lessons)\n"));
    assertThat(t.start("x", en).text()).isEqualTo(":lesson: \"x\" is not a lesson number (see :lessons)\n");
    assertThat(t.task(en).status()).isEqualTo(1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
