package dev.layerlab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExplainTest {
  private final Explain explain = new Explain(Topics.standard());
  private final Words en = Words.of(Locale.ENGLISH);
  private final Words zh = Words.of(Locale.SIMPLIFIED_CHINESE);

  @Test
  void everyTopicTheIssueNamesExistsInEnglishAndChinese() {
    List<String> required = List.of("cow", "copy_up", "whiteout", "opaque", "layer", "image", "container",
        "overlay2", "lowerdir", "upperdir", "workdir", "merged", "diff", "link", "digest", "diffid", "chainid",
        "image-id", "dockerfile", "run-vs-cmd", "build-cache", "init-layer");
    assertThat(Topics.standard().names()).containsAll(required).hasSizeGreaterThanOrEqualTo(20);
    for (Topic t : Topics.standard().all()) {
      for (String lang : Lang.ALL) {
        assertThat(t.summary()).as("summary of %s in %s", t.name(), lang).containsKey(lang);
        assertThat(t.body()).as("text of %s in %s", t.name(), lang).containsKey(lang);
        assertThat(t.summary(lang)).as("summary of %s in %s", t.name(), lang).isNotBlank();
        assertThat(t.body(lang)).as("text of %s in %s", t.name(), lang).contains("\n$ ");
      }
      assertThat(t.summary(Lang.ZH_CN)).as("%s is really translated", t.name()).isNotEqualTo(t.summary(Lang.EN));
      for (String other : t.see()) {
        assertThat(Topics.standard().find(other)).as("%s refers to %s", t.name(), other).isPresent();
      }
    }
  }

  @Test
  void bareExplainListsEveryTopicWithOneLine() {
    String text = explain.explain("", Lab.EMPTY, en).text();
    for (String name : Topics.standard().names()) {
      assertThat(text).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(name) + " +\\S");
    }
    assertThat(explain.explain("", Lab.EMPTY, zh).text()).contains("写时拷贝");
  }

  @Test
  void aliasesAndSpellingsLeadToTheTopic() {
    assertThat(explain.explain("copy-on-write", Lab.EMPTY, en).text()).startsWith("cow — ");
    assertThat(explain.explain("COPY-UP", Lab.EMPTY, en).text()).startsWith("copy_up — ");
    assertThat(explain.explain("image_id", Lab.EMPTY, en).text()).startsWith("image-id — ");
  }

  @Test
  void unknownTopicSaysSoAndFails() {
    Explain.Result r = explain.explain("cowz", Lab.EMPTY, en);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.text()).contains("no topic called \"cowz\"").contains("cow");
  }

  @Test
  void whiteoutTopicTellsTheCorrectedStoryAboutDirectories() {
    String text = explain.explain("whiteout", Lab.EMPTY, en).text();
    assertThat(text).contains("0,0").contains("c---------").contains("(not an opaque directory)");
    assertThat(explain.explain("opaque", Lab.EMPTY, en).text()).contains("rm -rf /data, then mkdir /data");
    assertThat(explain.explain("read-only", Lab.EMPTY, en).text()).contains("not only the bottom one");
  }

  @Test
  void insideAContainerCowListsWhatWasCopiedUpAndFromWhichLayer() {
    MiniHost host = new MiniHost();
    var c = host.run("demo", "f488754f6f7d0000000000000000000000000000000000000000000000000000", "m1");
    assertThat(explain.explain("cow", host, en).text()).contains("no files copied up yet");
    c.merged().read("/etc/issue"); // a read copies nothing
    c.merged().write("/etc/issue", "changed\n".getBytes(StandardCharsets.UTF_8), Vfs.WriteMode.APPEND, 0);
    c.merged().write("/etc/motd", "x".getBytes(StandardCharsets.UTF_8), Vfs.WriteMode.TRUNCATE, 0);
    String text = explain.explain("cow", host, en).text();
    assertThat(text).contains("In container demo (f488754f6f7d)")
        .contains("C /etc/issue   copied up from image layer 0; now 27 bytes")
        .contains("C /etc/motd   copied up from image layer 1; now 1 byte")
        .doesNotContain("/etc/hostname");
    assertThat(explain.explain("cow", host, zh).text()).contains("C /etc/issue   从镜像第 0 层 copy_up 上来；现在 27 字节");
  }

  @Test
  void insideAContainerWhiteoutAndOpaqueListTheirOwn() {
    MiniHost host = new MiniHost();
    var c = host.run("demo", "f488754f6f7d0000000000000000000000000000000000000000000000000000", "m1");
    c.merged().unlink("/data/one");
    c.merged().unlink("/data/two");
    c.merged().rmdir("/data");
    c.merged().mkdir("/data", 0755);
    c.merged().unlink("/etc/hostname");
    String wh = explain.explain("whiteout", host, en).text();
    assertThat(wh).contains("D /etc/hostname   whiteout (char 0,0) hides it in image layer 0");
    String opaque = explain.explain("opaque", host, en).text();
    assertThat(opaque).contains("O /data/   opaque directory");
  }

  @Test
  void imageAndDirectoryTopicsPointAtThisHost() {
    MiniHost host = new MiniHost();
    assertThat(explain.explain("layer", host, en).text())
        .contains("On this host:\n  ubuntu:18.04 (16508e5c265d): 2 layers, 61B\nSee them stacked: :layers ubuntu:18.04");
    assertThat(explain.explain("upperdir", Lab.EMPTY, en).text()).doesNotContain("The upper dir of");
    host.run("demo", "f488754f6f7d" + "0".repeat(52), "m1");
    assertThat(explain.explain("workdir", host, en).text())
        .contains("The workdir of container demo (f488754f6f7d): /var/lib/docker/overlay2/m1/work");
    assertThat(explain.explain("lowerdir", host, zh).text()).contains("容器 demo（f488754f6f7d）的 lowerdir，最上层在前："
        + "/var/lib/docker/overlay2/m1-init/diff:/var/lib/docker/overlay2/bbbb/diff:/var/lib/docker/overlay2/aaaa/diff");
  }
}
