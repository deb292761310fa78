package dev.layerlab.shell;

import java.util.List;

/**
 * The learner's shell session as the REPL sees it: it runs one typed line at a time on whichever
 * machine the learner is on (the host, or a container after {@code docker run -it}).
 *
 * <p>The REPL knows nothing about commands: it hands every line that is not a {@code :meta}
 * command to {@link #run} and renders the prompt this session reports.
 */
public interface Shell {

  /** Runs one line (possibly several commands, a here-document body included); returns {@code $?}. */
  int run(String line, ShellIo io);

  /** The prompt for the next line, without colour, e.g. {@code root@host:~# }. */
  String prompt();

  /**
   * The continuation prompt when {@code line} is incomplete (open quote, here-document, trailing
   * {@code |} or {@code &&}, unfinished {@code if}/{@code for}), or null when it can run as is.
   */
  String continuationPrompt(String line);

  /** Command names the current machine can run, for tab completion. */
  List<String> commandNames();

  /** Paths and names completing {@code word} on the current machine (files, images, containers). */
  List<String> complete(List<String> wordsBefore, String word);

  /** True once {@code exit} left the outermost (host) shell: the REPL should end. */
  boolean exitRequested();
}
