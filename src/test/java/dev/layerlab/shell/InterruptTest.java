package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An endless loop can be stopped the way the REPL stops it on Ctrl-C: by interrupting the thread. */
class InterruptTest {
  @Test
  void interruptingTheThreadAbandonsTheLineWithStatus130() throws InterruptedException {
    Sim sim = new Sim();
    AtomicReference<Sim.Result> result = new AtomicReference<>();
    Thread worker = new Thread(() -> result.set(sim.run("while true; do :; done; echo after")));
    worker.start();
    Thread.sleep(200);
    worker.interrupt();
    worker.join(5000);
    assertThat(worker.isAlive()).isFalse();
    assertThat(result.get().status()).isEqualTo(130);
    assertThat(result.get().out()).doesNotContain("after");
    assertThat(sim.out("echo still usable")).isEqualTo("still usable\n");
  }
}
