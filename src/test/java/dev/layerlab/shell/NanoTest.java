package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code nano FILE}: the terminal's editor edits a file of the machine the learner is on. */
class NanoTest {
  private final Shell shell = Shells.host(Clock.systemUTC());
  private final List<String> edited = new ArrayList<>();
  private String err = "";

  @AfterEach
  void noEditorLeftBehind() {
    Editor.CURRENT.set(null);
  }

  private String type(String line, boolean terminal) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    shell.run(line, new ShellIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(errors, true, StandardCharsets.UTF_8), false, terminal, 80));
    err = errors.toString(StandardCharsets.UTF_8);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void whatTheEditorSavesLandsInTheFile() {
    Editor.CURRENT.set((name, content) -> {
      edited.add(name + ":" + new String(content, StandardCharsets.UTF_8));
      return (new String(content, StandardCharsets.UTF_8) + "CMD [\"sh\"]\n").getBytes(StandardCharsets.UTF_8);
    });
    type("echo 'FROM busybox' > Dockerfile", true);
    type("nano Dockerfile", true);
    assertThat(edited).containsExactly("Dockerfile:FROM busybox\n");
    assertThat(type("cat Dockerfile", true)).isEqualTo("FROM busybox\nCMD [\"sh\"]\n");
  }

  @Test
  void aNewFileStartsEmptyAndLeavingWithoutSavingWritesNothing() {
    Editor.CURRENT.set((name, content) -> {
      edited.add(name + ":" + content.length);
      return null;
    });
    type("vi notes.txt", true);
    assertThat(edited).containsExactly("notes.txt:0");
    assertThat(type("ls notes.txt 2>&1", true)).contains("No such file or directory");
  }

  @Test
  void withoutATerminalItSaysHowToWriteTheFileInstead() {
    // only the REPL on a real terminal lends an editor: not -c, --script or a pipe
    type("nano Dockerfile", false);
    assertThat(err).startsWith("nano: an editor needs a terminal; write the file with a here-document");
  }
}
