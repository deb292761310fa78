package dev.layerlab.learn;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The learning layer's own sentences in the learner's language ({@code dev/layerlab/learn/words*.properties}). */
public final class Words {
  private static final String BUNDLE = "dev.layerlab.learn.words";

  private final Locale locale;
  private final ResourceBundle bundle;

  private Words(Locale locale) {
    this.locale = locale;
    // No fallback to the JVM's locale: --lang en must give English on a Chinese desktop.
    this.bundle = ResourceBundle.getBundle(BUNDLE, Lang.of(locale).equals(Lang.ZH_CN) ? Locale.SIMPLIFIED_CHINESE
        : Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Words of(Locale locale) {
    return new Words(locale);
  }

  public Locale locale() {
    return locale;
  }

  /** The language tag of these words ({@code en} or {@code zh-CN}). */
  public String lang() {
    return Lang.of(locale);
  }

  /** The sentence for {@code key} with {@code args} filled in; a missing key shows as {@code !key!}. */
  public String get(String key, Object... args) {
    if (!bundle.containsKey(key)) {
      return "!" + key + "!";
    }
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
