package dev.layerlab.overlay.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The op language reads the experiments' syntax, and every script it prints reads back the same. */
class OpLanguageTest {

  @Test
  void readsTargetsNegationQuotesAndComments() {
    Script s = OpLanguage.parse("t", """
        # a comment line
        lower 2 write /etc/motd "a b\\n\\x00\\"q\\""   # trailing comment
        ! upper rm -r '/odd dir'
        merged ! mkdir /d 1777
        ln -s ../x /y
        chown 1000:50 /y
        mount redirect_dir=on
        """);
    assertThat(s.layers()).isEqualTo(3);
    assertThat(s.steps()).extracting(Step::op).containsExactly(
        new Op.Write("/etc/motd", "a b\n\0\"q\""),
        new Op.Rm("/odd dir", true),
        new Op.Mkdir("/d", 01777),
        new Op.Symlink("../x", "/y"),
        new Op.Chown(1000, 50, "/y"),
        new Op.Mount("redirect_dir=on"));
    assertThat(s.steps()).extracting(Step::mustFail).containsExactly(false, true, true, false, false, false);
    assertThat(s.steps()).extracting(Step::target).containsExactly(Step.Target.LOWER,
        Step.Target.UPPER, Step.Target.MERGED, Step.Target.MERGED, Step.Target.MERGED, Step.Target.MERGED);
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertThatThrownBy(() -> OpLanguage.parse("bad", "mount\nfrobnicate /x\n"))
        .hasMessage("bad:2: unknown op 'frobnicate'");
    assertThatThrownBy(() -> OpLanguage.parse("bad", "write /x \"open"))
        .hasMessageContaining("unterminated double quote");
  }

  @Test
  void everyRandomScriptPrintsAsTextThatReadsBackToTheSameSteps() {
    for (long seed = 0; seed < 300; seed++) {
      Script s = RandomScripts.generate(seed);
      Script back = OpLanguage.parse(s.name(), s.text());
      assertThat(back.steps()).extracting(Step::op).as("seed %d", seed)
          .containsExactlyElementsOf(s.steps().stream().map(Step::op).toList());
      assertThat(back.layers()).isEqualTo(s.layers());
    }
  }

  @Test
  void aSeedAlwaysGivesTheSameScript() {
    assertThat(RandomScripts.generate(1234).text()).isEqualTo(RandomScripts.generate(1234).text());
    assertThat(RandomScripts.generate(1234).text()).isNotEqualTo(RandomScripts.generate(1235).text());
  }

  @Test
  void namedCasesAreAtLeastThirtyAndAllParse() {
    List<Script> cases = NamedCases.scripts();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    assertThat(cases).allSatisfy(c -> assertThat(c.steps()).isNotEmpty());
  }
}
