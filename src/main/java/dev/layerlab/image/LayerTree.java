package dev.layerlab.image;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable content of one layer: its entries in the order Docker's archiver walks a
 * directory (each directory before its children, siblings sorted bytewise), which is also the
 * order they are written to the layer tar.
 */
public final class LayerTree {
  /** Walk order: compares paths name by name, so {@code a/b} comes before {@code a-b}. */
  static final Comparator<String> WALK_ORDER = LayerTree::compareWalk;

  private final List<LayerEntry> entries;
  private final Map<String, LayerEntry> byPath;

  private LayerTree(List<LayerEntry> sorted) {
    this.entries = List.copyOf(sorted);
    this.byPath = new HashMap<>(sorted.size() * 2);
    for (LayerEntry e : sorted) {
      byPath.put(e.path(), e);
    }
  }

  public static LayerTree of(Collection<LayerEntry> entries) {
    Map<String, LayerEntry> unique = new LinkedHashMap<>();
    for (LayerEntry e : entries) {
      unique.put(e.path(), e);
    }
    List<LayerEntry> sorted = new ArrayList<>(unique.values());
    sorted.sort(Comparator.comparing(LayerEntry::path, WALK_ORDER));
    return new LayerTree(sorted);
  }

  /**
   * A received layer's entries in the order its tar holds them (a hard link must follow its
   * target, and other writers do not sort), so that applying them in turn is what tar -x does.
   */
  public static LayerTree inArchiveOrder(List<LayerEntry> entries) {
    return new LayerTree(entries);
  }

  public static LayerTree empty() {
    return new LayerTree(List.of());
  }

  public List<LayerEntry> entries() {
    return entries;
  }

  public Optional<LayerEntry> get(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The layer's size as Docker reports it: every non-directory with content counted once
   * (hard links add nothing), symlinks by target length, whiteouts and directories zero.
   */
  public long size() {
    long total = 0;
    for (LayerEntry e : entries) {
      if (!e.isWhiteout()) {
        total += e.sizeContribution();
      }
    }
    return total;
  }

  /** A builder starting from this tree's entries. */
  public Builder toBuilder() {
    Builder b = new Builder();
    entries.forEach(b::put);
    return b;
  }

  public static Builder builder() {
    return new Builder();
  }

  private static int compareWalk(String a, String b) {
    int i = 0;
    int n = Math.min(a.length(), b.length());
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() || i == b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    char ca = a.charAt(i);
    char cb = b.charAt(i);
    // A separator ends the shorter name: that name sorts first, whatever the other character is.
    if (ca == '/') {
      return -1;
    }
    if (cb == '/') {
      return 1;
    }
    return Character.compare(ca, cb);
  }

  /** Collects entries (a later entry for the same path replaces the earlier one). */
  public static final class Builder {
    private final Map<String, LayerEntry> entries = new LinkedHashMap<>();

    public Builder put(LayerEntry e) {
      entries.put(e.path(), e);
      return this;
    }

    public Builder remove(String path) {
      entries.remove(path);
      return this;
    }

    public Optional<LayerEntry> get(String path) {
      return Optional.ofNullable(entries.get(path));
    }

    public Collection<LayerEntry> entries() {
      return entries.values();
    }

    public LayerTree build() {
      return of(entries.values());
    }
  }
}
