package dev.layerlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every option of the {@code layerlab} command line and the exit statuses it gives. */
class CommandLineTest {

  /** One run of the command with stdin not a terminal, standard output and error kept apart. */
  record Run(int status, String out, String err) {}

  private final Map<String, String> env = new HashMap<>(Map.of("LANG", "C.UTF-8"));

  private Run layerlab(String stdin, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    Stdio stdio = new Stdio(in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, false);
    int status = Launcher.run(args, stdio);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void versionComesFromTheBuild() {
    Run run = layerlab("", "--version");
    assertThat(run.status()).isZero();
    assertThat(run.out()).matches("layerlab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    assertThat(layerlab("", "-V").out()).isEqualTo(run.out());
  }

  @Test
  void helpListsEveryOption() {
    Run run = layerlab("", "--help");
    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("layerlab - a terminal laboratory")
        .contains("Usage: layerlab [-hV] [--exam] [--no-color] [--lang=LANG] [--lessons=DIR]")
        .contains("-c=LINE", "--script=FILE", "--no-color", "--lang=LANG", "--lessons=DIR", "--exam", "-h, --help",
            "-V, --version");
    assertThat(layerlab("", "-h").out()).isEqualTo(run.out());
  }

  @Test
  void helpInChinese() {
    assertThat(layerlab("", "--lang", "zh", "--help").out()).contains("用法： layerlab", "显示本帮助并退出。");
    env.put("LC_ALL", "zh_CN.UTF-8");
    assertThat(layerlab("", "--help").out()).contains("用法： layerlab");
  }

  @Test
  void theLessonsCommandSpeaksTheLearnersLanguageToo() {
    List<String> english = List.of("Usage:", "Commands:", "Check lessons", "Check the lesson files", "Replay every",
        "The folder of", "Show this help", "Print version");
    assertThat(layerlab("", "--lang", "zh", "--help").out())
        .contains("命令：\n  lessons  检查课程：校验课程文件，或用各课自带的答案把每一课做一遍。\n")
        .doesNotContain(english);
    Run lessons = layerlab("", "--lang", "zh", "lessons", "--help");
    assertThat(lessons.status()).isZero();
    assertThat(lessons.out()).startsWith("用法： layerlab lessons [-hV] [COMMAND]\n")
        .contains("validate  检查课程文件：", "solve     在 REPL 中重放每一课的答案", "显示本帮助并退出。")
        .doesNotContain(english);
    for (String sub : List.of("validate", "solve")) {
      assertThat(layerlab("", "--lang", "zh", "lessons", sub, "--help").out()).as(sub)
          .contains("[DIR]       *.lesson 文件所在的文件夹（默认：自带的课程）。").doesNotContain(english);
    }
    assertThat(layerlab("", "lessons", "--help").out()).startsWith("Usage: layerlab lessons [-hV] [COMMAND]\n")
        .contains("Check lessons: validate their files", "Commands:\n  validate  Check the lesson files");
    env.put("LC_ALL", "zh_CN.UTF-8");
    assertThat(layerlab("", "lessons", "solve", "--help").out()).startsWith("用法： layerlab lessons solve");
  }

  @Test
  void wrongOptionsAreUsageErrorsWithStatus2AndNoStackTrace() {
    for (List<String> args : List.of(List.of("--frob"), List.of("--lang", "fr"), List.of("-c"),
        List.of("--script"), List.of("extra"))) {
      Run run = layerlab("", args.toArray(String[]::new));
      assertThat(run.status()).as("%s", args).isEqualTo(2);
      assertThat(run.out()).as("%s", args).isEmpty();
      assertThat(run.err()).as("%s", args).contains("Usage: layerlab").doesNotContain("Exception", "\tat ");
    }
    assertThat(layerlab("", "--frob").err()).startsWith("Unknown option: '--frob'\n");
    assertThat(layerlab("", "--lang", "fr").err())
        .startsWith("Invalid value for option '--lang': expected one of [en, zh] (case-sensitive) but was 'fr'\n");
  }

  @Test
  void dashCRunsTheLineAndExitsWithItsStatus() {
    Run run = layerlab("", "-c", "foo");
    assertThat(run).isEqualTo(new Run(127, "", "bash: foo: command not found\n"));
    assertThat(layerlab("", "-c", "exit 3").status()).isEqualTo(3);
    assertThat(layerlab("", "-c", "exit").status()).isZero();
    assertThat(layerlab("", "-c", "exit 300").status()).isEqualTo(44);
  }

  @Test
  void dashCRepeatsInOrderAndStopsAtExit() {
    Run run = layerlab("", "-c", "one", "-c", "exit 4", "-c", "three");
    assertThat(run).isEqualTo(new Run(4, "", "bash: one: command not found\n"));
    assertThat(layerlab("", "-c", "one\ntwo").err())
        .isEqualTo("bash: one: command not found\nbash: two: command not found\n");
  }

  @Test
  void dashCDoesNotReadStandardInput() {
    assertThat(layerlab("exit 9\n", "-c", "exit 0").status()).isZero();
  }

  @Test
  void scriptFileRunsItsLines(@TempDir Path dir) throws IOException {
    Path script = Files.writeString(dir.resolve("lesson.sh"), "# warm up\nfoo\n\n:help\nexit 6\nbar\n");
    Run run = layerlab("", "--script", script.toString());
    assertThat(run.status()).isEqualTo(6);
    assertThat(run.err()).isEqualTo("bash: foo: command not found\n");
    assertThat(run.out()).startsWith("Meta commands:\n");
  }

  @Test
  void scriptThatCannotBeReadGetsBashsStatus(@TempDir Path dir) {
    Run missing = layerlab("", "--script", dir.resolve("nope").toString());
    assertThat(missing).isEqualTo(new Run(127, "", "layerlab: " + dir.resolve("nope") + ": No such file or directory\n"));
    Run directory = layerlab("", "--script", dir.toString());
    assertThat(directory).isEqualTo(new Run(126, "", "layerlab: " + dir + ": Is a directory\n"));
  }

  @Test
  void standardInputIsAScriptWhenNotATerminal() {
    Run run = layerlab("foo\nexit 5\nbar\n");
    assertThat(run).isEqualTo(new Run(5, "", "bash: foo: command not found\n"));
    assertThat(layerlab("").status()).isZero();
    assertThat(layerlab("foo").status()).as("last line without newline").isEqualTo(127);
  }

  @Test
  void continuationLinesAreJoinedInScripts() {
    ScriptedShell shell = new ScriptedShell();
    Transcript.script().shell(() -> shell).check("echo 'a\nb'\nls\n", """
        ran: echo 'a\\nb'
        ran: ls
        """);
    assertThat(shell.ios).allSatisfy(io -> {
      assertThat(io.interactive()).isFalse();
      assertThat(io.colour()).isFalse();
    });
  }

  @Test
  void scriptsPrintNoPromptAndNoColourEvenWhenColourIsAllowed() {
    Transcript.script().colour(true).check("foo\n:quit\n", """
        bash: foo: command not found
        """);
  }

  @Test
  void scriptWidthFollowsColumns() {
    ScriptedShell shell = new ScriptedShell();
    Transcript.script().shell(() -> shell).env("COLUMNS", "132").run("ls\n");
    assertThat(shell.ios.get(0).width()).isEqualTo(132);
  }

  @Test
  void metaCommandsWorkInScriptsToo() {
    Run run = layerlab("", "-c", ":quit", "-c", "foo");
    assertThat(run).isEqualTo(new Run(0, "", ""));
    assertThat(layerlab("", "--lang", "zh", "-c", ":nope").err()).isEqualTo(":nope：未知命令；:help 列出所有命令\n");
  }
}
