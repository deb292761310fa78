package dev.layerlab.ui;

import dev.layerlab.learn.Learning;
import dev.layerlab.learn.Reply;
import dev.layerlab.learn.Tutor;
import dev.layerlab.learn.Words;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code :meta} command that hands its arguments to the learning layer and prints the text it
 * returns. The learning layer owns the words; this adapter only knows the terminal's streams.
 * A switch rather than lambdas: linking lambdas would slow down the REPL's start.
 */
final class LearnCommand implements MetaCommand {

  /** The commands, by name without the colon. */
  enum Op {
    EXPLAIN, LESSONS, LESSON, NEXT, PREV, TASK, HINT, CHECK, SOLUTION, RESET, ANSWER, PROGRESS, TRACE, WHICH, LAYERS, COMPARE, RECORD;

    String command() {
      return ":" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Op op;
  private final Learning learning;

  LearnCommand(Op op, Learning learning) {
    this.op = op;
    this.learning = learning;
  }

  @Override
  public String name() {
    return op.command();
  }

  @Override
  public String summary(Messages messages) {
    learning.locale(messages.locale());
    return learning.currentWords().get("meta." + name().substring(1));
  }

  @Override
  public int run(String args, MetaContext context) {
    learning.locale(context.messages().locale());
    Reply reply = reply(args);
    // a failed :check or a wrong :answer is feedback for the learner, not an error
    boolean feedback = op == Op.CHECK || op == Op.ANSWER;
    PrintStream stream = reply.status() == 0 || feedback ? context.io().out() : context.io().err();
    stream.print(reply.text());
    stream.flush();
    learning.recordMeta(name() + (args.isBlank() ? "" : " " + args.strip()), reply.text());
    return reply.status();
  }

  private Reply reply(String args) {
    Tutor t = learning.tutor();
    Words w = learning.currentWords();
    switch (op) {
      case EXPLAIN: return learning.explain(args);
      case LESSONS: return t.lessons(w);
      case LESSON: return t.start(args, w);
      case NEXT: return t.next(w);
      case PREV: return t.prev(w);
      case TASK: return t.task(w);
      case HINT: return t.hint(w);
      case CHECK: return t.check(w);
      case SOLUTION: return t.solution(w);
      case RESET: return t.reset(w);
      case ANSWER: return t.answer(args, w);
      case PROGRESS: return progress(args.strip(), t, w);
      case TRACE: return learning.trace(args);
      case WHICH: return learning.which(args);
      case COMPARE: return learning.compare(args);
      case RECORD: return learning.record(args);
      default: return learning.layers(args);
    }
  }

  /** {@code :progress}, {@code :progress export FILE}, {@code :progress import FILE} (files on the real disk). */
  private static Reply progress(String args, Tutor t, Words w) {
    String[] a = args.split("\\s+", 2);
    if (args.isEmpty()) {
      return t.progressReport(w);
    }
    if (a.length == 2 && a[0].equals("export")) {
      return t.exportTo(Path.of(a[1]), w);
    }
    if (a.length == 2 && a[0].equals("import")) {
      return t.importFrom(Path.of(a[1]), w);
    }
    return new Reply(2, w.get("progress.usage") + "\n");
  }

  @Override
  public List<String> complete(List<String> wordsBefore, String word) {
    if (!wordsBefore.isEmpty()) {
      return List.of();
    }
    List<String> all;
    switch (op) {
      case EXPLAIN: all = learning.topicNames(); break;
      case LESSON: all = lessonNumbers(); break;
      case PROGRESS: all = List.of("export", "import"); break;
      case TRACE: all = List.of("on", "off", "changes", "all"); break;
      case LAYERS: all = List.of("--plain"); break;
      default: all = List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : all) {
      if (s.startsWith(word)) {
        out.add(s);
      }
    }
    return out;
  }

  private List<String> lessonNumbers() {
    List<String> out = new ArrayList<>();
    for (var l : learning.tutor().pack().lessons()) {
      out.add(Integer.toString(l.number()));
    }
    return out;
  }
}
