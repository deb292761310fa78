package dev.layerlab.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The REPL's own words in the learner's language, from {@code dev/layerlab/ui/messages*.properties}. */
public final class Messages {

  static final String BUNDLE = "dev.layerlab.ui.messages";

  private final Locale locale;
  private ResourceBundle bundle; // loaded on first use: the -c fast path rarely needs it

  private Messages(Locale locale) {
    this.locale = locale;
  }

  /** Messages for {@code locale}; English when the locale has no bundle of its own. */
  public static Messages of(Locale locale) {
    return new Messages(locale);
  }

  public Locale locale() {
    return locale;
  }

  /** The text for {@code key} with {@code args} filled in, or null when the bundle lacks the key. */
  public String find(String key, Object... args) {
    ResourceBundle b = bundle();
    if (!b.containsKey(key)) {
      return null;
    }
    String pattern = b.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** The text for {@code key}; a missing key is a bug, so it says so in the output rather than failing. */
  public String get(String key, Object... args) {
    String text = find(key, args);
    return text != null ? text : "!" + key + "!";
  }

  ResourceBundle bundle() {
    if (bundle == null) {
      try {
        // No fallback to the JVM's default locale: --lang en must give English on a Chinese desktop.
        bundle = ResourceBundle.getBundle(BUNDLE, locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      } catch (MissingResourceException e) {
        throw new IllegalStateException("resource bundle " + BUNDLE + " is missing from the jar", e);
      }
    }
    return bundle;
  }
}
