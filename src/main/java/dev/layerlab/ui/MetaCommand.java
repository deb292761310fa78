package dev.layerlab.ui;

import java.util.List;

/**
 * A REPL command that starts with a colon ({@code :help}, {@code :quit}, later {@code :explain},
 * {@code :lesson}, {@code :trace}): it talks about the laboratory instead of running on the
 * simulated machine. Add one with {@link MetaCommands#add}.
 */
public interface MetaCommand {

  /** The name the learner types, colon included, e.g. {@code :help}. */
  String name();

  /** One line saying what the command does, in the learner's language. */
  String summary(Messages messages);

  /** Runs the command with the rest of the line after its name; returns the exit status. */
  int run(String args, MetaContext context);

  /** Completions for the word being typed after the name; none by default. */
  default List<String> complete(List<String> wordsBefore, String word) {
    return List.of();
  }
}
