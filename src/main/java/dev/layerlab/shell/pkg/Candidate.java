package dev.layerlab.shell.pkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One package a repository offers: its control fields plus the files it installs. */
record Candidate(Map<String, String> fields) {

  String name() {
    return fields.get("Package");
  }

  String version() {
    return fields.get("Version");
  }

  String architecture() {
    return fields.getOrDefault("Architecture", "amd64");
  }

  boolean multiArchSame() {
    return "same".equals(fields.get("Multi-Arch"));
  }

  /** How dpkg names it where names must be unambiguous: {@code libgpm2:amd64} for Multi-Arch: same. */
  String qualifiedName() {
    return multiArchSame() ? name() + ":" + architecture() : name();
  }

  String archive() {
    return fields.getOrDefault("Archive", "");
  }

  String description() {
    return fields.getOrDefault("Description", "");
  }

  long size() {
    return Long.parseLong(fields.getOrDefault("Size", "0"));
  }

  long installedSize() {
    return Long.parseLong(fields.getOrDefault("Installed-Size", "0"));
  }

  boolean base() {
    return "yes".equals(fields.get("Base"));
  }

  /**
   * The Depends field as alternatives: {@code a (>= 1) | b, c} gives [[a, b], [c]]. Versions
   * and {@code :any} qualifiers are dropped; apk's space-separated form is accepted too.
   */
  List<List<String>> depends() {
    return relation("Depends");
  }

  /** The Recommends field, in the form {@link #depends()} gives: apt installs these unless told not to. */
  List<List<String>> recommends() {
    return relation("Recommends");
  }

  /** The Suggests field, in the form {@link #depends()} gives: apt only names these. */
  List<List<String>> suggests() {
    return relation("Suggests");
  }

  private List<List<String>> relation(String field) {
    String d = fields.get(field);
    List<List<String>> out = new ArrayList<>();
    if (d == null || d.isBlank()) {
      return out;
    }
    String[] groups = d.contains(",") || d.contains("(") ? d.split(",") : d.trim().split("\\s+");
    for (String group : groups) {
      List<String> alternatives = new ArrayList<>();
      for (String alt : group.split("\\|")) {
        String n = alt.replaceAll("\\(.*?\\)", "").trim();
        int colon = n.indexOf(':');
        if (colon > 0) {
          n = n.substring(0, colon);
        }
        if (!n.isEmpty()) {
          alternatives.add(n);
        }
      }
      if (!alternatives.isEmpty()) {
        out.add(alternatives);
      }
    }
    return out;
  }

  /** Paths it installs; a path may be followed by the built-in program its stub runs, or {@code -> target}. */
  List<String> files() {
    return Stanzas.lines(fields.get("Files"));
  }

  /** update-alternatives links: {@code link name target}. */
  List<String> alternatives() {
    return Stanzas.lines(fields.get("Alternatives"));
  }
}
