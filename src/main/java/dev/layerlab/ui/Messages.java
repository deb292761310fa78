package dev.layerlab.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/** The REPL's own words in the learner's language, from {@code dev/layerlab/ui/messages*.properties}. */
public final class Messages {

  private static final String BASE_NAME = "messages";

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
      bundle = bundle(BASE_NAME, locale);
    }
    return bundle;
  }

  /**
   * The bundle {@code base} (a resource name, relative to this package unless it starts with /)
   * for {@code locale}. Read directly rather than through ResourceBundle.getBundle, whose look-up
   * machinery costs tens of milliseconds at startup. The chain is the same: base_zh_CN falls back
   * to base, and the JVM's default locale plays no part (--lang en means English).
   */
  static ResourceBundle bundle(String base, Locale locale) {
    ResourceBundle english = load(base + ".properties", null);
    return locale.getLanguage().equals("zh") ? load(base + "_zh_CN.properties", english) : english;
  }

  private static ResourceBundle load(String resource, ResourceBundle parent) {
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      return new Bundle(in, parent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A properties bundle with a parent to fall back on, UTF-8 as Java 9+ reads them. */
  private static final class Bundle extends PropertyResourceBundle {
    Bundle(InputStream in, ResourceBundle parent) throws IOException {
      super(new InputStreamReader(in, StandardCharsets.UTF_8));
      if (parent != null) {
        setParent(parent);
      }
    }
  }
}
