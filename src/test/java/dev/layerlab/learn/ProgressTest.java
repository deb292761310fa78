package dev.layerlab.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

  @Test
  void theFileLivesInTheXdgStateDirOrUnderHome() {
    assertThat(Progress.locate(Map.of("XDG_STATE_HOME", "/s", "HOME", "/h")))
        .isEqualTo(Path.of("/s/layerlab/progress"));
    assertThat(Progress.locate(Map.of("XDG_STATE_HOME", "relative", "HOME", "/h")))
        .isEqualTo(Path.of("/h/.local/state/layerlab/progress"));
    assertThat(Progress.locate(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.local/state/layerlab/progress"));
  }

  @Test
  void aCrashInTheMiddleOfSavingLeavesThePreviousProgress(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("layerlab/progress");
    Progress p = new Progress();
    p.put("builtin", "01-image", new Progress.Entry(2, false, 1, false));
    p.current("builtin", "01-image", 2);
    p.save(file);
    String before = Files.readString(file);
    p.put("builtin", "01-image", new Progress.Entry(4, true, 1, false));
    byte[] next = p.format().getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut < next.length; cut += 7) {
      int at = cut;
      assertThatThrownBy(() -> Progress.write(file, next, at)).isInstanceOf(IOException.class);
      assertThat(Files.readString(file)).isEqualTo(before);
      assertThat(Progress.load(file).entry("builtin", "01-image").stepsDone()).isEqualTo(2);
    }
    p.save(file);
    assertThat(Progress.load(file).entry("builtin", "01-image")).isEqualTo(new Progress.Entry(4, true, 1, false));
    assertThat(Progress.load(file).currentLesson("builtin")).isEqualTo("01-image");
  }

  @Test
  void damagedLinesAreSkippedAndImportKeepsTheBetterRecord() {
    Progress p = Progress.parse("# layerlab progress 1\nlesson\tb\tx\tNaN\tstarted\t0\tunaided\n"
        + "lesson\tb\ty\t3\tstarted\t0\tunaided\ngarbage\n");
    assertThat(p.entry("b", "x")).isEqualTo(Progress.Entry.NEW);
    Progress other = Progress.parse("lesson\tb\ty\t5\tcompleted\t2\thelped\n");
    p.merge(other);
    assertThat(p.entry("b", "y")).isEqualTo(new Progress.Entry(5, true, 2, true));
    assertThat(Progress.parse(p.format()).format()).isEqualTo(p.format());
  }
}
