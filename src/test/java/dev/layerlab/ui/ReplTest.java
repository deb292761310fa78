package dev.layerlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The interactive REPL, driven through the real command on a terminal over byte streams. */
class ReplTest {

  private static final Pattern SGR = Pattern.compile("\033\\[[0-9;]*m");

  @Test
  void unknownCommandGetsBashWordsAndStatus127() {
    var result = Transcript.repl().check("foo bar\n", """
        root@host:~# foo bar
        bash: foo: command not found
        root@host:~#
        exit
        """);
    assertThat(result.status()).isEqualTo(127);
  }

  @Test
  void exitLeavesWithItsStatusAndSaysExit() {
    var result = Transcript.repl().check("foo\nexit 3\nfoo\n", """
        root@host:~# foo
        bash: foo: command not found
        root@host:~# exit 3
        exit
        """);
    assertThat(result.status()).isEqualTo(3);
  }

  @Test
  void ctrlDLeavesWithTheLastStatus() {
    var result = Transcript.repl().check("foo\n\u0004", """
        root@host:~# foo
        bash: foo: command not found
        root@host:~#
        exit
        """);
    assertThat(result.status()).isEqualTo(127);
  }

  @Test
  void ctrlCDropsTheLineBeingTyped() {
    ScriptedShell shell = new ScriptedShell();
    Transcript.repl().shell(() -> shell).check("half typed\u0003true\n", """
        user@box:/tmp$ half typed
        user@box:/tmp$ true
        ran: true
        user@box:/tmp$
        exit
        """);
    assertThat(shell.lines).containsExactly("true");
  }

  @Test
  void blankLinesAndCommentsKeepTheStatus() {
    var result = Transcript.repl().check("foo\n\n   \n# a comment\n", """
        root@host:~# foo
        bash: foo: command not found
        root@host:~#
        root@host:~#
        root@host:~# # a comment
        root@host:~#
        exit
        """);
    assertThat(result.status()).isEqualTo(127);
  }

  @Test
  void tabCompletesMetaCommands() {
    Transcript.repl().shell(ScriptedShell::new).check(":he\t\n", """
        user@box:/tmp$ :help
        Meta commands:
          :help            list the commands, one line each
          :quit            leave layerlab
        Commands on this machine:
          docker           talk to the Docker daemon: images, containers, builds
          ls               list directory contents
          zzz-undescribed
        user@box:/tmp$
        exit
        """);
  }

  @Test
  void tabCompletesCommandNamesFromTheShell() {
    ScriptedShell shell = new ScriptedShell();
    Transcript.repl().shell(() -> shell).check("doc\t\n", """
        user@box:/tmp$ docker
        ran: docker
        user@box:/tmp$
        exit
        """);
    assertThat(shell.lines).containsExactly("docker ");
  }

  @Test
  void tabAfterTheCommandAsksTheShellWithTheWordsBefore() {
    ScriptedShell shell = new ScriptedShell(List.of("docker"), Map.of("ubu", List.of("ubuntu:18.04")));
    // rmi: a subcommand whose image is not pulled, so only the shell answers (see PullableImagesTest)
    Transcript.repl().shell(() -> shell).check("docker rmi ubu\t\n", """
        user@box:/tmp$ docker rmi ubuntu:18.04
        ran: docker rmi ubuntu:18.04
        user@box:/tmp$
        exit
        """);
    assertThat(shell.completed).containsExactly(List.of("docker", "rmi"));
  }

  @Test
  void incompleteLinesGetTheShellsContinuationPrompt() {
    ScriptedShell shell = new ScriptedShell();
    Transcript.repl().shell(() -> shell).check("echo 'a\nb'\n", """
        user@box:/tmp$ echo 'a
        quote> b'
        ran: echo 'a\\nb'
        user@box:/tmp$
        exit
        """);
    assertThat(shell.lines).containsExactly("echo 'a\nb'");
  }

  @Test
  void helpListsMetaCommandsAndTheShellsCommands() {
    Transcript.repl().shell(ScriptedShell::new).check(":help\n", """
        user@box:/tmp$ :help
        Meta commands:
          :help            list the commands, one line each
          :quit            leave layerlab
        Commands on this machine:
          docker           talk to the Docker daemon: images, containers, builds
          ls               list directory contents
          zzz-undescribed
        user@box:/tmp$
        exit
        """);
  }

  @Test
  void quitLeavesWithTheLastStatus() {
    ScriptedShell shell = new ScriptedShell();
    var result = Transcript.repl().shell(() -> shell).check("status 7\n:quit\nnever\n", """
        user@box:/tmp$ status 7
        ran: status 7
        user@box:/tmp$ :quit
        """);
    assertThat(result.status()).isEqualTo(7);
    assertThat(shell.lines).containsExactly("status 7");
  }

  @Test
  void unknownMetaCommandSaysSo() {
    var result = Transcript.repl().check(":frob x\n", """
        root@host:~# :frob x
        :frob: unknown command; :help lists the commands
        root@host:~#
        exit
        """);
    assertThat(result.status()).isEqualTo(1);
  }

  @Test
  void aColonAloneIsBashsNullCommandAndGoesToTheShell() {
    ScriptedShell shell = new ScriptedShell();
    Transcript.repl().shell(() -> shell).run(": \n:\n: x\n");
    assertThat(shell.lines).containsExactly(": ", ":", ": x");
  }

  @Test
  void shellCommandsRunInteractivelyAtTheTerminalsWidth() {
    ScriptedShell shell = new ScriptedShell();
    Transcript.repl().shell(() -> shell).size(100, 30).run("ls\n");
    assertThat(shell.ios).singleElement().satisfies(io -> {
      assertThat(io.interactive()).isTrue();
      assertThat(io.width()).isEqualTo(100);
      assertThat(io.colour()).isFalse();
    });
  }

  @Test
  void promptIsColouredLikeUbuntusBashrcOnAColourTerminal() {
    ScriptedShell shell = new ScriptedShell();
    var result = Transcript.repl().colour(true).run("\n");
    assertThat(result.raw()).contains("\033[32;1mroot@host\033[0m:\033[34;1m~\033[0m# ");
    Transcript.repl().colour(true).shell(() -> shell).run("ls\n");
    assertThat(shell.ios.get(0).colour()).isTrue();
  }

  @Test
  void noColorOptionAndEnvironmentTurnColoursOff() {
    assertThat(SGR.matcher(Transcript.repl().colour(true).args("--no-color").run("foo\n").raw()).find()).isFalse();
    assertThat(SGR.matcher(Transcript.repl().colour(true).env("NO_COLOR", "1").run("foo\n").raw()).find()).isFalse();
    // no-color.org: an empty NO_COLOR does not count
    assertThat(SGR.matcher(Transcript.repl().colour(true).env("NO_COLOR", "").run("foo\n").raw()).find()).isTrue();
  }

  @Test
  void chineseFromLangOptionOrLocale() {
    String chinese = """
        user@box:/tmp$ :help
        元命令：
          :help            列出所有命令，每条一行
          :quit            退出 layerlab
        本机可用的命令：
          docker           与 Docker 守护进程交互：镜像、容器、构建
          ls               列出目录内容
          zzz-undescribed
        user@box:/tmp$
        exit
        """;
    Transcript.repl().shell(ScriptedShell::new).args("--lang", "zh").check(":help\n", chinese);
    Transcript.repl().shell(ScriptedShell::new).env("LANG", "zh_CN.UTF-8").check(":help\n", chinese);
    Transcript.repl().env("LANG", "zh_CN.UTF-8").env("LC_ALL", "C").check(":quit\n", "root@host:~# :quit\n");
    Transcript.repl().env("LANG", "zh_CN.UTF-8").args("--lang=en").check(":frob\n", """
        root@host:~# :frob
        :frob: unknown command; :help lists the commands
        root@host:~#
        exit
        """);
  }

  @Test
  void aFailingShellDoesNotEndTheSession() {
    ScriptedShell shell = new ScriptedShell() {
      @Override
      public int run(String line, dev.layerlab.shell.ShellIo io) {
        if (line.equals("boom")) {
          throw new IllegalStateException("simulated bug");
        }
        return super.run(line, io);
      }
    };
    var result = Transcript.repl().shell(() -> shell).check("boom\nls\nboom\n", """
        user@box:/tmp$ boom
        layerlab: internal error: java.lang.IllegalStateException: simulated bug
        user@box:/tmp$ ls
        ran: ls
        user@box:/tmp$ boom
        layerlab: internal error: java.lang.IllegalStateException: simulated bug
        user@box:/tmp$
        exit
        """);
    assertThat(result.status()).isEqualTo(70);
  }

  @Test
  void historyIsKeptInTheXdgStateDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path state) {
    var env = java.util.Map.of("XDG_STATE_HOME", state.toString(), "HOME", "/nonexistent");
    assertThat(HistoryFile.locate(env)).isEqualTo(state.resolve("layerlab/history"));
    assertThat(HistoryFile.locate(java.util.Map.of("XDG_STATE_HOME", "relative", "HOME", "/home/x")))
        .isEqualTo(java.nio.file.Path.of("/home/x/.local/state/layerlab/history"));
    assertThat(HistoryFile.locate(java.util.Map.of("HOME", "/home/x")))
        .isEqualTo(java.nio.file.Path.of("/home/x/.local/state/layerlab/history"));
  }
}
