package dev.layerlab.shell.util.awk;

import java.util.LinkedHashMap;
import java.util.Map;

/** A variable: a scalar value, or an associative array (never both once used). */
final class Cell {
  Object value;
  private Map<String, Object> array;
  /** An uninitialised argument's variable in the caller, which becomes the same array when used as one. */
  private final Cell caller;

  Cell() {
    this(null);
  }

  Cell(Cell caller) {
    this.caller = caller;
  }

  Object get() {
    return value == null ? Values.UNINIT : value;
  }

  boolean isArray() {
    return array != null;
  }

  boolean isUntyped() {
    return array == null && value == null;
  }

  Map<String, Object> array() {
    if (array == null) {
      if (value != null) {
        throw new AwkException("can't use scalar as array");
      }
      array = caller != null ? caller.array() : new LinkedHashMap<>();
    }
    return array;
  }

  void share(Map<String, Object> map) {
    array = map;
  }
}
