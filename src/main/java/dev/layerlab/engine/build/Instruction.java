package dev.layerlab.engine.build;

import java.util.List;
import java.util.Map;

/**
 * One Dockerfile instruction as the parser leaves it.
 *
 * @param line the line it starts on (for error messages)
 * @param keyword lower case ({@code run}, {@code copy}...)
 * @param original the instruction line as written, continuations joined ({@code Step N/M : ...})
 * @param args the text after the keyword and its flags
 * @param flags {@code --name=value} flags before the arguments
 * @param json the exec (JSON) form, null for the shell form
 */
record Instruction(int line, String keyword, String original, String args, Map<String, String> flags,
    List<String> json) {

  String flag(String name) {
    return flags.get(name);
  }

  /** The arguments split on whitespace, as Docker's parser splits {@code COPY a b c}. */
  List<String> fields() {
    if (json != null) {
      return json;
    }
    String t = args.strip();
    return t.isEmpty() ? List.of() : List.of(t.split("[ \t\r\n]+"));
  }
}
