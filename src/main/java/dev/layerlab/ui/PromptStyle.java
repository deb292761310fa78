package dev.layerlab.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours a plain prompt the way Ubuntu's default {@code .bashrc} does on a colour terminal: bold
 * green {@code user@host}, bold blue working directory, the rest plain.
 */
final class PromptStyle {

  // user@host:path# or user@host:path$ , with the trailing space
  private static final Pattern PS1 = Pattern.compile("([^@:\\s]+@[^:\\s]+):(.*)([#$] )");
  private static final String GREEN = "\033[01;32m";
  private static final String BLUE = "\033[01;34m";
  private static final String RESET = "\033[00m";

  private PromptStyle() {}

  /** {@code prompt} with ANSI colours when {@code colour}; unchanged when it has another shape. */
  static String render(String prompt, boolean colour) {
    if (!colour) {
      return prompt;
    }
    Matcher m = PS1.matcher(prompt);
    if (!m.matches()) {
      return prompt;
    }
    return GREEN + m.group(1) + RESET + ":" + BLUE + m.group(2) + RESET + m.group(3);
  }
}
