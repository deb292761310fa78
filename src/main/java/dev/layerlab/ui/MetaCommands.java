package dev.layerlab.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of {@code :meta} commands. Each command is its own class; adding one is a call to
 * {@link #add}, never an edit to a switch.
 */
public final class MetaCommands {

  private final Map<String, MetaCommand> byName = new TreeMap<>();

  /** A registry holding {@code :help} and {@code :quit}. */
  public static MetaCommands standard() {
    MetaCommands commands = new MetaCommands();
    commands.add(new HelpCommand());
    commands.add(new QuitCommand());
    return commands;
  }

  /** Registers {@code command}; a second command with the same name is a programming error. */
  public MetaCommands add(MetaCommand command) {
    String name = command.name();
    if (!name.startsWith(":") || name.length() < 2 || LineRunner.indexOfWhitespace(name) >= 0) {
      throw new IllegalArgumentException("meta command names look like :word, not " + name);
    }
    if (byName.putIfAbsent(name, command) != null) {
      throw new IllegalArgumentException("meta command " + name + " is already registered");
    }
    return this;
  }

  /** The command called {@code name}, or null. */
  public MetaCommand find(String name) {
    return byName.get(name);
  }

  /** Every command, sorted by name. */
  public Collection<MetaCommand> all() {
    return Collections.unmodifiableCollection(byName.values());
  }

  /** Every command name, sorted. */
  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /**
   * True when {@code line} is meant for this registry: a colon directly followed by a letter. A
   * colon alone is bash's null command and belongs to the shell.
   */
  static boolean isMeta(String line) {
    String s = line.stripLeading();
    return s.length() > 1 && s.charAt(0) == ':' && Character.isLetter(s.charAt(1));
  }
}
