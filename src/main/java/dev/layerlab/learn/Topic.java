package dev.layerlab.learn;

import java.util.List;
import java.util.Map;

/**
 * One {@code :explain} topic: a name the learner types, other names that lead to it, related
 * topics, and per language a one-line summary and a short text.
 *
 * @param summary language tag to one line
 * @param body language tag to the text (lines starting with {@code $ } are commands to try)
 */
public record Topic(String name, List<String> aliases, List<String> see, Map<String, String> summary,
    Map<String, String> body) {

  /** The summary in {@code lang}, English when there is no translation. */
  public String summary(String lang) {
    return summary.getOrDefault(lang, summary.get(Lang.EN));
  }

  /** The text in {@code lang}, English when there is no translation. */
  public String body(String lang) {
    return body.getOrDefault(lang, body.get(Lang.EN));
  }
}
