package dev.layerlab.learn;

import java.util.LinkedHashMap;
import java.util.Map;

/** A text written in several languages, English always among them. */
public record Text(Map<String, String> byLang) {
  public static final Text NONE = new Text(Map.of());

  public Text {
    byLang = Map.copyOf(byLang);
  }

  /** The text in {@code lang}, English when there is no translation, empty when there is no text. */
  public String in(String lang) {
    String s = byLang.get(lang);
    return s != null ? s : byLang.getOrDefault(Lang.EN, "");
  }

  public boolean isEmpty() {
    return byLang.isEmpty();
  }

  /** A copy with {@code lang} set to {@code value}. */
  Text with(String lang, String value) {
    Map<String, String> m = new LinkedHashMap<>(byLang);
    m.put(lang, value);
    return new Text(m);
  }
}
