package dev.layerlab.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Dockerfile reference's parsing rules, one at a time. */
class DockerfileParserTest {
  private static List<Instruction> parse(String text) {
    return DockerfileParser.parse(text).instructions();
  }

  @Test
  void commentsBlankLinesAndContinuationsJoinIntoOneInstruction() {
    List<Instruction> ins = parse("# top\n\nFROM ubuntu:18.04\nRUN apt-get update && \\\n"
        + "# a comment inside\n\n    apt-get install -y curl\n  run echo lower\n");
    assertThat(ins).extracting(Instruction::keyword).containsExactly("from", "run", "run");
    assertThat(ins.get(1).original()).isEqualTo("RUN apt-get update &&     apt-get install -y curl");
    assertThat(ins.get(1).line()).isEqualTo(4);
    assertThat(ins.get(2).original()).isEqualTo("run echo lower");
  }

  @Test
  void theEscapeDirectiveChangesTheContinuationCharacter() {
    DockerfileParser.Parsed p = DockerfileParser.parse("# escape=`\nFROM scratch\nCOPY a `\n  b\\c/ /\n");
    assertThat(p.escape()).isEqualTo('`');
    assertThat(p.instructions().get(1).fields()).containsExactly("a", "b\\c/", "/");
    // after the first instruction or comment, a directive is only a comment
    assertThat(DockerfileParser.parse("# hello\n# escape=`\nFROM x\n").escape()).isEqualTo('\\');
    assertThatThrownBy(() -> DockerfileParser.parse("# escape=x\nFROM x\n"))
        .hasMessage("invalid ESCAPE 'x'. Must be ` or \\");
  }

  @Test
  void execFormIsAJsonArrayAndAnythingElseIsTheShellForm() {
    List<Instruction> ins = parse("FROM x\nCMD [\"echo\", \"hi there\"]\nCMD [echo, hi]\nENTRYPOINT top -b\n");
    assertThat(ins.get(1).json()).containsExactly("echo", "hi there");
    assertThat(ins.get(2).json()).isNull();
    assertThat(ins.get(2).args()).isEqualTo("[echo, hi]");
    assertThat(ins.get(3).json()).isNull();
  }

  @Test
  void flagsComeBeforeTheArguments() {
    Instruction copy = parse("FROM x\nCOPY --chown=1:2 --from=build /a /b\n").get(1);
    assertThat(copy.flags()).isEqualTo(Map.of("chown", "1:2", "from", "build"));
    assertThat(copy.fields()).containsExactly("/a", "/b");
    assertThatThrownBy(() -> parse("FROM x\nRUN --mount=type=cache echo\n"))
        .hasMessage("dockerfile parse error line 2: Unknown flag: mount");
  }

  @Test
  void errorsCarryTheLineTheInstructionStartsOn() {
    assertThatThrownBy(() -> parse("FROM ubuntu\n\nRUNN echo\n"))
        .isInstanceOf(BuildException.class)
        .hasMessage("dockerfile parse error line 3: unknown instruction: RUNN");
    assertThatThrownBy(() -> parse("FROM a b\n")).hasMessage("dockerfile parse error line 1: FROM requires either one or three arguments");
    assertThatThrownBy(() -> parse("FROM a\nCOPY onlyone\n")).hasMessage("dockerfile parse error line 2: COPY requires at least two arguments");
    assertThatThrownBy(() -> parse("FROM a\nONBUILD ONBUILD RUN x\n"))
        .hasMessage("dockerfile parse error line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    assertThatThrownBy(() -> parse("FROM a\nSHELL /bin/bash -c\n"))
        .hasMessage("dockerfile parse error line 2: SHELL requires the arguments to be in JSON form");
    assertThatThrownBy(() -> parse("# only a comment\n\n")).hasMessage("the Dockerfile (Dockerfile) cannot be empty");
  }

  @Test
  void substitutionFollowsTheReferenceModifiers() {
    Map<String, String> env = Map.of("SET", "value", "EMPTY", "");
    assertThat(Words.word("$SET-${SET}", '\\', env)).isEqualTo("value-value");
    assertThat(Words.word("${UNSET:-default} ${EMPTY:-d2} ${SET:-no}", '\\', env)).isEqualTo("default d2 value");
    assertThat(Words.word("${SET:+alt} [${UNSET:+alt}]", '\\', env)).isEqualTo("alt []");
    assertThat(Words.word("'$SET' \"$SET\" \\$SET", '\\', env)).isEqualTo("$SET value $SET");
    assertThat(Words.words("a \"b c\" d\\ e", '\\', env)).containsExactly("a", "b c", "d e");
    assertThat(Words.nameValues("ENV", "A=1 B=\"two words\"", '\\')).extracting(kv -> kv[0] + "|" + kv[1])
        .containsExactly("A|1", "B|\"two words\"");
    assertThat(Words.nameValues("ENV", "NAME some value", '\\')).extracting(kv -> kv[0] + "|" + kv[1])
        .containsExactly("NAME|some value");
  }

  @Test
  void dockerignorePatternsExcludeFilesAndDirectories() {
    DockerIgnore ig = new DockerIgnore("# comment\n*.log\n**/secret\nbuild\n!build/keep.txt\n");
    assertThat(ig.excluded("app.log")).isTrue();
    assertThat(ig.excluded("sub/app.log")).isFalse();
    assertThat(ig.excluded("a/b/secret")).isTrue();
    assertThat(ig.excluded("secret")).isTrue();
    assertThat(ig.excluded("build/out.o")).isTrue();
    assertThat(ig.excluded("build/keep.txt")).isFalse();
    assertThat(ig.excluded("src/main.c")).isFalse();
  }

  @Test
  void contextSizesPrintAsTheClientPrintsThem() {
    assertThat(BuildContext.humanSize(2048)).isEqualTo("2.048kB");
    assertThat(BuildContext.humanSize(512)).isEqualTo("512B");
    assertThat(BuildContext.humanSize(812_400_000)).isEqualTo("812.4MB");
    assertThat(String.format("%8s", BuildContext.humanSize(10240))).isEqualTo(" 10.24kB");
  }

  @Test
  void goFormattingOfHistoryText() {
    assertThat(GoFormat.quote(List.of("/bin/sh", "-c", "echo \"hi\"\n"))).isEqualTo("[\"/bin/sh\" \"-c\" \"echo \\\"hi\\\"\\n\"]");
    assertThat(GoFormat.duration(GoFormat.parseDuration("90s"))).isEqualTo("1m30s");
    assertThat(GoFormat.duration(GoFormat.parseDuration("1h"))).isEqualTo("1h0m0s");
    assertThat(GoFormat.quoteRune(0)).isEqualTo("'\\x00'");
    assertThat(GoFormat.rfc3339(java.time.Instant.parse("2018-09-20T10:10:00.120Z"))).isEqualTo("2018-09-20T10:10:00.12Z");
  }
}
