package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.learn.Lab.ImageView;
import dev.layerlab.overlay.OverlayEvent;
import dev.layerlab.shell.Shell;
import dev.layerlab.vfs.Vfs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The learning layer as the REPL sees it: {@code :explain}, the lessons, the trace, {@code :which}
 * and {@code :layers}, all over one view of the simulated host. The REPL wraps its shell with
 * {@link #observe} and feeds overlay events to {@link #overlayEvent}; everything else is a call
 * returning text.
 */
public final class Learning {
  private final Lab source;
  private final Path lessons;
  private final Path progressFile;
  private final boolean exam;
  private LessonPack pack;
  private Tutor tutor;
  private Explain explain;
  private Locale locale;
  private ObservedShell shell;
  private Trace.Level trace = Trace.Level.OFF;
  private PrintStream sink;
  private final Set<String> tracedThisCommand = new HashSet<>();
  private final Recorder recorder = new Recorder();

  /**
   * @param lab the simulated host ({@link Lab#EMPTY} when there is no Docker engine)
   * @param progressFile where progress is saved, or null to keep it in memory
   * @param exam hints and solutions are refused
   */
  public Learning(LessonPack pack, Lab lab, Path progressFile, boolean exam, Locale locale) {
    this((Path) null, lab, progressFile, exam, locale);
    this.pack = pack;
  }

  /**
   * A learning layer that reads its lessons only when first needed, so the REPL starts fast.
   *
   * @param lessons a teacher's folder of lessons, or null for the shipped ones
   */
  public Learning(Path lessons, Lab lab, Path progressFile, boolean exam, Locale locale) {
    this.source = lab;
    this.lessons = lessons;
    this.progressFile = progressFile;
    this.exam = exam;
    this.locale = locale;
  }

  /** The learner's language; the REPL may change it. */
  public void locale(Locale locale) {
    this.locale = locale;
  }

  private Words words() {
    return Words.of(locale);
  }

  /** The host as seen now, knowing which container the learner's shell is in. */
  public Lab lab() {
    Lab lab = source;
    String host = shell == null ? "" : shell.hostname();
    return new Lab() {
      @Override
      public Vfs host() {
        return lab.host();
      }

      @Override
      public List<ImageView> images() {
        return lab.images();
      }

      @Override
      public List<ContainerView> containers() {
        return lab.containers();
      }

      @Override
      public Optional<ContainerView> current() {
        Optional<ContainerView> own = lab.current();
        if (own.isPresent() || host.length() < 12) {
          return own;
        }
        return lab.containers().stream().filter(c -> c.running() && c.id().startsWith(host)).findFirst();
      }
    };
  }

  /** Wraps the learner's shell so lessons see what is typed and printed. */
  public Shell observe(Shell learnerShell) {
    shell = new ObservedShell(learnerShell, this);
    return shell;
  }

  public Tutor tutor() {
    if (tutor == null) {
      if (pack == null) {
        pack = lessons == null ? LessonPack.builtin() : LessonPack.folder(lessons);
      }
      tutor = new Tutor(pack, this::lab, progressFile, exam);
    }
    return tutor;
  }

  private Explain explainer() {
    if (explain == null) {
      explain = new Explain(Topics.standard());
    }
    return explain;
  }

  /** {@code :explain [TOPIC]}. */
  public Reply explain(String args) {
    Explain.Result r = explainer().explain(args, lab(), words());
    return new Reply(r.status(), r.text());
  }

  /** Topic names, for completion. */
  public List<String> topicNames() {
    return explainer().names();
  }

  /** {@code :which [CONTAINER] PATH}. */
  public Reply which(String args) {
    Words w = words();
    String[] a = args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+");
    if (a.length == 0 || a.length > 2) {
      return Reply.error(w.get("which.usage") + "\n");
    }
    Lab lab = lab();
    Optional<ContainerView> c = a.length == 2 ? lab.container(a[0])
        : lab.current().or(() -> lab.containers().stream().filter(ContainerView::running).findFirst());
    if (c.isEmpty()) {
      return Reply.error((a.length == 2 ? w.get("which.nosuch", a[0]) : w.get("which.nocontainer")) + "\n");
    }
    String path = a[a.length - 1];
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    Which.Answer answer = Which.lookup(lab.host(), c.get(), path);
    return new Reply(answer.hits().isEmpty() ? 1 : 0, Which.render(path, c.get(), answer, w));
  }

  /** {@code :layers [IMAGE|CONTAINER] [--plain]}. */
  public Reply layers(String args) {
    String text = LayerDiagram.render(args, lab(), words());
    return new Reply(text.startsWith(":layers") ? 1 : 0, text);
  }

  /** {@code :compare IMAGE IMAGE}. */
  public Reply compare(String args) {
    return Compare.compare(args, lab(), words());
  }

  /** {@code :trace on|off|changes|all}. */
  public Reply trace(String args) {
    Words w = words();
    switch (args.strip()) {
      case "on", "all" -> trace = Trace.Level.ALL;
      case "changes" -> trace = Trace.Level.CHANGES;
      case "off" -> {
        trace = Trace.Level.OFF;
        return Reply.ok(w.get("trace.off") + "\n");
      }
      default -> {
        return Reply.error(w.get("trace.usage") + "\n");
      }
    }
    return Reply.ok(w.get("trace.on", w.get(trace == Trace.Level.ALL ? "trace.level.all" : "trace.level.changes"))
        + "\n");
  }

  public Trace.Level traceLevel() {
    return trace;
  }

  /** An overlay event of container {@code containerId}: printed at once while the trace is on. */
  public void overlayEvent(String containerId, OverlayEvent event) {
    PrintStream out = sink;
    if (trace == Trace.Level.OFF || out == null) {
      return;
    }
    Lab lab = source;
    Optional<ContainerView> c = lab.containers().stream().filter(k -> k.id().equals(containerId)).findFirst();
    String line = Trace.line(event, c, lab.host(), trace, words());
    if (line != null && tracedThisCommand.add(line)) {
      out.println(line);
      out.flush();
    }
  }

  void beginCommand(PrintStream out) {
    sink = out;
    tracedThisCommand.clear();
  }

  void endCommand() {
    sink = null;
  }

  /** After a command: the tutor's reaction (a finished step), or nothing; both go to the transcript. */
  String commandRan(String prompt, String line, String output) {
    String said = tutor == null ? "" : tutor.observe(line, output, words());
    if (recorder.recording()) {
      recorder.command(prompt, line, output);
      recorder.note(said);
    }
    return said;
  }

  /** {@code :record FILE} starts a Markdown transcript on the real disk; {@code :record off} ends it. */
  public Reply record(String args) {
    Words w = words();
    String a = args.strip();
    if (a.isEmpty()) {
      return recorder.recording() ? Reply.ok(w.get("record.status", recorder.file()) + "\n")
          : Reply.error(w.get("record.usage") + "\n");
    }
    if (a.equals("off")) {
      Path was = recorder.file();
      recorder.stop();
      return was == null ? Reply.error(w.get("record.none") + "\n") : Reply.ok(w.get("record.off", was) + "\n");
    }
    try {
      recorder.start(Path.of(a), java.time.Clock.systemUTC());
      return Reply.ok(w.get("record.on", a) + "\n");
    } catch (java.io.IOException | RuntimeException e) {
      return Reply.error(w.get("record.error", a, e.getMessage()) + "\n");
    }
  }

  /** A {@code :meta} command and what it printed, for the transcript. */
  public void recordMeta(String line, String reply) {
    if (recorder.recording() && !line.startsWith(":record")) {
      recorder.meta(line, reply);
    }
  }

  /** {@code [L5 2/4]} while a lesson runs. */
  String promptPrefix() {
    return tutor == null ? "" : tutor.promptTag();
  }

  /** The status line while a lesson runs, empty otherwise. */
  public String statusLine() {
    return tutor == null ? "" : tutor.statusLine(words());
  }

  /** Binds tutor calls to the current language. */
  public Words currentWords() {
    return words();
  }
}
