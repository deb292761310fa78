package dev.layerlab.shell;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The built-in programs by name. A stub binary in a filesystem names one of these; other
 * packages add their own (the {@code docker} client) with {@link #register}.
 */
public final class Programs {
  private final Map<String, Program> byName = new TreeMap<>();

  private Programs() {}

  /** An empty registry. */
  public static Programs empty() {
    return new Programs();
  }

  /** A registry holding every utility of the shell package ({@code ls}, {@code cat}, {@code sh}...). */
  public static Programs standard() {
    Programs programs = new Programs();
    dev.layerlab.shell.util.Utilities.registerAll(programs);
    dev.layerlab.shell.lang.Interpreter.registerShells(programs);
    return programs;
  }

  /** Adds or replaces the program called {@code name}. */
  public Programs register(String name, Program program) {
    byName.put(name, program);
    return this;
  }

  public Optional<Program> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every registered name, sorted. */
  public Set<String> names() {
    return java.util.Collections.unmodifiableSet(byName.keySet());
  }
}
