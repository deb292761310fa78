package dev.layerlab.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of an image's build history ({@code docker history}); entries without
 * {@code emptyLayer} pair up in order with the config's diffIDs.
 *
 * @param created RFC 3339 with nanoseconds, as Go prints it
 */
public record HistoryEntry(String created, String author, String createdBy, String comment, boolean emptyLayer) {

  public static HistoryEntry layer(String created, String createdBy) {
    return new HistoryEntry(created, null, createdBy, null, false);
  }

  public static HistoryEntry empty(String created, String createdBy) {
    return new HistoryEntry(created, null, createdBy, null, true);
  }

  Map<String, Object> toJsonValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("created", created);
    if (author != null && !author.isEmpty()) {
      m.put("author", author);
    }
    if (createdBy != null && !createdBy.isEmpty()) {
      m.put("created_by", createdBy);
    }
    if (comment != null && !comment.isEmpty()) {
      m.put("comment", comment);
    }
    if (emptyLayer) {
      m.put("empty_layer", true);
    }
    return m;
  }
}
