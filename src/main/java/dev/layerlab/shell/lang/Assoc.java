package dev.layerlab.shell.lang;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An associative array ({@code declare -A}). Its keys come out in bash's own order, so this keeps
 * bash's hash table: 1024 buckets chosen by the 32-bit FNV-1 hash of the key, a new key put at the
 * head of its bucket, four times the buckets once there are twice as many keys as buckets (moving
 * each key, bucket by bucket, to the head of its new one), and listing walks the buckets in order.
 */
final class Assoc {
  private static final int FIRST_SIZE = 1024;

  private final Map<String, String> values = new HashMap<>();
  /** The non-empty buckets by number; each list starts at the bucket's head. */
  private TreeMap<Integer, List<String>> buckets = new TreeMap<>();
  private int size = FIRST_SIZE;

  Assoc copy() {
    Assoc c = new Assoc();
    c.values.putAll(values);
    buckets.forEach((i, keys) -> c.buckets.put(i, new ArrayList<>(keys)));
    c.size = size;
    return c;
  }

  String get(String key) {
    return values.get(key);
  }

  void put(String key, String value) {
    if (values.size() >= size * 2) {
      grow(); // bash checks before it looks the key up, so even a replacement can grow the table
    }
    if (values.put(key, value) == null) {
      buckets.computeIfAbsent(hash(key) & (size - 1), i -> new ArrayList<>()).add(0, key);
    }
  }

  void remove(String key) {
    if (values.remove(key) != null) {
      int i = hash(key) & (size - 1);
      List<String> bucket = buckets.get(i);
      bucket.remove(key);
      if (bucket.isEmpty()) {
        buckets.remove(i);
      }
    }
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The keys in the order bash lists them. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    buckets.values().forEach(keys::addAll);
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

  private void grow() {
    size *= 4;
    TreeMap<Integer, List<String>> moved = new TreeMap<>();
    for (List<String> bucket : buckets.values()) {
      for (String key : bucket) {
        moved.computeIfAbsent(hash(key) & (size - 1), i -> new ArrayList<>()).add(0, key);
      }
    }
    buckets = moved;
  }

  /** FNV-1, 32 bits, as bash's hash_string. */
  private static int hash(String key) {
    int hash = 0x811c9dc5;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash *= 16777619;
      hash ^= b & 0xff;
    }
    return hash;
  }
}
