package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion that asks whoever owns the word: the meta registry for {@code :words}, the shell
 * for command names in first position and for everything after (paths, images, containers). A
 * shell whose programs are picocli commands can answer {@link Shell#complete} with the candidates
 * of picocli-shell-jline3's completer, so {@code docker} subcommands need nothing here. Where
 * docker pulls an image, the offline registry's names are offered too ({@link PullableImages}).
 */
final class ShellCompleter implements Completer {

  private final Supplier<Shell> shell;
  private final MetaCommands commands;

  /** {@code shell} is asked each time, because {@code docker run -it} changes the current machine. */
  ShellCompleter(Supplier<Shell> shell, MetaCommands commands) {
    this.shell = shell;
    this.commands = commands;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    int index = line.wordIndex();
    String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    List<String> before = words.subList(0, Math.min(index, words.size()));
    boolean meta = !before.isEmpty() ? MetaCommands.isMeta(before.get(0)) : word.startsWith(":");
    if (index == 0) {
      if (word.startsWith(":")) {
        commands.names().forEach(name -> candidates.add(new Candidate(name)));
      } else {
        shell.get().commandNames().forEach(name -> candidates.add(new Candidate(name)));
      }
      return;
    }
    if (meta) {
      MetaCommand command = commands.find(before.get(0));
      if (command != null) {
        command.complete(before.subList(1, before.size()), word).forEach(c -> candidates.add(candidate(c)));
      }
      return;
    }
    Shell current = shell.get();
    List<String> offered = current.complete(before, word);
    if (PullableImages.wanted(before) && current.commandNames().contains("docker")) {
      // Where an image is wanted, paths are no answer: keep the shell's local images (repo:tag),
      // then the names the registry serves.
      Set<String> images = new LinkedHashSet<>();
      offered.stream().filter(c -> c.contains(":")).forEach(images::add);
      images.addAll(PullableImages.matching(word));
      offered = List.copyOf(images);
    }
    offered.forEach(c -> candidates.add(candidate(c)));
  }

  /** A directory completes without the closing space so the learner can type on into it. */
  private static Candidate candidate(String value) {
    boolean directory = value.endsWith("/");
    return new Candidate(value, value, null, null, null, null, !directory);
  }
}
