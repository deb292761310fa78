package dev.layerlab.learn;

import java.util.List;
import java.util.Locale;

/** The languages lessons and topics are written in: English, the fallback, and Simplified Chinese. */
public final class Lang {
  /** English: every text must exist in it. */
  public static final String EN = "en";
  /** Simplified Chinese. */
  public static final String ZH_CN = "zh-CN";
  /** Every language a lesson must be translated into. */
  public static final List<String> ALL = List.of(EN, ZH_CN);

  private Lang() {}

  /** The language tag for a locale: zh (any region or script) is zh-CN, everything else English. */
  public static String of(Locale locale) {
    return locale != null && locale.getLanguage().equals("zh") ? ZH_CN : EN;
  }

  /** True for a tag lessons may use. */
  public static boolean known(String tag) {
    return ALL.contains(tag);
  }
}
