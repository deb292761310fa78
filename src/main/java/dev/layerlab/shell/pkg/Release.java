package dev.layerlab.shell.pkg;

import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A distribution release layerlab has a package index for, recognised from the container's
 * {@code /etc/os-release}.
 *
 * @param name the index's resource name ({@code bionic}, {@code alpine-3.8})
 * @param label how errors name the release
 */
record Release(String name, String label) {
  private static final Map<String, Map<String, Candidate>> INDEXES = new java.util.concurrent.ConcurrentHashMap<>();

  /** The release of the filesystem's {@code /etc/os-release}, if layerlab has an index for it. */
  static Optional<Release> of(Vfs vfs) {
    String text;
    try {
      text = new String(vfs.read("/etc/os-release"), StandardCharsets.UTF_8);
    } catch (VfsException e) {
      return Optional.empty();
    }
    Map<String, String> os = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        os.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
      }
    }
    String id = os.getOrDefault("ID", "");
    String version = os.getOrDefault("VERSION_ID", "");
    if (id.equals("ubuntu") && version.equals("18.04")) {
      return Optional.of(new Release("bionic", "Ubuntu 18.04"));
    }
    if (id.equals("ubuntu") && version.equals("16.04")) {
      return Optional.of(new Release("xenial", "Ubuntu 16.04"));
    }
    if (id.equals("debian") && version.equals("9")) {
      return Optional.of(new Release("stretch", "Debian 9"));
    }
    if (id.equals("alpine") && version.startsWith("3.8")) {
      return Optional.of(new Release("alpine-3.8", "Alpine 3.8"));
    }
    return Optional.empty();
  }

  /** What the repositories offer, by package name. */
  Map<String, Candidate> index() {
    return INDEXES.computeIfAbsent(name, n -> {
      Map<String, Candidate> byName = new LinkedHashMap<>();
      for (Map<String, String> s : Stanzas.parse(resource(n + ".index"))) {
        byName.put(s.get("Package"), new Candidate(s));
      }
      return byName;
    });
  }

  /** The lines apt-get update prints, as {@code Get|Ign, repository, target, size}. */
  List<String[]> updateSources() {
    List<String[]> out = new ArrayList<>();
    for (String line : resource(name + ".update").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line.split("\t", -1));
      }
    }
    return out;
  }

  /** The repository URI a package's archive ({@code bionic-updates/main}) is served from. */
  String repository(String archive) {
    for (String[] s : updateSources()) {
      if (s[2].endsWith(" Packages") && s[2].startsWith(archive + " ")) {
        return s[1];
      }
    }
    return updateSources().get(0)[1];
  }

  private static String resource(String file) {
    try (InputStream in = Release.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
