package dev.layerlab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning layer driven through an observed shell, as the REPL drives it. */
class LearningTest {
  private static final String ID = "f488754f6f7d" + "0".repeat(52);
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
  private final ShellIo io = new ShellIo(new ByteArrayInputStream(new byte[0]), out, out, false, false, 80);

  private String typed(Shell shell, String line) {
    screen.reset();
    shell.run(line, io);
    return screen.toString(StandardCharsets.UTF_8);
  }

  private Learning learning(MiniHost host, Path dir, Locale locale) throws Exception {
    Files.writeString(dir.resolve("05-cow.lesson"), TutorTest.LESSON);
    Learning l = new Learning(LessonPack.folder(dir), host, null, false, locale);
    host.forward = l::overlayEvent;
    return l;
  }

  @Test
  void traceShowsLookupsCopyUpsAndWhiteoutsAsTheyHappen(@TempDir Path dir) throws Exception {
    MiniHost host = new MiniHost();
    host.inside = false; // the learning layer must find the container from the prompt
    host.run("demo", ID, "m1");
    Learning l = learning(host, dir, Locale.ENGLISH);
    Shell shell = l.observe(new TinyShell(host));
    assertThat(l.trace("on").text()).startsWith("Trace on");
    assertThat(typed(shell, "cat /etc/motd")).isEqualTo(
        "[trace] lookup   /etc/motd: found in image layer 1 (RO)\nhello from layer 1\n");
    String write = typed(shell, "echo more >> /etc/issue");
    assertThat(write).contains("[trace] copy_up  /etc/: directory from image layer 1 (RO) to the container layer"
        + " (RW), metadata only")
        .contains("[trace] copy_up  /etc/issue: from image layer 0 (RO) to the container layer (RW), 19 bytes copied");
    assertThat(typed(shell, "rm /etc/hostname")).contains("[trace] whiteout /etc/hostname: char device 0,0");
    l.trace("changes");
    assertThat(typed(shell, "cat /etc/motd")).isEqualTo("hello from layer 1\n");
    l.trace("off");
    assertThat(typed(shell, "rm /etc/motd")).isEmpty();
    assertThat(l.trace("sideways").status()).isEqualTo(1);
  }

  @Test
  void whichFollowsTheKernelsLookup(@TempDir Path dir) throws Exception {
    MiniHost host = new MiniHost();
    host.inside = false;
    host.run("demo", ID, "m1");
    Learning l = learning(host, dir, Locale.ENGLISH);
    Shell shell = l.observe(new TinyShell(host));
    shell.prompt();
    assertThat(l.which("/etc/motd").text()).isEqualTo(
        "/etc/motd comes from image layer 1 (RO): /var/lib/docker/overlay2/bbbb/diff/etc/motd\n");
    typed(shell, "echo x >> /etc/motd");
    assertThat(l.which("/etc/motd").text()).startsWith("/etc/motd comes from the container layer (RW): "
        + "/var/lib/docker/overlay2/m1/diff/etc/motd");
    typed(shell, "rm /etc/hostname");
    assertThat(l.which("/etc/hostname").text()).startsWith("/etc/hostname was deleted: a whiteout in the container"
        + " layer (RW) hides it");
    assertThat(l.which("/etc").text()).contains("/etc is a merged directory")
        .contains("the container layer (RW)").contains("image layer 1 (RO)").contains("image layer 0 (RO)");
    assertThat(l.which("/nope").status()).isEqualTo(1);
    assertThat(l.which("").text()).isEqualTo("Usage: :which [CONTAINER] PATH\n");
  }

  @Test
  void layersDrawsTheStackTopFirstWithRoAndRwSpelledOut(@TempDir Path dir) throws Exception {
    MiniHost host = new MiniHost();
    Learning l = learning(host, dir, Locale.ENGLISH);
    String image = l.layers("ubuntu:18.04").text();
    assertThat(image).isEqualTo("""
        image ubuntu:18.04 (16508e5c265d), 61B; read-only layers, numbered from the bottom:
         ┌ RO  layer 1  19B  /bin/sh -c echo hello > /etc/motd     /var/lib/docker/overlay2/bbbb/diff
         └ RO  layer 0  42B  /bin/sh -c #(nop) ADD file:3df in /   /var/lib/docker/overlay2/aaaa/diff
        """);
    host.run("demo", ID, "m1");
    String plain = l.layers("demo --plain").text();
    assertThat(plain).isEqualTo("""
        container demo (f488754f6f7d) of ubuntu:18.04, running; top first:
          RW  container layer   0B                                        /var/lib/docker/overlay2/m1/diff
          RO  init layer        0B                                        /var/lib/docker/overlay2/m1-init/diff
          RO  layer 1          19B  /bin/sh -c echo hello > /etc/motd     /var/lib/docker/overlay2/bbbb/diff
          RO  layer 0          42B  /bin/sh -c #(nop) ADD file:3df in /   /var/lib/docker/overlay2/aaaa/diff
        """);
    assertThat(l.layers("nothing").text()).isEqualTo(":layers: no image or container called nothing\n");
    assertThat(new Learning(LessonPack.folder(dir), host, null, false, Locale.SIMPLIFIED_CHINESE)
        .layers("ubuntu:18.04").text()).contains("┌ RO  第 1 层");
  }

  @Test
  void aLessonStepCompletesByItselfWhenTheLearnerDoesTheWork(@TempDir Path dir) throws Exception {
    MiniHost host = new MiniHost();
    host.inside = false;
    host.run("demo", ID, "m1");
    Learning l = learning(host, dir, Locale.ENGLISH);
    Shell shell = l.observe(new TinyShell(host));
    assertThat(l.tutor().start("5", l.currentWords()).text()).contains("(lesson 5 | step 1/2 | :task :hint");
    assertThat(shell.prompt()).isEqualTo("[L5 1/2] root@f488754f6f7d:/# ");
    String said = typed(shell, "echo hi >> /etc/issue");
    assertThat(said).contains("[done] Step 1/2.").contains("Step 2/2: Delete /etc/hostname");
    typed(shell, "rm /etc/hostname");
    assertThat(l.tutor().answer("b", l.currentWords()).text()).contains("Lesson 5 complete");
    assertThat(shell.prompt()).isEqualTo("root@f488754f6f7d:/# ");
  }
}
