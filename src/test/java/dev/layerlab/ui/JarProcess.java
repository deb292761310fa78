package dev.layerlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code target/layerlab.jar} in a fresh JVM, as a learner would. */
final class JarProcess {

  /** What one run printed and returned. */
  record Result(int status, String out, String err) {}

  private JarProcess() {}

  /** The shaded jar; the build passes its path, and tests that need it run after packaging. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("layerlab.jar", "target/layerlab.jar")).toAbsolutePath();
    assertThat(jar).as("the packaged jar (run these tests with mvn verify)").isRegularFile();
    return jar;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The command line that starts the jar with {@code args}. */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs the jar with {@code stdin} piped in and the given extra environment. */
  static Result run(String stdin, Map<String, String> env, boolean mergeErr, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(mergeErr);
    builder.environment().putAll(env);
    Path err = Files.createTempFile("layerlab-err", ".txt");
    try {
      if (!mergeErr) {
        builder.redirectError(err.toFile());
      }
      Process process = builder.start();
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("layerlab finished").isTrue();
      return new Result(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
