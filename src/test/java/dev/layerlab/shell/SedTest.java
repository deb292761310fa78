package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** sed as a program of the simulated host: where it lives, and stopping a script that never ends. */
class SedTest {
  @Test
  void sedIsBinSedOnTheHostAsOnUbuntu() {
    Sim sim = new Sim();
    assertThat(sim.out("which sed")).isEqualTo("/bin/sed\n");
    assertThat(sim.out("echo hello | /bin/sed 's/l\\+/L/'")).isEqualTo("heLo\n");
    sim.out("rm /bin/sed");
    Sim.Result gone = sim.run("echo hello | sed p");
    assertThat(gone.err()).isEqualTo("bash: sed: command not found\n");
    assertThat(gone.status()).isEqualTo(127);
  }

  @Test
  void anEndlessBranchLoopStopsWhenTheThreadIsInterrupted() throws InterruptedException {
    Sim sim = new Sim();
    AtomicReference<Sim.Result> result = new AtomicReference<>();
    Thread worker = new Thread(() -> result.set(sim.run("sed ':a;ba' /etc/passwd; echo after")));
    worker.start();
    Thread.sleep(200);
    worker.interrupt();
    worker.join(5000);
    assertThat(worker.isAlive()).isFalse();
    assertThat(result.get().status()).isEqualTo(130);
    assertThat(result.get().out()).doesNotContain("after");
    assertThat(sim.out("echo x | sed s/x/y/")).isEqualTo("y\n");
  }

  /** The longest-match search looks a bounded way ahead, so a long line costs linear time, not quadratic. */
  @Test
  void alternationOnALongLineTakesTheLongestMatchEachTime() {
    Sim sim = new Sim();
    StringBuilder line = new StringBuilder();
    for (int k = 0; k < 20000; k++) {
      line.append("ab ");
    }
    sim.host.vfs().write("/tmp/long", (line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        dev.layerlab.vfs.Vfs.WriteMode.CREATE_NEW, 0644);
    assertThat(sim.out("sed 's/a\\|ab/X/g' /tmp/long | wc -c")).isEqualTo("40001\n");
  }
}
