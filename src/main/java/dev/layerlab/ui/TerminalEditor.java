package dev.layerlab.ui;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.layerlab.shell.Editor;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jline.builtins.Nano;
import org.jline.terminal.Terminal;

/**
 * JLine's Nano on the learner's terminal. Nano edits files through {@link Path}s, so the text is
 * handed to it in a scratch in-memory filesystem and read back after it closes: nothing touches
 * the real disk.
 */
final class TerminalEditor implements Editor {
  private final Terminal terminal;

  TerminalEditor(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public byte[] edit(String name, byte[] content) {
    try (FileSystem scratch = Jimfs.newFileSystem(Configuration.unix())) {
      Path dir = Files.createDirectories(scratch.getPath("/edit"));
      String file = name.isEmpty() ? "untitled" : name;
      Path path = dir.resolve(file);
      Files.write(path, content);
      Nano nano = new Nano(terminal, dir);
      nano.open(file);
      nano.run();
      byte[] after = Files.readAllBytes(path);
      return Arrays.equals(after, content) ? null : after;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
