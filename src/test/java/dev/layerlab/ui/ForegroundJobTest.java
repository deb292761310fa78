package dev.layerlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line runs as bash's foreground job: Ctrl-C ends it with status 130 and {@code ^C}, keys typed
 * ahead wait for the next prompt. The keys are typed on the test terminal while the command runs,
 * as a Linux tty would take them at that moment.
 */
class ForegroundJobTest {

  private static final String LAYER_LINE = "[0-9a-f]{12}: .*";

  @Test
  void ctrlCInterruptsARunningLoopLikeBash() {
    var result = Transcript.repl().typeWhen("started\n", "\u0003").check(
        "echo started; while true; do :; done\necho $?\n", """
        root@host:~# echo started; while true; do :; done
        started
        ^C
        root@host:~# echo $?
        130
        root@host:~#
        exit
        """);
    assertThat(result.status()).isZero(); // the session goes on: `echo $?` was the last line
  }

  @Test
  void ctrlCTwiceInARowStillLeavesTheSessionRunning() {
    Transcript.repl()
        .typeWhen("one\n", "\u0003")
        .typeWhen("two\n", "\u0003")
        .check("echo one; while :; do :; done\necho two; while :; do :; done\necho $?\n", """
        root@host:~# echo one; while :; do :; done
        one
        ^C
        root@host:~# echo two; while :; do :; done
        two
        ^C
        root@host:~# echo $?
        130
        root@host:~#
        exit
        """);
  }

  @Test
  void nothingTheCommandWritesAfterCtrlCReachesTheScreen() {
    // docker pull keeps drawing after the signal; a process killed by SIGINT would not
    String screen = Transcript.repl().size(120, 40).typeWhen("Extracting", "\u0003")
        .run("docker pull ubuntu:18.04\necho $?\n").text();
    assertThat(screen).contains("^C\nroot@host:~# echo $?\n130\n");
    String pull = screen.substring(0, screen.indexOf("^C"));
    assertThat(pull).contains("18.04: Pulling from library/ubuntu\n").containsPattern("[0-9a-f]{12}: Extracting")
        .doesNotContain("Pull complete", "Digest:", "Status:");
  }

  @Test
  void keysTypedDuringAPullWaitForThePromptAndEachLayerKeepsOneLine() {
    List<String> layers = Transcript.script().run("docker pull ubuntu:18.04\n").text().lines()
        .filter(line -> line.matches("[0-9a-f]{12}: Pull complete")).toList();
    assertThat(layers).hasSizeGreaterThan(1);

    String screen = Transcript.repl().size(120, 40).typeWhen("Extracting", "echo typed ahead\n")
        .run("docker pull ubuntu:18.04\n").text();

    assertThat(screen.lines().filter(line -> line.matches(LAYER_LINE)).toList()).containsExactlyElementsOf(layers);
    assertThat(screen).contains("Status: Downloaded newer image for ubuntu:18.04\n"
        + "root@host:~# echo typed ahead\ntyped ahead\nroot@host:~#\n");
  }

  @Test
  void aCommandReadingTheKeyboardGetsALineEchoedAndEditable() {
    // the erase key (DEL) takes the z back, on the screen too
    Transcript.repl().check("echo ask; read answer; echo \"got $answer\"\nyez\u007fs\n", """
        root@host:~# echo ask; read answer; echo "got $answer"
        ask
        yes
        got yes
        root@host:~#
        exit
        """);
  }

  @Test
  void ctrlCEndsACommandWaitingForTheKeyboard() {
    Transcript.repl().check("echo ask; read answer\nye\u0003echo $?\n", """
        root@host:~# echo ask; read answer
        ask
        ye^C
        root@host:~# echo $?
        130
        root@host:~#
        exit
        """);
  }

  @Test
  void ctrlDEndsTheInputOfCatAndTheSessionGoesOn() {
    Transcript.repl().check("cat\nhello\n\u0004echo $?\n", """
        root@host:~# cat
        hello
        hello
        root@host:~# echo $?
        0
        root@host:~#
        exit
        """);
  }
}
