package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.image.BuiltinStub;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shell as the REPL uses it: prompts, continuation, exit, and commands found in the machine's own filesystem. */
class ShellTest {
  private final Sim sim = new Sim();

  @Test
  void promptShowsTildeAtHomeAndThePathElsewhere() {
    assertThat(sim.shell.prompt()).isEqualTo("root@host:~# ");
    sim.out("cd /etc");
    assertThat(sim.shell.prompt()).isEqualTo("root@host:/etc# ");
    sim.out("mkdir -p ~/sub && cd ~/sub");
    assertThat(sim.shell.prompt()).isEqualTo("root@host:~/sub# ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo 'abc", "echo \"abc", "cat <<EOF", "cat <<'EOF'\nline", "echo a |", "echo a &&",
      "false ||", "echo a \\", "if true; then", "if true; then echo; else", "for x in a b; do",
      "while true", "echo $(echo", "{ echo", "( echo", "f() {", "[[ a &&", "[[ a = b", "a=(x y",
      "((1 + 2", "echo $'abc", "for ((i = 0; i < 3; i++)); do"})
  void incompleteLinesAskForMore(String line) {
    assertThat(sim.shell.continuationPrompt(line)).isEqualTo("> ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo ok", "echo ;;", "cat <<EOF\nhi\nEOF", "if true; then echo; fi", "echo 'a\nb'",
      "for x in a; do echo $x; done", "echo a \\\\", "fi", "echo >", "[[ -f ]]", "[[ a", "[[ a ) ]]", "[[ ( a", "((1))",
      "a=(x ; y)"})
  void completeOrBrokenLinesRunAsTheyAre(String line) {
    assertThat(sim.shell.continuationPrompt(line)).isNull();
  }

  @Test
  void evalAndSourceReportSyntaxErrorsInBashsWords() {
    Sim.Result r = sim.run("eval 'fi'; echo status $?");
    assertThat(r.err()).isEqualTo("bash: syntax error near unexpected token `fi'\n");
    assertThat(r.out()).isEqualTo("status 2\n");
    r = sim.run("eval '[[ a b ]]' && echo kept $?");
    assertThat(r.err()).isEqualTo("bash: conditional binary operator expected\n");
    assertThat(r.out()).isEqualTo("kept 0\n");
    r = sim.run("echo '[[ -z' > /tmp/s; source /tmp/s; echo status $?");
    assertThat(r.err()).isEqualTo("bash: /tmp/s: unexpected argument `newline' to conditional unary operator\n");
    assertThat(r.out()).isEqualTo("status 0\n");
  }

  @Test
  void setUReportsAnUnboundVariableAndAbandonsTheLine() {
    Sim.Result r = sim.run("set -u; echo ${x-fine}; echo $x; echo never");
    assertThat(r.out()).isEqualTo("fine\n");
    assertThat(r.err()).isEqualTo("bash: x: unbound variable\n");
    assertThat(r.status()).isEqualTo(1);
    r = sim.run("a=(1); echo ${a[3]}");
    assertThat(r.err()).isEqualTo("bash: a[3]: unbound variable\n");
    assertThat(sim.run("echo $2").err()).isEqualTo("bash: $2: unbound variable\n");
  }

  @Test
  void setEEndsTheShellAtTheFirstUntestedFailure() {
    Sim.Result r = sim.run("set -e; false || echo tested; false; echo never");
    assertThat(r.out()).isEqualTo("tested\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(sim.shell.exitRequested()).isTrue();
  }

  @Test
  void exitEndsTheShellWithItsStatus() {
    Sim.Result r = sim.run("exit 3");
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).as("bash prints exit only to a terminal").isEmpty();
    assertThat(sim.shell.exitRequested()).isTrue();
  }

  @Test
  void exitWithoutNumberKeepsTheLastStatus() {
    assertThat(sim.run("false; exit").status()).isEqualTo(1);
    assertThat(sim.shell.exitRequested()).isTrue();
  }

  @Test
  void deletingTheBinaryBreaksTheCommandButNotTheBuiltins() {
    assertThat(sim.out("ls /etc/hostname")).isEqualTo("/etc/hostname\n");
    sim.out("rm /bin/ls /bin/echo");
    Sim.Result r = sim.run("ls /");
    assertThat(r.err()).isEqualTo("bash: ls: command not found\n");
    assertThat(r.status()).isEqualTo(127);
    assertThat(sim.out("echo still here")).isEqualTo("still here\n");
  }

  @Test
  void aStubRunsTheUtilityItNamesWhateverItsFileName() {
    sim.host.vfs().write("/usr/local/bin/list", BuiltinStub.bytes("ls"), Vfs.WriteMode.CREATE_NEW, 0755);
    assertThat(sim.out("list -d /etc")).isEqualTo("/etc\n");
  }

  @Test
  void aFileThatIsNotExecutableIsRefused() {
    Sim.Result r = sim.run("echo 'echo hi' > x; ./x");
    assertThat(r.err()).isEqualTo("bash: ./x: Permission denied\n");
    assertThat(r.status()).isEqualTo(126);
    assertThat(sim.run("./missing").err()).isEqualTo("bash: ./missing: No such file or directory\n");
    assertThat(sim.run("/etc").err()).isEqualTo("bash: /etc: Is a directory\n");
  }

  @Test
  void shebangScriptsRunThroughTheShellWithTheirArguments() {
    sim.out("printf '#!/bin/sh\\necho \"script $0 $1 $#\"\\nexit 4\\n' > s.sh; chmod +x s.sh");
    Sim.Result r = sim.run("./s.sh one two");
    assertThat(r.out()).isEqualTo("script ./s.sh one 2\n");
    assertThat(r.status()).isEqualTo(4);
    assertThat(sim.out("sh -c 'echo $0-$1' zero first")).isEqualTo("zero-first\n");
    assertThat(sim.out("bash s.sh x; echo $?")).isEqualTo("script s.sh x 1\n4\n");
  }

  @Test
  void aMissingInterpreterIsABadInterpreter() {
    sim.out("printf '#!/bin/nope\\n' > t; chmod +x t");
    Sim.Result r = sim.run("./t");
    assertThat(r.err()).isEqualTo("bash: ./t: /bin/nope: bad interpreter: No such file or directory\n");
    assertThat(r.status()).isEqualTo(126);
    sim.out("rm /bin/sh; printf '#!/bin/sh\\necho hi\\n' > u; chmod +x u");
    assertThat(sim.run("./u").err()).isEqualTo("bash: ./u: /bin/sh: bad interpreter: No such file or directory\n");
  }

  @Test
  void busyboxStyleLinksRunTheAppletTheirNameSays() {
    Vfs vfs = sim.host.vfs();
    vfs.mkdir("/opt/bb", 0755);
    vfs.write("/opt/bb/busybox", "\u007fELF\u0002\u0001\u0001real binary".getBytes(StandardCharsets.ISO_8859_1),
        Vfs.WriteMode.CREATE_NEW, 0755);
    vfs.symlink("busybox", "/opt/bb/cat");
    vfs.write("/opt/bb/mystery", "\u007fELF\u0002".getBytes(StandardCharsets.ISO_8859_1), Vfs.WriteMode.CREATE_NEW, 0755);
    assertThat(sim.out("PATH=/opt/bb; cat /etc/hostname")).isEqualTo("host\n");
    assertThat(sim.out("/opt/bb/busybox echo applet")).isEqualTo("applet\n");
    Sim.Result r = sim.run("/opt/bb/mystery");
    assertThat(r.err()).isEqualTo("bash: /opt/bb/mystery: cannot execute binary file: Exec format error\n");
    assertThat(r.status()).isEqualTo(126);
  }

  @Test
  void otherPackagesRegisterProgramsThatLiveOnThePath() {
    Programs programs = Programs.standard();
    programs.register("docker", ctx -> {
      ctx.out().print("CONTAINER ID        IMAGE\nabc                 ubuntu\n");
      return 0;
    });
    HostMachine host = HostMachine.create(Clock.fixed(Sim.NOW, ZoneOffset.UTC), programs);
    Sim withDocker = new Sim(host);
    assertThat(BuiltinStub.utility(host.vfs().read("/usr/bin/docker"))).contains("docker");
    assertThat(withDocker.out("docker ps | grep ubuntu")).isEqualTo("abc                 ubuntu\n");
    assertThat(withDocker.shell.commandNames()).contains("docker", "ls", "cd");
  }

  @Test
  void aWhiteoutLooksLikeACharacterDeviceZeroZero() {
    sim.host.vfs().mknod("/tmp/wh", FileType.CHAR_DEVICE, 0, 0, 0);
    assertThat(sim.out("ls -l /tmp/wh")).isEqualTo("c--------- 1 root root 0, 0 Oct  1 12:00 /tmp/wh\n");
    assertThat(sim.out("find /tmp -type c")).isEqualTo("/tmp/wh\n");
    assertThat(sim.out("stat -c '%F %t,%T' /tmp/wh")).isEqualTo("character special file 0,0\n");
  }

  @Test
  void lsOnTheTerminalUsesColumnsAndColours() {
    sim.out("mkdir -p /t/dir && touch /t/file /t/exe && chmod +x /t/exe && ln -s file /t/link");
    Sim.Result r = sim.run("ls /t", 80, true);
    assertThat(r.out()).isEqualTo("\033[0m\033[01;34mdir\033[0m  \033[01;32mexe\033[0m  file\t\033[01;36mlink\033[0m\n");
    assertThat(sim.run("ls /t", 80, false).out()).isEqualTo("dir  exe  file\tlink\n");
    assertThat(sim.out("ls /t | cat")).isEqualTo("dir\nexe\nfile\nlink\n");
  }

  @Test
  void lsOnTheTerminalQuotesNamesAsGnuDoes() {
    sim.out("mkdir /q && cd /q && touch 'with space' plain \"it's\"");
    assertThat(sim.run("ls", 80, false).out()).isEqualTo("\"it's\"\t plain\t'with space'\n");
    assertThat(sim.run("ls -1", 80, false).out()).isEqualTo("\"it's\"\nplain\n'with space'\n");
    assertThat(sim.run("ls -l", 80, false).out()).isEqualTo("total 0\n"
        + "-rw-r--r-- 1 root root 0 Oct  1 12:00 \"it's\"\n"
        + "-rw-r--r-- 1 root root 0 Oct  1 12:00  plain\n"
        + "-rw-r--r-- 1 root root 0 Oct  1 12:00 'with space'\n");
    assertThat(sim.out("ls | cat")).isEqualTo("it's\nplain\nwith space\n");
    sim.out("mkdir /q2 && cd /q2 && touch 'a~b' '~x' 'c#d' '#e'");
    assertThat(sim.run("ls", 80, false).out()).isEqualTo("'#e'   a~b   c#d  '~x'\n");
  }

  @Test
  void mountListsTheHostsMountsAndWhatTheEngineAdds() {
    sim.host.addMountSource(() -> List.of(new Machine.MountEntry("overlay", "/var/lib/docker/overlay2/abc/merged",
        "overlay", "rw,relatime,lowerdir=/var/lib/docker/overlay2/l/X,upperdir=u,workdir=w")));
    assertThat(sim.out("mount")).startsWith("/dev/sda1 on / type ext4 (rw,relatime,errors=remount-ro,data=ordered)\n")
        .endsWith("overlay on /var/lib/docker/overlay2/abc/merged type overlay "
            + "(rw,relatime,lowerdir=/var/lib/docker/overlay2/l/X,upperdir=u,workdir=w)\n");
    assertThat(sim.out("mount -t overlay")).startsWith("overlay on ");
  }

  @Test
  void theHostLooksLikeAnUbuntuServer() {
    assertThat(sim.out("hostname; cat /etc/hostname; pwd; id")).isEqualTo("host\nhost\n/root\nuid=0(root) gid=0(root) groups=0(root)\n");
    assertThat(sim.out("stat -c '%A %U' /tmp /var/lib/docker /root")).isEqualTo("drwxrwxrwt root\ndrwx--x--x root\ndrwx------ root\n");
    assertThat(sim.out("ls /var/lib/docker")).isEmpty();
    assertThat(sim.out("which ls find docker-nope sh; echo $?")).isEqualTo("/bin/ls\n/usr/bin/find\n/bin/sh\n1\n");
    assertThat(sim.out("grep PRETTY /etc/os-release")).isEqualTo("PRETTY_NAME=\"Ubuntu 18.04.1 LTS\"\n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cd /nonexistent|bash: cd: /nonexistent: No such file or directory",
      "cat < nofile|bash: nofile: No such file or directory",
      "echo ;;|bash: syntax error near unexpected token `;;'",
      "if true; then|bash: syntax error: unexpected end of file",
      "nosuch|bash: nosuch: command not found",
      "ls /nope|ls: cannot access '/nope': No such file or directory"})
  void errorsAreInTheToolsOwnWords(String line, String error) {
    assertThat(sim.run(line).err()).isEqualTo(error + "\n");
  }

  @Test
  void completionOffersCommandsAndPaths() {
    assertThat(sim.shell.complete(List.of(), "mkd")).containsExactly("mkdir");
    assertThat(sim.shell.complete(List.of("ls"), "/et")).containsExactly("/etc/");
    assertThat(sim.shell.complete(List.of("cat"), "/etc/host")).containsExactly("/etc/hostname", "/etc/hosts");
  }

  @Test
  void cdMinusAndTildeAndPipelinesRunInSubshells() {
    assertThat(sim.out("cd /etc; cd /tmp; cd -; pwd")).isEqualTo("/etc\n/etc\n");
    assertThat(sim.out("cd ~; pwd; cd /usr | true; pwd")).isEqualTo("/root\n/root\n");
    assertThat(sim.out("x=1; export Y=2; env | grep -c '^Y=2$'")).isEqualTo("1\n");
  }
}
