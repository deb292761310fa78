package dev.layerlab.shell.util.awk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.shell.HostMachine;
import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;
import dev.layerlab.shell.Shells;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An endless awk loop stops on Ctrl-C (the REPL interrupts the thread) and the line ends with 130. */
class AwkInterruptTest {
  @Test
  void anEndlessLoopStopsWhenTheThreadIsInterrupted() throws InterruptedException {
    Shell shell = Shells.on(HostMachine.create(Clock.systemUTC()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShellIo io = new ShellIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, false, 80);
    AtomicInteger status = new AtomicInteger(-1);
    Thread worker = new Thread(() -> status.set(shell.run("awk 'BEGIN { while (1) n++ }'; echo after", io)));
    worker.start();
    Thread.sleep(300);
    worker.interrupt();
    worker.join(5000);
    assertThat(worker.isAlive()).isFalse();
    assertThat(status.get()).isEqualTo(130);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("after");
  }
}
