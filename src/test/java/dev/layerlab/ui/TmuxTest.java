package dev.layerlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on a real terminal: a tmux pane, keys typed into it, the screen read back
 * with its colours. Skipped, saying why, where tmux is not installed.
 */
@Tag("jar")
class TmuxTest {

  // A fresh server for every start: a new session can reach a server that is still shutting down.
  private static final AtomicInteger SERVERS = new AtomicInteger();
  private final List<String> sockets = new ArrayList<>();
  private String socket;
  private Path state;

  @BeforeEach
  void needTmux() throws IOException {
    boolean present = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tmux")));
    if (!present) {
      System.out.println("TmuxTest skipped: tmux is not installed (apt-get install tmux)");
    }
    Assumptions.assumeTrue(present, "tmux is not installed (apt-get install tmux)");
    state = Files.createTempDirectory("layerlab-state");
  }

  @AfterEach
  void stopTmux() throws Exception {
    if (state != null) {
      for (String each : sockets) {
        socket = each;
        tmux("kill-server");
      }
      try (Stream<Path> files = Files.walk(state)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void tabCompletesMetaCommandsAndTheRealPromptIsColoured() throws Exception {
    start();
    String screen = waitFor(s -> s.contains("root@host:~#"), false);
    tmux("send-keys", "-t", "lab", ":he", "Tab");
    waitFor(s -> s.contains("root@host:~# :help"), false);
    tmux("send-keys", "-t", "lab", "Enter");
    screen = waitFor(s -> s.contains("Meta commands:"), false);
    assertThat(screen).containsPattern("  :help +list the commands, one line each");
    String coloured = capture(true);
    assertThat(coloured).contains("\033[32mroot@host").contains("\033[34m~");
  }

  @Test
  void aRunningLessonKeepsItsStatusOnTheBottomLine() throws Exception {
    start();
    waitFor(s -> s.contains("root@host:~#"), false);
    tmux("send-keys", "-t", "lab", ":lesson 1", "Enter");
    String screen = waitFor(s -> s.contains("[L1 1/"), false);
    List<String> rows = screen.lines().toList();
    assertThat(rows.get(rows.size() - 1)).startsWith("lesson 1 | step 1/").contains(":hint");
  }

  @Test
  void nanoEditsAFileOfTheSimulatedHost() throws Exception {
    start();
    waitFor(s -> s.contains("root@host:~#"), false);
    tmux("send-keys", "-t", "lab", "nano Dockerfile", "Enter");
    waitFor(s -> s.contains("File: Dockerfile"), false);
    tmux("send-keys", "-t", "lab", "FROM busybox", "Enter", "CMD echo hi");
    tmux("send-keys", "-t", "lab", "C-o");
    waitFor(s -> s.contains("File Name to Write"), false);
    tmux("send-keys", "-t", "lab", "Enter");
    tmux("send-keys", "-t", "lab", "C-x");
    waitFor(s -> s.contains("root@host:~# nano Dockerfile"), false);
    tmux("send-keys", "-t", "lab", "cat Dockerfile", "Enter");
    String screen = waitFor(s -> s.contains("CMD echo hi\n"), false);
    assertThat(screen).contains("root@host:~# cat Dockerfile\nFROM busybox\nCMD echo hi\n");
  }

  @Test
  void noColourWithTheOptionOrTheVariable() throws Exception {
    start("--no-color");
    waitFor(s -> s.contains("root@host:~#"), false);
    assertThat(capture(true)).contains("root@host:~#").doesNotContain("\033[32m", "\033[34m", "\033[1m");

    start("NO_COLOR=1");
    waitFor(s -> s.contains("root@host:~#"), false);
    assertThat(capture(true)).contains("root@host:~#").doesNotContain("\033[32m", "\033[34m", "\033[1m");
  }

  @Test
  void ctrlDLeavesWithTheLastStatusAndHistorySurvives() throws Exception {
    start();
    waitFor(s -> s.contains("root@host:~#"), false);
    tmux("send-keys", "-t", "lab", "nosuchcmd", "Enter");
    // Ctrl-D only means "leave" at the prompt: typed while the command still runs, the tty eats it.
    waitFor(s -> s.contains("bash: nosuchcmd: command not found\nroot@host:~#"), false);
    tmux("send-keys", "-t", "lab", "C-d");
    String dead = waitFor(s -> s.contains("status=127"), false);
    assertThat(dead).contains("exit");
    assertThat(Files.readString(state.resolve("layerlab/history"))).contains("nosuchcmd");
  }

  @Test
  void ctrlCInterruptsTheRunningCommandAndTheStatusIs130() throws Exception {
    start();
    waitFor(s -> s.contains("root@host:~#"), false);
    tmux("send-keys", "-t", "lab", "echo started; while true; do :; done", "Enter");
    waitFor(s -> s.contains("\nstarted\n"), false);
    tmux("send-keys", "-t", "lab", "C-c");
    waitFor(s -> s.contains("started\n^C\nroot@host:~#"), false);
    tmux("send-keys", "-t", "lab", "echo $?", "Enter");
    String screen = waitFor(s -> s.contains("echo $?\n130\nroot@host:~#"), false);
    assertThat(screen).contains("root@host:~# echo started; while true; do :; done\nstarted\n^C\n"
        + "root@host:~# echo $?\n130\nroot@host:~#");
  }

  @Test
  void aReadShowsTheKeysAndCtrlCEndsIt() throws Exception {
    start();
    waitFor(s -> s.contains("root@host:~#"), false);
    tmux("send-keys", "-t", "lab", "echo ask; read answer", "Enter");
    waitFor(s -> s.contains("\nask\n"), false);
    Thread.sleep(500); // from `echo` to `read`
    tmux("send-keys", "-t", "lab", "ye");
    waitFor(s -> s.contains("\nask\nye"), false); // the tty echoes while the command reads
    tmux("send-keys", "-t", "lab", "C-c");
    waitFor(s -> s.contains("\nask\nye^C\nroot@host:~#"), false);
    tmux("send-keys", "-t", "lab", "echo $?", "Enter");
    waitFor(s -> s.contains("echo $?\n130\nroot@host:~#"), false);
  }

  @Test
  void keysTypedWhileACommandRunsWaitForThePrompt() throws Exception {
    start();
    waitFor(s -> s.contains("root@host:~#"), false);
    tmux("send-keys", "-t", "lab", "echo go; i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo finished", "Enter");
    waitFor(s -> s.contains("\ngo\n"), false);
    tmux("send-keys", "-t", "lab", "echo typed", "Enter");
    String screen = waitFor(s -> s.contains("\ntyped\n"), false);
    // not echoed into the running command's output: shown once, by the line editor, at the prompt
    assertThat(screen).contains("\ngo\nfinished\nroot@host:~# echo typed\ntyped\nroot@host:~#");
  }

  /** Starts the jar in a detached pane; words with '=' become environment variables. */
  private void start(String... words) throws Exception {
    socket = "layerlab-test-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();
    sockets.add(socket);
    List<String> env = new ArrayList<>(List.of("XDG_STATE_HOME=" + state));
    List<String> args = new ArrayList<>();
    for (String word : words) {
      (word.contains("=") ? env : args).add(word);
    }
    String command = "env " + String.join(" ", env) + " " + String.join(" ", JarProcess.command(args.toArray(String[]::new)))
        + "; echo status=$?; sleep 60";
    String out = tmux("new-session", "-d", "-s", "lab", "-x", "100", "-y", "120", command);
    assertThat(out).as("tmux new-session says").isEmpty();
  }

  private String capture(boolean escapes) throws Exception {
    return escapes ? tmux("capture-pane", "-p", "-e", "-t", "lab") : tmux("capture-pane", "-p", "-t", "lab");
  }

  /** Polls the screen until {@code ready} holds; a JVM under load can take seconds to start. */
  private String waitFor(Predicate<String> ready, boolean escapes) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = capture(escapes);
      if (ready.test(screen)) {
        return screen;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the screen never got there; it shows:\n" + screen);
  }

  private String tmux(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);
    return out;
  }
}
