package dev.layerlab.learn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code :explain} topics, read from {@code topics_<lang>.txt} next to this class. */
public final class Topics {
  private final Map<String, Topic> byName;
  private final Map<String, String> aliases;

  private Topics(Map<String, Topic> byName, Map<String, String> aliases) {
    this.byName = byName;
    this.aliases = aliases;
  }

  private static Topics standard;

  /** The topics shipped with layerlab. */
  public static synchronized Topics standard() {
    if (standard == null) {
      standard = load();
    }
    return standard;
  }

  private static Topics load() {
    Map<String, Section> en = parse(resource(Lang.EN));
    Map<String, Map<String, Section>> others = new HashMap<>();
    for (String lang : Lang.ALL) {
      if (!lang.equals(Lang.EN)) {
        others.put(lang, parse(resource(lang)));
      }
    }
    Map<String, Topic> byName = new LinkedHashMap<>();
    Map<String, String> aliases = new HashMap<>();
    for (Section s : en.values()) {
      Map<String, String> summary = new HashMap<>();
      Map<String, String> body = new HashMap<>();
      summary.put(Lang.EN, s.summary);
      body.put(Lang.EN, s.body);
      others.forEach((lang, sections) -> {
        Section t = sections.get(s.name);
        if (t != null) {
          summary.put(lang, t.summary);
          body.put(lang, t.body);
        }
      });
      byName.put(s.name, new Topic(s.name, s.aliases, s.see, Map.copyOf(summary), Map.copyOf(body)));
      for (String alias : s.aliases) {
        aliases.put(alias, s.name);
      }
    }
    return new Topics(byName, aliases);
  }

  private static String resource(String lang) {
    try (InputStream in = Topics.class.getResourceAsStream("topics_" + lang + ".txt")) {
      if (in == null) {
        throw new IllegalStateException("topics_" + lang + ".txt is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Section {
    String name;
    String summary = "";
    String body = "";
    List<String> aliases = List.of();
    List<String> see = List.of();
  }

  private static Map<String, Section> parse(String text) {
    Map<String, Section> out = new LinkedHashMap<>();
    Section cur = null;
    StringBuilder body = new StringBuilder();
    for (String line : (text + "\n== \n").split("\n", -1)) {
      if (line.startsWith("== ")) {
        if (cur != null) {
          cur.body = body.toString().strip();
          out.put(cur.name, cur);
        }
        body.setLength(0);
        String name = line.substring(3).strip();
        cur = null;
        if (!name.isEmpty()) {
          cur = new Section();
          cur.name = name;
        }
      } else if (cur == null || (line.startsWith("#") && body.isEmpty())) {
        continue;
      } else if (line.startsWith("summary:")) {
        cur.summary = line.substring(8).strip();
      } else if (line.startsWith("aliases:")) {
        cur.aliases = words(line.substring(8));
      } else if (line.startsWith("see:")) {
        cur.see = words(line.substring(4));
      } else {
        body.append(line).append('\n');
      }
    }
    return out;
  }

  private static List<String> words(String s) {
    return Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  /** Every topic in the order of the English file. */
  public List<Topic> all() {
    return new ArrayList<>(byName.values());
  }

  /** Every topic name, for completion. */
  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /** The topic called {@code name} or one of its aliases, ignoring case and {@code -}/{@code _}. */
  public Optional<Topic> find(String name) {
    String key = name.strip().toLowerCase(java.util.Locale.ROOT);
    Topic t = byName.get(key);
    if (t == null && aliases.containsKey(key)) {
      t = byName.get(aliases.get(key));
    }
    if (t == null) {
      String loose = key.replace('_', '-');
      for (Topic topic : byName.values()) {
        if (topic.name().replace('_', '-').equals(loose)
            || topic.aliases().stream().anyMatch(a -> a.replace('_', '-').equals(loose))) {
          return Optional.of(topic);
        }
      }
    }
    return Optional.ofNullable(t);
  }
}
