package dev.layerlab.shell.lang;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An associative array ({@code declare -A}). Its keys come out in bash's own order: bash keeps
 * them in a hash table of 1024 buckets chosen by the 32-bit FNV-1 hash of the key, walks the
 * buckets in order, and puts the newest key first within a bucket.
 */
final class Assoc {
  private static final int BUCKETS = 1024;

  private final Map<String, String> values = new HashMap<>();
  /** When each key was added, to order keys that share a bucket. */
  private final Map<String, Long> added = new HashMap<>();
  private long clock;

  Assoc copy() {
    Assoc c = new Assoc();
    c.values.putAll(values);
    c.added.putAll(added);
    c.clock = clock;
    return c;
  }

  String get(String key) {
    return values.get(key);
  }

  void put(String key, String value) {
    if (values.put(key, value) == null) {
      added.put(key, ++clock);
    }
  }

  void remove(String key) {
    values.remove(key);
    added.remove(key);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The keys in the order bash lists them. */
  List<String> keys() {
    List<String> keys = new ArrayList<>(values.keySet());
    keys.sort(Comparator.comparingInt(Assoc::bucket).thenComparing(k -> -added.get(k)));
    return keys;
  }

  /** The values, in the order of {@link #keys()}. */
  List<String> values() {
    List<String> out = new ArrayList<>();
    for (String k : keys()) {
      out.add(values.get(k));
    }
    return out;
  }

  private static int bucket(String key) {
    int hash = 0x811c9dc5;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash *= 16777619;
      hash ^= b & 0xff;
    }
    return hash & (BUCKETS - 1);
  }
}
