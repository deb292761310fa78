package dev.layerlab.shell.docker;

import dev.layerlab.shell.Machine;
import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;
import dev.layerlab.shell.Shells;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The learner's shell: it starts on the host, and {@code docker run -it}/{@code exec -it}
 * switch it to a shell inside a container once the typed line has run; {@code exit} there
 * comes back to the host shell where it left off.
 */
public final class DockerShell implements Shell, Sessions {
  private record Frame(Shell shell, IntConsumer onExit) {}

  private final Deque<Frame> stack = new ArrayDeque<>();
  private Frame pending;
  private boolean interactive;

  private final DockerProgram docker;

  /** A shell starting on {@code hostShell}; {@code docker} (may be null) completes its own arguments. */
  public DockerShell(Shell hostShell, DockerProgram docker) {
    stack.push(new Frame(hostShell, status -> {}));
    this.docker = docker;
  }

  @Override
  public void enter(Machine machine, IntConsumer onExit) {
    pending = new Frame(Shells.on(machine), onExit);
  }

  @Override
  public boolean interactive() {
    return interactive;
  }

  /** True while the learner is inside a container. */
  public boolean inContainer() {
    return stack.size() > 1;
  }

  @Override
  public int run(String line, ShellIo io) {
    Frame top = stack.peek();
    interactive = io.interactive();
    int status = top.shell().run(line, io);
    if (stack.size() > 1 && top.shell().exitRequested()) {
      stack.pop();
      top.onExit().accept(status);
    }
    if (pending != null) {
      stack.push(pending);
      pending = null;
    }
    return status;
  }

  @Override
  public String prompt() {
    return stack.peek().shell().prompt();
  }

  @Override
  public String continuationPrompt(String line) {
    return stack.peek().shell().continuationPrompt(line);
  }

  @Override
  public List<String> commandNames() {
    return stack.peek().shell().commandNames();
  }

  @Override
  public List<String> complete(List<String> wordsBefore, String word) {
    if (docker != null && stack.size() == 1 && !wordsBefore.isEmpty() && wordsBefore.get(0).equals("docker")) {
      List<String> own = docker.complete(wordsBefore.subList(1, wordsBefore.size()), word);
      if (own != null && !own.isEmpty()) {
        return own;
      }
    }
    return stack.peek().shell().complete(wordsBefore, word);
  }

  @Override
  public boolean exitRequested() {
    return stack.size() == 1 && stack.peek().shell().exitRequested();
  }
}
