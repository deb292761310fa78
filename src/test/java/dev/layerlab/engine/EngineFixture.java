package dev.layerlab.engine;

import dev.layerlab.vfs.FakeClock;
import dev.layerlab.vfs.JimfsVfs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A freshly booted host with a daemon on it: in-memory disk, fake clock, seeded IDs. */
final class EngineFixture {
  final FakeClock clock = new FakeClock();
  final JimfsVfs disk = JimfsVfs.create(clock);
  final MountNamespace host = MountNamespace.host(disk);
  final Engine engine;
  final List<EngineEvent> events = new ArrayList<>();

  EngineFixture() {
    this(42);
  }

  EngineFixture(long seed) {
    engine = new Engine(host, Registry.catalog(), OverlayMounter.kernel(), clock, new Random(seed));
    engine.addListener(events::add);
  }

  /** Pulls and returns the non-TTY lines Docker would print. */
  List<String> pull(String ref) {
    List<String> lines = new ArrayList<>();
    engine.pull(ref, e -> {
      if (e instanceof PullEvent.Message m) {
        lines.add(m.id() == null ? m.text() : m.id() + ": " + m.text());
      } else if (e instanceof PullEvent.Progress p && !p.hasBar()) {
        lines.add(p.id() + ": " + p.status());
      }
    });
    return lines;
  }

  String read(String path) {
    return new String(host.read(path), java.nio.charset.StandardCharsets.UTF_8);
  }

  List<String> ls(String path) {
    return host.readDir(path).stream().map(dev.layerlab.vfs.DirEntry::name).toList();
  }
}
