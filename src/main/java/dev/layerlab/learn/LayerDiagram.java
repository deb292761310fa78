package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.learn.Lab.ImageView;
import dev.layerlab.learn.Lab.LayerView;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code :layers [IMAGE|CONTAINER] [--plain]}: the stack of layers, top first. A container's
 * writable layer sits on top, then its init layer, then the image's read-only layers numbered
 * from the bottom (0). RO and RW are spelled out; {@code --plain} drops the box drawing.
 */
final class LayerDiagram {
  private static final int CREATED_BY = 45;

  private LayerDiagram() {}

  /** One row: access, label, size, what made it, where it lives. */
  record Row(String access, String label, String size, String createdBy, String dir) {}

  static String render(String arg, Lab lab, Words w) {
    List<String> words = new ArrayList<>(List.of(arg.strip().split("\\s+")));
    boolean plain = words.remove("--plain");
    words.remove("");
    String ref = words.isEmpty() ? null : words.get(0);
    Optional<ContainerView> c = ref == null ? lab.current().or(() -> lab.containers().stream().findFirst())
        : lab.container(ref);
    Optional<ImageView> image = ref == null ? Optional.empty() : lab.image(ref);
    if (ref == null && c.isEmpty()) {
      image = lab.images().stream().findFirst();
    }
    if (image.isPresent() && (ref != null || c.isEmpty())) {
      ImageView i = image.get();
      return header(w.get("layers.image", i.displayName(), i.shortId(), Sizes.human(i.size())), plain)
          + rows(imageRows(i, w), plain);
    }
    if (c.isPresent()) {
      ContainerView k = c.get();
      List<Row> rows = new ArrayList<>();
      rows.add(new Row("RW", w.get("layers.rw"), Sizes.human(size(lab.host(), k.upperDir())), "", k.upperDir()));
      boolean init = !k.lowerDirs().isEmpty() && k.lowerDirs().get(0).endsWith("-init/diff");
      if (init) {
        rows.add(new Row("RO", w.get("layers.init"), Sizes.human(size(lab.host(), k.lowerDirs().get(0))), "",
            k.lowerDirs().get(0)));
      }
      lab.image(k.imageId()).ifPresent(i -> rows.addAll(imageRows(i, w)));
      String state = w.get("layers.state." + k.state().word());
      return header(w.get("layers.container", k.name(), k.shortId(), k.image(), state), plain) + rows(rows, plain);
    }
    return ref == null ? w.get("layers.empty") + "\n" : w.get("layers.nosuch", ref) + "\n";
  }

  private static List<Row> imageRows(ImageView i, Words w) {
    List<Row> rows = new ArrayList<>();
    for (int n = i.layers().size() - 1; n >= 0; n--) {
      LayerView l = i.layers().get(n);
      rows.add(new Row("RO", w.get("layers.n", n), Sizes.human(l.size()), cut(l.createdBy()), l.diffDir()));
    }
    return rows;
  }

  private static String cut(String s) {
    String flat = s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    return Width.of(flat) <= CREATED_BY ? flat : flat.substring(0, CREATED_BY - 1) + "…";
  }

  private static String header(String text, boolean plain) {
    return text + "\n";
  }

  private static String rows(List<Row> rows, boolean plain) {
    int label = rows.stream().mapToInt(r -> Width.of(r.label())).max().orElse(0);
    int size = rows.stream().mapToInt(r -> r.size().length()).max().orElse(0);
    int made = rows.stream().mapToInt(r -> Width.of(r.createdBy())).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      String lead = plain ? "  " : i == 0 ? " ┌ " : i == rows.size() - 1 ? " └ " : " ├ ";
      sb.append(lead).append(r.access()).append("  ").append(Width.pad(r.label(), label)).append("  ")
          .append(" ".repeat(size - r.size().length())).append(r.size()).append("  ")
          .append(Width.pad(r.createdBy(), made)).append(made > 0 ? "  " : "").append(r.dir()).append('\n');
    }
    return sb.toString().replaceAll(" +\n", "\n");
  }

  /** Bytes of content in a layer directory, counted as Docker does: every non-directory's size. */
  static long size(Vfs host, String dir) {
    if (host == null) {
      return 0;
    }
    long total = 0;
    try {
      for (DirEntry e : host.readDir(dir)) {
        String p = dir + "/" + e.name();
        Stat st = host.lstat(p);
        total += st.isDirectory() ? size(host, p) : st.size();
      }
    } catch (VfsException e) {
      return total;
    }
    return total;
  }
}
