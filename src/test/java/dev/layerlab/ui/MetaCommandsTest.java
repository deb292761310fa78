package dev.layerlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry other packages add their {@code :commands} to. */
class MetaCommandsTest {

  /** A command as another package would write one: its own class, its own words. */
  static class ShoutCommand implements MetaCommand {
    @Override
    public String name() {
      return ":shout";
    }

    @Override
    public String summary(Messages messages) {
      return "say it loudly";
    }

    @Override
    public int run(String args, MetaContext context) {
      context.io().out().println(args.toUpperCase(java.util.Locale.ROOT));
      return args.isEmpty() ? 1 : 0;
    }

    @Override
    public List<String> complete(List<String> wordsBefore, String word) {
      return List.of("hello", "help");
    }
  }

  private static MetaCommands withShout() {
    return MetaCommands.standard().add(new ShoutCommand());
  }

  @Test
  void anAddedCommandRunsIsListedAndCompletes() {
    var result = Transcript.repl().shell(ScriptedShell::new).metaCommands(MetaCommandsTest::withShout)
        .check(":sh\thell\t\n:help\n:shout\n", """
        user@box:/tmp$ :shout hello
        HELLO
        user@box:/tmp$ :help
        Meta commands:
          :help            list the commands, one line each
          :quit            leave layerlab
          :shout           say it loudly
        Commands on this machine:
          docker           talk to the Docker daemon: images, containers, builds
          ls               list directory contents
          zzz-undescribed
        user@box:/tmp$ :shout

        user@box:/tmp$
        exit
        """);
    assertThat(result.status()).isEqualTo(1);
  }

  @Test
  void duplicateAndMalformedNamesAreRefused() {
    assertThatThrownBy(() -> MetaCommands.standard().add(new HelpCommand()))
        .hasMessage("meta command :help is already registered");
    MetaCommand bad = new ShoutCommand() {
      @Override
      public String name() {
        return "shout";
      }
    };
    assertThatThrownBy(() -> MetaCommands.standard().add(bad)).hasMessageContaining("not shout");
  }

  @Test
  void onlyAColonFollowedByALetterIsMeta() {
    assertThat(MetaCommands.isMeta(":help")).isTrue();
    assertThat(MetaCommands.isMeta("  :quit now")).isTrue();
    assertThat(MetaCommands.isMeta(":")).isFalse();
    assertThat(MetaCommands.isMeta(": ; ls")).isFalse();
    assertThat(MetaCommands.isMeta("echo :help")).isFalse();
  }
}
