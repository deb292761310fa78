package dev.layerlab.ui;

import java.util.Locale;
import java.util.Map;

/** Chooses the learner's language from {@code --lang} or the POSIX locale variables. */
final class Locales {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private Locales() {}

  /**
   * The locale for {@code lang} ({@code en} or {@code zh}) when given, else the first non-empty of
   * LC_ALL, LC_MESSAGES and LANG, in the order POSIX gives them precedence.
   */
  static Locale choose(String lang, Map<String, String> env) {
    if (lang != null) {
      return forTag(lang);
    }
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        return forTag(value);
      }
    }
    return Locale.ENGLISH;
  }

  /** {@code zh}, {@code zh_CN.UTF-8}, {@code zh-Hans} are Chinese; everything else is English. */
  static Locale forTag(String tag) {
    return tag.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : Locale.ENGLISH;
  }
}
