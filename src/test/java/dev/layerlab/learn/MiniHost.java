package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerState;
import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.learn.Lab.HistoryView;
import dev.layerlab.learn.Lab.ImageView;
import dev.layerlab.learn.Lab.LayerView;
import dev.layerlab.overlay.OverlayEvent;
import dev.layerlab.overlay.OverlayOptions;
import dev.layerlab.overlay.OverlayVfs;
import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small overlay2 host for tests without the engine: a two-layer image laid out under
 * /var/lib/docker/overlay2 and one running container mounted with the real {@link OverlayVfs}.
 */
final class MiniHost implements Lab {
  static final String O2 = "/var/lib/docker/overlay2/";
  final JimfsVfs disk = JimfsVfs.create();
  final List<OverlayEvent> events = new ArrayList<>();
  final List<ImageView> images = new ArrayList<>();
  final List<ContainerView> containers = new ArrayList<>();
  boolean inside = true;
  /** Where overlay events go besides {@link #events}, as the engine would forward them. */
  java.util.function.BiConsumer<String, OverlayEvent> forward = (id, e) -> {};

  MiniHost() {
    for (String d : List.of("/var", "/var/lib", "/var/lib/docker", "/var/lib/docker/overlay2")) {
      disk.mkdir(d, 0700);
    }
    // layer 0: a tiny rootfs; layer 1: one changed file
    dir("aaaa");
    dir("aaaa/diff");
    for (String d : List.of("etc", "tmp", "bin", "data")) {
      dir("aaaa/diff/" + d);
    }
    file("aaaa/diff/etc/hostname", "base\n");
    file("aaaa/diff/etc/issue", "Ubuntu 18.04.1 LTS\n");
    file("aaaa/diff/data/one", "1\n");
    file("aaaa/diff/data/two", "2\n");
    dir("bbbb");
    dir("bbbb/diff");
    dir("bbbb/diff/etc");
    file("bbbb/diff/etc/motd", "hello from layer 1\n");
    images.add(new ImageView("16508e5c265dcb5c05017a2a8a8228ae12b7b56b2cda0197ed5411bda200a961",
        List.of("ubuntu:18.04"),
        List.of(new LayerView("sha256:c0", "sha256:d0", "aaaa", O2 + "aaaa/diff", 42, "/bin/sh -c #(nop) ADD file:3df in / "),
            new LayerView("sha256:c1", "sha256:d1", "bbbb", O2 + "bbbb/diff", 19, "/bin/sh -c echo hello > /etc/motd")),
        List.of(new HistoryView("/bin/sh -c #(nop) ADD file:3df in / ", false),
            new HistoryView("/bin/sh -c echo hello > /etc/motd", false),
            new HistoryView("/bin/sh -c #(nop)  CMD [\"/bin/bash\"]", true))));
  }

  /** Creates and starts a container on ubuntu:18.04 with mount-id {@code mid}. */
  ContainerView run(String name, String id, String mid) {
    dir(mid + "-init");
    dir(mid + "-init/diff");
    file(mid + "-init/diff/.dockerenv", "");
    dir(mid);
    dir(mid + "/diff");
    dir(mid + "/work");
    List<String> lowers = List.of(O2 + mid + "-init/diff", O2 + "bbbb/diff", O2 + "aaaa/diff");
    Vfs merged = OverlayVfs.mount(disk, lowers, O2 + mid + "/diff", O2 + mid + "/work", OverlayOptions.DEFAULTS,
        e -> {
          events.add(e);
          forward.accept(id, e);
        });
    ContainerView c = new ContainerView(id, name, "ubuntu:18.04", images.get(0).id(), ContainerState.RUNNING, mid,
        O2 + mid + "/diff", lowers, merged);
    containers.add(0, c);
    return c;
  }

  void dir(String rel) {
    disk.mkdir(O2 + rel, 0755);
  }

  void file(String rel, String text) {
    disk.write(O2 + rel, text.getBytes(StandardCharsets.UTF_8), Vfs.WriteMode.CREATE_NEW, 0644);
  }

  @Override
  public Vfs host() {
    return disk;
  }

  @Override
  public List<ImageView> images() {
    return images;
  }

  @Override
  public List<ContainerView> containers() {
    return containers;
  }

  @Override
  public Optional<ContainerView> current() {
    return inside ? containers.stream().filter(ContainerView::running).findFirst() : Optional.empty();
  }
}
