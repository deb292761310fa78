package dev.layerlab.ui;

import dev.layerlab.learn.EngineLab;
import dev.layerlab.learn.Lab;
import dev.layerlab.learn.Learning;
import dev.layerlab.shell.Shell;
import dev.layerlab.shell.docker.DockerHost;
import java.io.IOException;
import java.time.Clock;
import org.jline.terminal.Terminal;

/**
 * The parts the {@code layerlab} command is assembled from. The program uses this class as is;
 * tests override a method to run on a terminal over byte streams or with a scripted shell.
 * Plain methods rather than lambdas: linking the first lambda costs milliseconds at startup.
 */
class Wiring {

  private Learning learning;
  private DockerHost dockerHost;

  /** The simulated Docker host: its daemon and the learner's shell on it. */
  DockerHost dockerHost() {
    if (dockerHost == null) {
      dockerHost = DockerHost.boot(Clock.systemUTC());
    }
    return dockerHost;
  }

  /** The shell of the simulated host, watched by the learning layer. */
  Shell shell() {
    return learning().observe(dockerHost().shell());
  }

  /** The {@code :meta} commands, the learning layer's included. */
  MetaCommands metaCommands() {
    return LessonCommands.addAll(MetaCommands.standard(), learning());
  }

  /** The simulated Docker host as lessons and {@code :explain} read it. */
  Lab lab() {
    return new EngineLab(dockerHost().engine());
  }

  /** The learning layer: lessons, {@code :explain}, {@code :trace}; the shipped lessons unless set. */
  Learning learning() {
    if (learning == null) {
      learning(LessonCommands.learning(System.getenv(), null, false, lab()));
    }
    return learning;
  }

  /** Uses {@code learning} (a teacher's lessons, exam mode) instead of the default one. */
  void learning(Learning learning) {
    this.learning = learning;
    EngineLab.forward(dockerHost().engine(), learning); // the trace hears the overlay of every container
  }

  /** The terminal the REPL runs on; opened only when there is a REPL. */
  Terminal terminal() throws IOException {
    return Terminals.system();
  }

  /** Whether the REPL keeps its history in the history file (else in memory only). */
  boolean history() {
    return true;
  }
}
