package dev.layerlab.learn;

import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A three-command shell inside a {@link MiniHost} container: cat, rm and echo TEXT >> FILE. */
final class TinyShell implements Shell {
  private final MiniHost host;

  TinyShell(MiniHost host) {
    this.host = host;
  }

  private Vfs fs() {
    return host.containers.get(0).merged();
  }

  @Override
  public int run(String line, ShellIo io) {
    String[] w = line.strip().split("\\s+");
    try {
      switch (w[0]) {
        case "cat" -> io.out().print(new String(fs().read(w[1]), StandardCharsets.UTF_8));
        case "rm" -> fs().unlink(w[1]);
        case "echo" -> fs().write(w[w.length - 1], (w[1] + "\n").getBytes(StandardCharsets.UTF_8),
            Vfs.WriteMode.APPEND, 0644);
        default -> {
          io.err().println("bash: " + w[0] + ": command not found");
          return 127;
        }
      }
    } catch (VfsException e) {
      io.err().println(w[0] + ": " + e.getMessage());
      return 1;
    }
    return 0;
  }

  @Override
  public String prompt() {
    return host.containers.isEmpty() ? "root@host:~# " : "root@" + host.containers.get(0).shortId() + ":/# ";
  }

  @Override
  public String continuationPrompt(String line) {
    return null;
  }

  @Override
  public List<String> commandNames() {
    return List.of("cat", "echo", "rm");
  }

  @Override
  public List<String> complete(List<String> wordsBefore, String word) {
    return List.of();
  }

  @Override
  public boolean exitRequested() {
    return false;
  }
}
