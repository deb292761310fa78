package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.learn.Lab.ImageView;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few names a reference solution may leave to the host, because Docker picks them at random:
 * {@code {layer IMAGE N}} (that layer's diff dir, 0 = bottom), {@code {upper CONTAINER}},
 * {@code {id CONTAINER}} and {@code {mount-id CONTAINER}}. Other braces are left alone.
 */
final class Placeholders {
  private static final Pattern P = Pattern.compile("\\{(layer|upper|id|mount-id) ([^{}]*)\\}");

  private Placeholders() {}

  static void validate(String line, Consumer<String> problem) {
    Matcher m = P.matcher(line);
    while (m.find()) {
      String[] w = m.group(2).strip().split("\\s+");
      if (m.group(1).equals("layer") ? (w.length != 2 || !w[1].matches("[0-9]{1,3}")) : w.length != 1) {
        problem.accept("placeholder " + m.group() + " needs " + (m.group(1).equals("layer") ? "{layer IMAGE N}"
            : "{" + m.group(1) + " CONTAINER}"));
      }
    }
  }

  /** {@code line} with every placeholder replaced from the host; an unresolvable one stays as written. */
  static String fill(String line, Lab lab) {
    Matcher m = P.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String[] w = m.group(2).strip().split("\\s+");
      String value = switch (m.group(1)) {
        case "layer" -> lab.image(w[0]).flatMap(i -> layer(i, w.length > 1 ? w[1] : "0")).orElse(null);
        case "upper" -> lab.container(w[0]).map(ContainerView::upperDir).orElse(null);
        case "id" -> lab.container(w[0]).map(ContainerView::id).orElse(null);
        default -> lab.container(w[0]).map(ContainerView::mountId).orElse(null);
      };
      m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static Optional<String> layer(ImageView image, String n) {
    int i = n.matches("[0-9]{1,3}") ? Integer.parseInt(n) : -1;
    return i >= 0 && i < image.layers().size() ? Optional.of(image.layers().get(i).diffDir()) : Optional.empty();
  }
}
