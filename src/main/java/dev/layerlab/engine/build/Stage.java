package dev.layerlab.engine.build;

import dev.layerlab.image.ContainerConfig;
import dev.layerlab.image.Digest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One build stage's state between steps: the image so far and the config the next commit starts from. */
final class Stage {
  final String name;
  final int index;
  /** The image the stage has reached; null while it is still {@code FROM scratch} with no step done. */
  Digest image;
  ContainerConfig config;
  String author = "";
  boolean cmdSet;
  /** ARGs declared in this stage and their values (null when it has none). */
  final Map<String, String> args = new LinkedHashMap<>();

  Stage(String name, int index) {
    this.name = name;
    this.index = index;
  }

  /** The environment that {@code $VAR} sees: ARGs with values, then ENV, which wins. */
  Map<String, String> substitutionEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    args.forEach((k, v) -> {
      if (v != null) {
        env.put(k, v);
      }
    });
    env.putAll(configEnv());
    return env;
  }

  Map<String, String> configEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String e : config.env() == null ? List.<String>of() : config.env()) {
      int eq = e.indexOf('=');
      env.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
    }
    return env;
  }

  /** The {@code K=V} build args a RUN sees, sorted: declared, with a value, not hidden by an ENV of the same name. */
  List<String> buildArgEnv() {
    Map<String, String> env = configEnv();
    TreeMap<String, String> out = new TreeMap<>();
    args.forEach((k, v) -> {
      if (v != null && !env.containsKey(k)) {
        out.put(k, v);
      }
    });
    List<String> list = new ArrayList<>();
    out.forEach((k, v) -> list.add(k + "=" + v));
    return list;
  }

  /** Sets {@code K=V} in the config's Env: in place when K is there, else at the end. */
  void setEnv(String key, String value) {
    List<String> env = new ArrayList<>(config.env() == null ? List.of() : config.env());
    boolean done = false;
    for (int i = 0; i < env.size(); i++) {
      String e = env.get(i);
      if (e.equals(key) || e.startsWith(key + "=")) {
        env.set(i, key + "=" + value);
        done = true;
      }
    }
    if (!done) {
      env.add(key + "=" + value);
    }
    config = config.withEnv(List.copyOf(env));
  }

  String imageRef() {
    return image == null ? "" : image.toString();
  }
}
