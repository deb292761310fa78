package dev.layerlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The packaged jar behaves like the command the tests run in process: one jar, nothing else. */
@Tag("jar")
class JarTest {

  @Test
  void versionFromTheJar() throws Exception {
    var result = JarProcess.run("", Map.of(), false, "--version");
    assertThat(result).isEqualTo(new JarProcess.Result(0, "layerlab 0.1.0\n", ""));
  }

  @Test
  void unknownCommandStatus127() throws Exception {
    var result = JarProcess.run("", Map.of(), false, "-c", "foo");
    assertThat(result).isEqualTo(new JarProcess.Result(127, "", "bash: foo: command not found\n"));
  }

  @Test
  void pipedScriptPrintsNoPromptNoEscapesNoWarnings() throws Exception {
    var result = JarProcess.run("foo\n\n# comment\nbar\nexit 3\n", Map.of("TERM", "xterm-256color"), false);
    assertThat(result).isEqualTo(new JarProcess.Result(
        3, "", "bash: foo: command not found\nbash: bar: command not found\n"));
  }

  @Test
  void usageErrorWithoutStackTrace() throws Exception {
    var result = JarProcess.run("", Map.of(), false, "--frob");
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("Unknown option: '--frob'\n").contains("Usage: layerlab").doesNotContain("\tat ");
  }

  @Test
  void outputIsUtf8WhateverTheLocale() throws Exception {
    var result = JarProcess.run("", Map.of("LANG", "C", "LC_ALL", "C"), false, "--lang", "zh", "-c", ":help");
    assertThat(result.out()).startsWith("元命令：\n");
  }

  @Test
  void standardOutputAndErrorKeepTheirOrderWhenMerged() throws Exception {
    var result = JarProcess.run("", Map.of(), true, "-c", ":help", "-c", "foo", "-c", ":help");
    String help = JarProcess.run("", Map.of(), false, "-c", ":help").out();
    assertThat(result.out()).isEqualTo(help + "bash: foo: command not found\n" + help);
  }
}
