package dev.layerlab.shell.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** go-units sizes and durations, Go's %g, and the tabwriter layout the CLI's tables use. */
class FormatTest {

  @Test
  void sizesHaveThreeSignificantDigitsInDecimalUnits() {
    assertThat(Format.size(0)).isEqualTo("0B");
    assertThat(Format.size(7)).isEqualTo("7B");
    assertThat(Format.size(745)).isEqualTo("745B");
    assertThat(Format.size(2780)).isEqualTo("2.78kB");
    assertThat(Format.size(84117621)).isEqualTo("84.1MB");
    assertThat(Format.size(115_000_000)).isEqualTo("115MB");
    assertThat(Format.size(1162769)).isEqualTo("1.16MB");
    assertThat(Format.size(4_410_000)).isEqualTo("4.41MB");
    assertThat(Format.size(1000)).isEqualTo("1kB");
    assertThat(Format.size(999_600)).isEqualTo("1e+03kB"); // Go's %.3g quirk, as Docker shows it
    assertThat(Format.size(31_757_372, 4)).isEqualTo("31.76MB");
  }

  @Test
  void durationsFollowGoUnits() {
    assertThat(Format.duration(Duration.ofMillis(400))).isEqualTo("Less than a second");
    assertThat(Format.duration(Duration.ofSeconds(1))).isEqualTo("1 second");
    assertThat(Format.duration(Duration.ofSeconds(59))).isEqualTo("59 seconds");
    assertThat(Format.duration(Duration.ofSeconds(90))).isEqualTo("About a minute");
    assertThat(Format.duration(Duration.ofMinutes(45))).isEqualTo("45 minutes");
    assertThat(Format.duration(Duration.ofMinutes(46))).isEqualTo("About an hour");
    assertThat(Format.duration(Duration.ofHours(47))).isEqualTo("47 hours");
    assertThat(Format.duration(Duration.ofDays(13))).isEqualTo("13 days");
    assertThat(Format.duration(Duration.ofDays(28))).isEqualTo("4 weeks");
    assertThat(Format.duration(Duration.ofDays(90))).isEqualTo("3 months");
    assertThat(Format.duration(Duration.ofDays(800))).isEqualTo("2 years");
  }

  @Test
  void ellipsisAndQuoting() {
    assertThat(Format.ellipsis("/bin/sh -c mkdir -p /run/systemd && echo 'docker'", 45))
        .isEqualTo("/bin/sh -c mkdir -p /run/systemd && echo 'do…");
    assertThat(Format.ellipsis("short", 45)).isEqualTo("short");
    assertThat(Format.quote("echo \"hi\"")).isEqualTo("\"echo \\\"hi\\\"\"");
  }

  @Test
  void tabwriterPadsEveryCellButTheLastToTheWidestPlusThreeAtLeastTwenty() {
    String out = new TabWriter().row("A", "B", "C").row("a-very-long-cell-value-x", "b", "").render();
    assertThat(out).isEqualTo("A" + " ".repeat(26) + "B" + " ".repeat(19) + "C\n"
        + "a-very-long-cell-value-x" + " ".repeat(3) + "b" + " ".repeat(19) + "\n");
  }

  @Test
  void templatesReadFieldPathsJsonAndRanges() {
    var data = java.util.Map.<String, Object>of("Id", "sha256:ab", "Data", java.util.Map.of("UpperDir", "/u"),
        "Layers", java.util.List.of("l1", "l2"));
    assertThat(Template.parse("{{.Id}} {{.Data.UpperDir}}").execute(data)).isEqualTo("sha256:ab /u");
    assertThat(Template.parse("{{json .Layers}}").execute(data)).isEqualTo("[\"l1\",\"l2\"]");
    assertThat(Template.parse("{{range .Layers}}<{{.}}>{{end}}").execute(data)).isEqualTo("<l1><l2>");
    assertThat(Template.parse("{{.Nope}}").execute(data)).isEqualTo("<no value>");
    assertThat(Template.parse("{{.Layers}} {{.Data}}").execute(data)).isEqualTo("[l1 l2] map[UpperDir:/u]");
  }
}
