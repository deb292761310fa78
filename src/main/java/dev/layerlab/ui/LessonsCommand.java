package dev.layerlab.ui;

import dev.layerlab.learn.Learning;
import dev.layerlab.learn.Lesson;
import dev.layerlab.learn.LessonPack;
import dev.layerlab.learn.Problem;
import dev.layerlab.learn.Tutor;
import dev.layerlab.shell.ShellIo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code layerlab lessons validate [DIR]} and {@code layerlab lessons solve [DIR]}: check a folder
 * of lessons (the shipped ones by default) without starting the REPL.
 */
@Command(name = "lessons", mixinStandardHelpOptions = true,
    description = "Check lessons: validate their files, or solve them with their own reference solutions.",
    subcommands = {LessonsCommand.Validate.class, LessonsCommand.Solve.class})
final class LessonsCommand implements Callable<Integer> {

  /** Its usage texts, in the learner's language; the launcher sets them (keys in cli_zh_CN.properties). */
  static final String BUNDLE = "/dev/layerlab/learn/cli";

  @Override
  public Integer call() {
    return 2; // picocli prints the usage: a subcommand is required
  }

  static LessonPack pack(Path dir) {
    return dir == null ? LessonPack.builtin() : LessonPack.folder(dir);
  }

  /** {@code lessons validate [DIR]}: every problem as FILE:LINE: MESSAGE; status 1 when there is any. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Check the lesson files: format, check names, translations, topics.")
  static final class Validate implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", descriptionKey = "dir", description = "The folder of *.lesson files (default: the shipped lessons).")
    Path dir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      LessonPack pack = pack(dir);
      return report(pack, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  static int report(LessonPack pack, java.io.PrintWriter out, java.io.PrintWriter err) {
    for (Problem p : pack.problems()) {
      err.println(p);
    }
    if (!pack.problems().isEmpty()) {
      err.println(pack.problems().size() + " problem(s)");
      err.flush();
      return 1;
    }
    int steps = pack.lessons().stream().mapToInt(l -> l.steps().size()).sum();
    out.println(pack.lessons().size() + " lessons, " + steps + " steps: ok");
    out.flush();
    return 0;
  }

  /** {@code lessons solve [DIR]}: every lesson replayed by its reference solution through a fresh REPL. */
  @Command(name = "solve", mixinStandardHelpOptions = true,
      description = "Replay every lesson's reference solution through the REPL; every step must pass.")
  static final class Solve implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", descriptionKey = "dir", description = "The folder of *.lesson files (default: the shipped lessons).")
    Path dir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintWriter out = spec.commandLine().getOut();
      java.io.PrintWriter err = spec.commandLine().getErr();
      LessonPack pack = pack(dir);
      if (!pack.problems().isEmpty()) {
        return report(pack, out, err);
      }
      int failed = 0;
      for (Lesson lesson : pack.lessons()) {
        String failure = solve(pack, lesson, new Wiring());
        if (failure == null) {
          out.println("lesson " + lesson.number() + " (" + lesson.id() + "): " + lesson.steps().size()
              + " steps solved");
        } else {
          failed++;
          err.println("lesson " + lesson.number() + " (" + lesson.id() + "): " + failure);
        }
        out.flush();
        err.flush();
      }
      return failed == 0 ? 0 : 1;
    }
  }

  /**
   * Replays {@code lesson} on a fresh host from {@code wiring}: each step's solution lines are
   * typed one by one (names Docker chose at random filled in just before), and the step must be
   * done after its last line, not before. Returns null when every step passed, else what failed
   * with the transcript.
   */
  static String solve(LessonPack pack, Lesson lesson, Wiring wiring) {
    Learning learning = new Learning(pack, wiring.lab(), null, false, Locale.ENGLISH);
    wiring.learning(learning);
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    PrintStream screen = new PrintStream(transcript, true, StandardCharsets.UTF_8);
    ShellIo io = new ShellIo(new ByteArrayInputStream(new byte[0]), screen, screen, false, false, 100);
    LineRunner runner = new LineRunner(wiring.shell(), wiring.metaCommands(), Messages.of(Locale.ENGLISH));
    Tutor tutor = learning.tutor();
    type(runner, io, screen, ":lesson " + lesson.number());
    for (int s = 0; s < lesson.steps().size(); s++) {
      Lesson.Step step = lesson.steps().get(s);
      if (tutor.lessonNumber() != lesson.number() || tutor.stepIndex() != s) {
        return "step " + (s + 1) + " (" + step.id() + ") was passed before its solution was typed\n" + tail(transcript);
      }
      int lines = step.solution().size();
      for (int j = 0; j < lines; j++) {
        if (tutor.lessonNumber() != lesson.number() || tutor.stepIndex() != s) {
          return "step " + (s + 1) + " (" + step.id() + ") was done after " + j + " of its " + lines
              + " solution lines\n" + tail(transcript);
        }
        type(runner, io, screen, tutor.solutionLines().get(j));
      }
      boolean done = s + 1 < lesson.steps().size() ? tutor.stepIndex() == s + 1 : tutor.lessonNumber() == 0;
      if (!done) {
        type(runner, io, screen, ":check");
        return "step " + (s + 1) + " (" + step.id() + ") is not done after its solution\n" + tail(transcript);
      }
    }
    return null;
  }

  private static void type(LineRunner runner, ShellIo io, PrintStream screen, String line) {
    screen.print(runner.shell().prompt() + line + "\n");
    runner.run(line, io);
  }

  private static String tail(ByteArrayOutputStream transcript) {
    String all = transcript.toString(StandardCharsets.UTF_8);
    List<String> lines = all.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())).indent(4);
  }
}
