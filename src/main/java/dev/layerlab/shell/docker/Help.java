package dev.layerlab.shell.docker;

import java.util.Map;
import java.util.TreeMap;

/** The usage screens of {@code docker} and its management commands, in cobra's layout. */
final class Help {
  private Help() {}

  private static final Map<String, String> GROUPS = Map.of(
      "container", "Manage containers",
      "image", "Manage images");

  static String top(Map<String, Subcommand> commands, Map<String, Map<String, Subcommand>> groups) {
    StringBuilder b = new StringBuilder("\nUsage:\tdocker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\n"
        + "Options:\n"
        + "      --config string      Location of client config files (default \"/root/.docker\")\n"
        + "  -D, --debug              Enable debug mode\n"
        + "  -H, --host list          Daemon socket(s) to connect to\n"
        + "  -l, --log-level string   Set the logging level (\"debug\"|\"info\"|\"warn\"|\"error\"|\"fatal\")"
        + " (default \"info\")\n"
        + "  -v, --version            Print version information and quit\n\nManagement Commands:\n");
    new TreeMap<>(groups).keySet().forEach(g -> b.append(line(g, GROUPS.getOrDefault(g, ""))));
    b.append("\nCommands:\n");
    new TreeMap<>(commands).forEach((name, c) -> b.append(line(name, c.spec().description)));
    b.append("\nRun 'docker COMMAND --help' for more information on a command.\n");
    return b.toString();
  }

  static String group(String name, Map<String, Subcommand> commands) {
    StringBuilder b = new StringBuilder("\nUsage:\tdocker " + name + " COMMAND\n\n" + GROUPS.getOrDefault(name, "")
        + "\n\nCommands:\n");
    new TreeMap<>(commands).forEach((n, c) -> b.append(line(n, c.spec().description)));
    b.append("\nRun 'docker ").append(name).append(" COMMAND --help' for more information on a command.\n");
    return b.toString();
  }

  private static String line(String name, String description) {
    return "  " + name + " ".repeat(Math.max(1, 12 - name.length())) + description + "\n";
  }
}
