package dev.layerlab.learn;

import dev.layerlab.learn.Lesson.Condition;
import dev.layerlab.learn.Lesson.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs lessons: shows one step's task at a time, watches what the learner types and sees, and
 * moves on when the step's checks pass. Every command returns its text; the REPL prints it.
 */
public final class Tutor {
  private final LessonPack pack;
  private final Supplier<Lab> lab;
  private final Path progressFile;
  private final Progress progress;
  private final boolean exam;

  private Lesson lesson;
  private int step;
  private StepLog log = new StepLog();
  private Set<Integer> trueAtStart = Set.of();
  private final Set<Integer> latched = new HashSet<>();
  private int hintsShown;
  private String saveError;

  /**
   * @param progressFile where progress is kept, or null to keep it in memory only
   * @param exam hints and solutions are refused
   */
  public Tutor(LessonPack pack, Supplier<Lab> lab, Path progressFile, boolean exam) {
    this.pack = pack;
    this.lab = lab;
    this.progressFile = progressFile;
    this.progress = progressFile == null ? new Progress() : Progress.load(progressFile);
    this.exam = exam;
  }

  public LessonPack pack() {
    return pack;
  }

  public boolean exam() {
    return exam;
  }

  /** The number of the open lesson, or 0 when none is open. */
  public int lessonNumber() {
    return lesson == null ? 0 : lesson.number();
  }

  /** The index (from 0) of the current step of the open lesson. */
  public int stepIndex() {
    return step;
  }

  /** True while a lesson is open. */
  public boolean active() {
    return lesson != null;
  }

  public Progress progress() {
    return progress;
  }

  /** {@code :lessons}: every lesson with its number, title and how far the learner got. */
  public Reply lessons(Words w) {
    if (pack.lessons().isEmpty()) {
      return Reply.error(w.get("tutor.nolessons") + (pack.problems().isEmpty() ? ""
          : " " + w.get("tutor.lessons.problems", pack.problems().size())) + "\n");
    }
    StringBuilder sb = new StringBuilder(w.get("tutor.lessons")).append('\n');
    int width = pack.lessons().stream().mapToInt(l -> Width.of(l.title().in(w.lang()))).max().orElse(0) + 2;
    for (Lesson l : pack.lessons()) {
      Progress.Entry e = progress.entry(pack.name(), l.id());
      String mark = e.completed() ? w.get("tutor.mark.done") + (e.helped() ? " " + w.get("tutor.mark.helped") : "")
          : e.stepsDone() > 0 ? w.get("tutor.mark.steps", e.stepsDone(), l.steps().size()) : "";
      sb.append((String.format("%3d  ", l.number()) + Width.pad(l.title().in(w.lang()), width) + mark).stripTrailing())
          .append('\n');
    }
    sb.append(w.get("tutor.lessons.usage")).append('\n');
    long serious = pack.problems().stream().filter(p -> !p.translation()).count();
    if (serious > 0) {
      sb.append(w.get("tutor.lessons.problems", serious)).append('\n');
    }
    return Reply.ok(sb.toString());
  }

  /** {@code :lesson N}, or {@code :lesson} to resume where the learner stopped. */
  public Reply start(String arg, Words w) {
    Optional<Lesson> l;
    int at = 0;
    if (arg.isBlank()) {
      String id = progress.currentLesson(pack.name());
      l = pack.lessons().stream().filter(x -> x.id().equals(id)).findFirst();
      if (l.isEmpty()) {
        l = pack.lessons().stream().findFirst();
      } else {
        at = Math.min(progress.currentStep(), l.get().steps().size() - 1);
      }
    } else if (arg.strip().matches("[0-9]{1,4}")) {
      l = pack.lesson(Integer.parseInt(arg.strip()));
    } else {
      return Reply.error(w.get("tutor.badnumber", arg.strip()) + "\n");
    }
    if (l.isEmpty()) {
      return Reply.error(w.get("tutor.nosuch", arg.strip()) + "\n");
    }
    lesson = l.get();
    StringBuilder sb = new StringBuilder();
    sb.append(w.get("tutor.lesson.title", lesson.number(), lesson.title().in(w.lang()))).append("\n\n");
    sb.append(lesson.intro().in(w.lang())).append("\n\n");
    sb.append(begin(at, w));
    return Reply.ok(sb.toString());
  }

  private String begin(int index, Words w) {
    step = index;
    log = new StepLog();
    latched.clear();
    hintsShown = 0;
    Step s = current();
    Lab now = lab.get();
    Set<Integer> before = new HashSet<>();
    for (int i = 0; i < s.conditions().size(); i++) {
      Condition c = s.conditions().get(i);
      if (c.fresh() && Judge.holds(c.check(), now, log)) {
        before.add(i);
      }
    }
    trueAtStart = before;
    progress.current(pack.name(), lesson.id(), step);
    save();
    return taskText(w);
  }

  private Step current() {
    return lesson.steps().get(step);
  }

  private String taskText(Words w) {
    Step s = current();
    StringBuilder sb = new StringBuilder();
    sb.append(w.get("tutor.step", step + 1, lesson.steps().size(), s.task().in(w.lang()))).append('\n');
    if (!s.see().isEmpty()) {
      sb.append(w.get("tutor.see", String.join(", ", s.see().stream().map(t -> ":explain " + t).toList())))
          .append('\n');
    }
    sb.append('(').append(statusLine(w)).append(")\n");
    return sb.toString();
  }

  /** {@code :task}: the current step's task again. */
  public Reply task(Words w) {
    return lesson == null ? none(w) : Reply.ok(taskText(w));
  }

  private Reply none(Words w) {
    return Reply.error(w.get("tutor.none") + "\n");
  }

  /** {@code :next}: the next step (skipping the current one if it is not done), or the next lesson. */
  public Reply next(Words w) {
    if (lesson == null) {
      return progress.currentLesson(pack.name()) == null ? none(w) : start("", w);
    }
    if (step + 1 < lesson.steps().size()) {
      return Reply.ok(begin(step + 1, w));
    }
    Optional<Lesson> after = pack.lessons().stream().filter(l -> l.number() > lesson.number()).findFirst();
    return after.isPresent() ? start(Integer.toString(after.get().number()), w)
        : Reply.ok(w.get("tutor.last") + "\n");
  }

  /** {@code :prev}: the step before. */
  public Reply prev(Words w) {
    if (lesson == null) {
      return none(w);
    }
    if (step == 0) {
      return Reply.error(w.get("tutor.first") + "\n");
    }
    return Reply.ok(begin(step - 1, w));
  }

  /** {@code :hint}: the next hint, gentle first; in an exam, none. */
  public Reply hint(Words w) {
    if (lesson == null) {
      return none(w);
    }
    if (exam) {
      return Reply.error(w.get("tutor.exam.nohint") + "\n");
    }
    List<Text> hints = current().hints();
    int n = Math.min(hintsShown, hints.size() - 1);
    hintsShown = Math.min(hintsShown + 1, hints.size());
    Progress.Entry e = progress.entry(pack.name(), lesson.id());
    progress.put(pack.name(), lesson.id(), new Progress.Entry(e.stepsDone(), e.completed(), e.hints() + 1,
        e.helped()));
    save();
    String more = n + 1 < hints.size() ? "" : " " + w.get("tutor.hint.last");
    return Reply.ok(w.get("tutor.hint", n + 1, hints.size(), hints.get(n).in(w.lang())) + more + "\n");
  }

  /** {@code :solution}: the lines to type, with the host's real names filled in; the lesson counts as helped. */
  public Reply solution(Words w) {
    if (lesson == null) {
      return none(w);
    }
    if (exam) {
      return Reply.error(w.get("tutor.exam.nosolution") + "\n");
    }
    Progress.Entry e = progress.entry(pack.name(), lesson.id());
    progress.put(pack.name(), lesson.id(), new Progress.Entry(e.stepsDone(), e.completed(), e.hints(), true));
    save();
    StringBuilder sb = new StringBuilder(w.get("tutor.solution")).append('\n');
    for (String line : solutionLines()) {
      sb.append("  ").append(line.replace("\n", "\n  ")).append('\n');
    }
    return Reply.ok(sb.toString());
  }

  /** The current step's reference solution with placeholders resolved against the host. */
  public List<String> solutionLines() {
    List<String> out = new ArrayList<>();
    if (lesson != null) {
      for (String line : current().solution()) {
        out.add(Placeholders.fill(line, lab.get()));
      }
    }
    return out;
  }

  /** {@code :reset}: the current lesson from its first step, its progress forgotten. */
  public Reply reset(Words w) {
    if (lesson == null) {
      return none(w);
    }
    progress.forget(pack.name(), lesson.id());
    return Reply.ok(w.get("tutor.reset", lesson.number()) + "\n" + begin(0, w));
  }

  /** {@code :answer WORD} for quiz steps. */
  public Reply answer(String word, Words w) {
    if (lesson == null) {
      return none(w);
    }
    if (word.isBlank()) {
      return Reply.error(w.get("tutor.answer.usage") + "\n");
    }
    log.answer(word);
    String done = advanceIfDone(w);
    return done.isEmpty() ? Reply.error(w.get("tutor.answer.wrong", word.strip()) + "\n") : Reply.ok(done);
  }

  /** After every shell command: remember it, and move on when the step is done. Returns what to print. */
  public String observe(String line, String output, Words w) {
    if (lesson == null) {
      return "";
    }
    log.command(line, output);
    return advanceIfDone(w);
  }

  /** {@code :check}: each condition with its state; completes the step when all hold. */
  public Reply check(Words w) {
    if (lesson == null) {
      return none(w);
    }
    String done = advanceIfDone(w);
    if (!done.isEmpty()) {
      return Reply.ok(done);
    }
    StringBuilder sb = new StringBuilder(w.get("tutor.check.notyet")).append('\n');
    List<Condition> cs = current().conditions();
    for (int i = 0; i < cs.size(); i++) {
      boolean ok = satisfied(i);
      sb.append("  ").append(ok ? w.get("tutor.check.ok") : w.get("tutor.check.todo")).append(' ')
          .append(cs.get(i).text());
      if (!ok && trueAtStart.contains(i) && Judge.holds(cs.get(i).check(), lab.get(), log)) {
        sb.append("  ").append(w.get("tutor.check.before"));
      }
      sb.append('\n');
    }
    return Reply.error(sb.toString());
  }

  private boolean satisfied(int i) {
    return latched.contains(i) || (!current().conditions().get(i).fresh() && holdsNow(i));
  }

  private boolean holdsNow(int i) {
    return Judge.holds(current().conditions().get(i).check(), lab.get(), log);
  }

  /** Latches the fresh conditions that became true; when all are satisfied, completes the step. */
  private String advanceIfDone(Words w) {
    List<Condition> cs = current().conditions();
    boolean all = true;
    for (int i = 0; i < cs.size(); i++) {
      Condition c = cs.get(i);
      if (c.fresh() && !latched.contains(i) && !trueAtStart.contains(i) && holdsNow(i)) {
        latched.add(i);
      } else if (c.fresh() && trueAtStart.contains(i) && !holdsNow(i)) {
        trueAtStart = without(trueAtStart, i); // undone during the step: it may now count when redone
      }
      all &= satisfied(i);
    }
    return all ? complete(w) : "";
  }

  private static Set<Integer> without(Set<Integer> set, int i) {
    Set<Integer> s = new HashSet<>(set);
    s.remove(i);
    return s;
  }

  private String complete(Words w) {
    Step s = current();
    StringBuilder sb = new StringBuilder();
    sb.append(w.get("tutor.done", step + 1, lesson.steps().size())).append('\n');
    if (!s.done().isEmpty()) {
      sb.append(s.done().in(w.lang())).append('\n');
    }
    Progress.Entry e = progress.entry(pack.name(), lesson.id());
    int doneSteps = Math.max(e.stepsDone(), step + 1);
    boolean last = step + 1 == lesson.steps().size();
    progress.put(pack.name(), lesson.id(), new Progress.Entry(doneSteps, e.completed() || last, e.hints(),
        e.helped()));
    if (last) {
      sb.append('\n').append(w.get("tutor.lesson.done", lesson.number(), lesson.title().in(w.lang()))).append('\n');
      Optional<Lesson> after = pack.lessons().stream().filter(l -> l.number() > lesson.number()).findFirst();
      sb.append(after.map(l -> w.get("tutor.lesson.nextone", l.number())).orElse(w.get("tutor.all.done")))
          .append('\n');
      progress.current(pack.name(), after.map(Lesson::id).orElse(lesson.id()), 0);
      save();
      lesson = null;
      return sb.toString();
    }
    sb.append('\n').append(begin(step + 1, w));
    return sb.toString();
  }

  /** {@code :progress}: lessons completed, steps done, hints and solutions used. */
  public Reply progressReport(Words w) {
    return ProgressReport.report(pack, progress, progressFile, saveError, w);
  }

  /** {@code :progress export FILE}: a copy of the progress on the real disk. */
  public Reply exportTo(Path file, Words w) {
    return ProgressReport.export(progress, file, w);
  }

  /** {@code :progress import FILE}: merges progress exported elsewhere. */
  public Reply importFrom(Path file, Words w) {
    Reply r = ProgressReport.importInto(progress, file, w);
    save();
    return r;
  }

  /** The status line while a lesson runs: lesson, step and the keys; empty otherwise. */
  public String statusLine(Words w) {
    if (lesson == null) {
      return "";
    }
    return w.get(exam ? "tutor.status.exam" : "tutor.status", lesson.number(), step + 1, lesson.steps().size());
  }

  /** A short tag for the prompt while a lesson runs, e.g. {@code [L5 2/4]}; empty otherwise. */
  String promptTag() {
    return lesson == null ? "" : "[L" + lesson.number() + " " + (step + 1) + "/" + lesson.steps().size() + "]";
  }

  private void save() {
    if (progressFile == null) {
      return;
    }
    try {
      progress.save(progressFile);
      saveError = null;
    } catch (IOException | RuntimeException e) {
      saveError = e.getMessage(); // a read-only home must not stop the lesson
    }
  }
}
