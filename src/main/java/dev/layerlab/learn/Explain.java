package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.learn.UpperScan.Change;
import dev.layerlab.learn.UpperScan.Kind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code :explain [TOPIC]}: the topic list, or one topic in the learner's language followed by
 * what the learner's own container shows of it right now.
 */
public final class Explain {
  private static final Set<String> ABOUT_UPPER = Set.of("cow", "copy_up", "whiteout", "opaque", "upperdir",
      "container", "diff");

  private final Topics topics;

  public Explain(Topics topics) {
    this.topics = topics;
  }

  /** Topic names for completion. */
  public List<String> names() {
    return topics.names();
  }

  /** The text for {@code :explain args}; {@code null} result never: unknown topics get a hint. */
  public Result explain(String args, Lab lab, Words words) {
    String name = args.strip();
    String lang = words.lang();
    if (name.isEmpty()) {
      return new Result(0, list(lang, words));
    }
    Optional<Topic> found = topics.find(name);
    if (found.isEmpty()) {
      List<String> close = topics.names().stream().filter(n -> n.startsWith(name.substring(0, 1))).toList();
      String msg = words.get("explain.unknown", name) + "\n"
          + (close.isEmpty() ? words.get("explain.list.hint") : words.get("explain.close", String.join(" ", close)))
          + "\n";
      return new Result(1, msg);
    }
    Topic t = found.get();
    StringBuilder sb = new StringBuilder();
    sb.append(t.name()).append(" — ").append(t.summary(lang)).append("\n\n");
    sb.append(t.body(lang)).append('\n');
    if (!t.see().isEmpty()) {
      sb.append('\n').append(words.get("explain.see")).append(' ');
      sb.append(String.join(", ", t.see().stream().map(s -> ":explain " + s).toList())).append('\n');
    }
    if (ABOUT_UPPER.contains(t.name())) {
      sb.append(context(t.name(), lab, words));
    }
    sb.append(HostContext.about(t.name(), lab, words));
    return new Result(0, sb.toString());
  }

  /** What {@code :explain} printed and its exit status. */
  public record Result(int status, String text) {}

  private String list(String lang, Words words) {
    StringBuilder sb = new StringBuilder(words.get("explain.topics")).append('\n');
    int width = topics.names().stream().mapToInt(Width::of).max().orElse(0) + 2;
    for (Topic t : topics.all()) {
      sb.append("  ").append(Width.pad(t.name(), width)).append(t.summary(lang)).append('\n');
    }
    sb.append(words.get("explain.usage")).append('\n');
    return sb.toString();
  }

  private String context(String topic, Lab lab, Words words) {
    Optional<ContainerView> c = lab.current();
    if (c.isEmpty()) {
      c = lab.containers().stream().filter(ContainerView::running).findFirst();
    }
    if (c.isEmpty() || lab.host() == null) {
      return "";
    }
    ContainerView container = c.get();
    List<Change> changes = new UpperScan(lab.host(), container).changes();
    List<Kind> kinds = switch (topic) {
      case "cow", "copy_up" -> List.of(Kind.COPIED_UP);
      case "whiteout" -> List.of(Kind.WHITEOUT);
      case "opaque" -> List.of(Kind.OPAQUE_DIR);
      default -> List.of(Kind.COPIED_UP, Kind.ADDED, Kind.WHITEOUT, Kind.OPAQUE_DIR);
    };
    List<Change> shown = changes.stream().filter(ch -> kinds.contains(ch.kind())).toList();
    StringBuilder sb = new StringBuilder("\n");
    sb.append(words.get("explain.context." + (shown.isEmpty() ? "none" : "some"), container.name(),
        container.shortId(), container.upperDir(), kindWord(kinds.get(0), words, kinds.size() > 1)));
    sb.append('\n');
    for (Change ch : shown) {
      sb.append("  ").append(line(ch, words)).append('\n');
    }
    return sb.toString();
  }

  private static String kindWord(Kind kind, Words words, boolean all) {
    return all ? words.get("explain.kind.all") : words.get("explain.kind." + kind.name().toLowerCase());
  }

  /** One change in words, e.g. {@code /etc/issue  copied up from layer 0 (26 bytes)}. */
  static String line(Change ch, Words words) {
    return switch (ch.kind()) {
      case COPIED_UP -> words.get("change.copied", ch.path(), layerName(ch.layer(), words), ch.bytes());
      case DIR_COPIED_UP -> words.get("change.dir", ch.path(), layerName(ch.layer(), words));
      case ADDED -> words.get("change.added", ch.path());
      case WHITEOUT -> ch.layer() == null ? words.get("change.whiteout.nolayer", ch.path())
          : words.get("change.whiteout", ch.path(), layerName(ch.layer(), words));
      case OPAQUE_DIR -> words.get("change.opaque", ch.path());
    };
  }

  /** {@code image layer 0} or {@code the init layer} for a label of {@link UpperScan#layerLabel}. */
  static String layerName(String label, Words words) {
    return "init".equals(label) ? words.get("layer.init") : words.get("layer.image", label);
  }
}
