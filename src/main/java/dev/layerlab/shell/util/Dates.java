package dev.layerlab.shell.util;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The date forms {@code touch -d} and {@code touch -t} accept that lessons use. */
final class Dates {
  private Dates() {}

  static Instant parse(String text, ZoneId zone) {
    String t = text.trim();
    if (t.startsWith("@")) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(t.substring(1)));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try {
      return ZonedDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    for (String pattern : new String[] {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss"}) {
      try {
        return LocalDateTime.parse(t, DateTimeFormatter.ofPattern(pattern)).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    try {
      return LocalDate.parse(t).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code [[CC]YY]MMDDhhmm[.ss]}. */
  static Instant parseStamp(String text, ZoneId zone) {
    String secs = "00";
    String t = text;
    int dot = t.indexOf('.');
    if (dot >= 0) {
      secs = t.substring(dot + 1);
      t = t.substring(0, dot);
    }
    if (!t.matches("[0-9]{8}|[0-9]{10}|[0-9]{12}") || !secs.matches("[0-9]{2}")) {
      return null;
    }
    if (t.length() == 8) {
      t = LocalDate.now(zone).getYear() + t;
    } else if (t.length() == 10) {
      int yy = Integer.parseInt(t.substring(0, 2));
      t = (yy < 69 ? "20" : "19") + t;
    }
    try {
      return LocalDateTime.parse(t + secs, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
