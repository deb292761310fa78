package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerlab.vfs.CredentialedVfs;
import dev.layerlab.vfs.Credentials;
import dev.layerlab.vfs.Vfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel's permission checks as a user who is not root: each command runs as nobody
 * (uid 65534, gid 65534, no other groups) with the real GNU tools under {@code setpriv} on a tree
 * on disk, and in layerlab on the same tree through {@link CredentialedVfs}. Output, errors and
 * exit status must be equal, and so must the tree afterwards (names, owners, modes), which
 * root lists on both sides.
 */
class UserPermissionDifferentialTest {
  private static final Credentials NOBODY = new Credentials(65534, 65534, List.of());

  /** Directories and files each check meets: owned by root or nobody, private, shared, sticky, setgid. */
  private static final String TREE = String.join("\n",
      "set -e",
      "chmod 755 .",
      "printf 'pub\\n' > public; chmod 644 public",
      "printf 'sec\\n' > secret; chmod 600 secret",
      "printf 'w\\n' > writable; chmod 666 writable",
      ": > suid; chmod 4755 suid",
      "mkdir rootonly; printf 'r\\n' > rootonly/f; chmod 700 rootonly",
      "mkdir readonly; printf 'r\\n' > readonly/f",
      "mkdir open; chmod 777 open",
      "mkdir sticky; chmod 1777 sticky; : > sticky/roots; : > sticky/theirs; chown 65534:65534 sticky/theirs",
      "mkdir mine; printf 'm\\n' > mine/f; mkdir mine/sub; chown -R 65534:65534 mine",
      "mkdir grp; chown 0:65534 grp; chmod 770 grp",
      "mkdir noexec; : > noexec/f; chmod 666 noexec",
      "mkdir sgid; chown 0:4321 sgid; chmod 2777 sgid",
      "ln -s rootonly/f tosecret",
      "ln -s public topublic",
      "mkdir -p open/deep/er; chmod 777 open/deep",
      "mkdir open/rootdir",
      ": > mine/rootgrp; chown 65534:0 mine/rootgrp",
      "setfattr -n user.note -v hi public; setfattr -n user.note -v mine mine/f",
      "setfattr -n trusted.overlay.opaque -v y mine/sub",
      "ln -s loop2 open/loop1; ln -s loop1 open/loop2");

  private static final String DIVERGES = " #diverges";

  /** Marks a command whose lines come in readdir order, which differs between the two disks. */
  private static final String SORTED = " #sorted";

  private static final String LISTING = "find . -mindepth 1 | sort | xargs stat -c '%n %u %g %a'";

  /** What a command left in {@code $T}, a directory outside the tree that anyone may write. */
  private static final String ELSEWHERE = "cd \"$T\" && find . -mindepth 1 -printf '%p %U %G %m\\n' | sort";

  private Path tree;
  private Path elsewhere;

  @BeforeEach
  void build() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to make the tree and to become nobody");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
    tree = Files.createTempDirectory("layerlab-perm");
    Sim.Result r = RealBash.run(tree, TREE);
    assertThat(r.err()).isEmpty();
    elsewhere = Files.createTempDirectory("layerlab-perm-t");
    RealBash.run(elsewhere, "chmod 1777 .");
  }

  @AfterEach
  void clean() throws IOException {
    RealTree.delete(tree);
    RealTree.delete(elsewhere);
  }

  static Stream<String> commands() {
    return Stream.of(
        // reading and searching
        "cat public", "cat secret", "cat rootonly/f", "cat tosecret", "cat topublic", "ls rootonly",
        "ls -d rootonly/f", "stat -c %s rootonly/f", "cat noexec/f", "ls readonly", "head -c 2 writable",
        // creating
        "touch newfile", "touch open/new", "touch readonly/new", "echo x > open/n", "echo x > newfile",
        "mkdir open/dir", "mkdir readonly/dir", "mkdir -p open/a/b/c", "mkdir -p readonly/a/b",
        "touch sgid/f", "mkdir sgid/d", "ln -s public open/l", "touch grp/x", "touch mine/new",
        "cp public open/copy", "cp secret open/copy", "cp -r mine open/mine2",
        // writing
        "echo x >> writable; cat writable", "echo x > public", "echo x > secret", "touch public", "touch writable",
        "truncate -s 0 public", "truncate -s 1 writable", "echo y > mine/f; cat mine/f",
        // removing and renaming
        "rm public", "rm -f public", "rm sticky/roots", "rm sticky/theirs", "rm -r mine/sub", "rmdir readonly",
        "rm -rf readonly", "mv public open/", "mv sticky/theirs open/t", "mv mine/f mine/g", "mv sticky/roots open/",
        "mv mine/sub open/sub", "rm open/deep/er -r", "mv writable open/",
        // owners, modes, links
        "chmod 777 public", "chmod 600 mine/f", "chmod g+s mine/f", "chmod 2755 mine/sub", "chown 0 mine/f",
        "chown 65534:65534 mine/f", "chgrp root mine/f", "chown nobody public", "ln public open/hard",
        "ln writable open/hard", "ln mine/f open/hard", "ln suid open/hard",
        // who am I
        "chown :root mine/f", "chmod g+s mine/rootgrp; stat -c %a mine/rootgrp", "chmod -R o-w open/deep",
        "mv open/rootdir open/deep/", "mv open/rootdir open/renamed", "cat open/loop1",
        // extended attributes: user.* as the file's permissions allow, trusted.* out of sight
        "getfattr -d public", "getfattr -d -m - mine/sub", "setfattr -n user.x -v 1 public",
        "setfattr -n user.x -v 1 mine/f; getfattr -d mine/f", "setfattr -n trusted.x -v 1 mine/f",
        "setfattr -x user.note mine/f; getfattr -d mine/f", "getfattr -n trusted.overlay.opaque mine/sub", "rm -rf open sticky", "touch sticky/theirs sticky/roots",
        "ls -l rootonly",
        "for f in public secret writable mine mine/f rootonly noexec; do [ -r $f ] && echo r$f; [ -w $f ] && echo w$f; "
            + "[ -x $f ] && echo x$f; test -O $f && echo O$f; [ -G $f ] && echo G$f; done",
        "for f in public secret writable mine rootonly; do [[ -r $f ]] && echo r$f; [[ -w $f && -O $f ]] && echo wO$f; done",
        // walking a tree some of which is denied: what each tool reports, how it goes on, and its status.
        // A case marked #diverges is skipped while it differs and fails once it agrees, so that the mark goes then
        "chown -R 65534 open #sorted", "chown -R 65534 mine noexec rootonly #sorted", "chgrp -R 65534 . #sorted",
        "chown 65534 rootonly/f", "find . -name f #sorted", "find . -type d #sorted", "find noexec -empty",
        "find noexec -printf '%p %s\\n'", "find noexec -type f -perm -644", "find . -maxdepth 1 -type l #sorted",
        "ls -R", "ls -R open noexec", "ls -F noexec", "ls -i noexec", "ls -lR noexec", "ls -ls noexec open",
        "du -s .", "du rootonly noexec", "du -a open mine #sorted", "grep -r r . #sorted", "grep r secret public",
        "grep -rl r open noexec rootonly #sorted", "grep -s r secret readonly/f", "cp -r . \"$T/all\" #sorted",
        "cp -r noexec rootonly open", "cp -r readonly open/r; chmod 555 open/r; cp -r mine open/r",
        "find . -depth -name 'r*' #sorted", "find -L . -name 't*' #sorted", "find noexec/f", "ls -lR rootonly noexec",
        "ls -ld noexec/f rootonly/f", "ls -a noexec", "ls -la rootonly", "ls -lL noexec", "ls -t noexec",
        "ls -RF open noexec", "du -a noexec", "du -s rootonly/f", "grep -r r noexec", "grep -R r . #sorted",
        "grep -c r noexec/f readonly/f", "cp -a mine open/m; ls -lR open/m", "cp -rp noexec open/n", "cp noexec/f open/n",
        "chown -R 65534 noexec/f", "chown -Rh 65534 tosecret",
        "cd rootonly", "cd noexec", "cd open/deep && ls", "cd sticky && cd .. && ls -d public",
        // who am I
        "id", "id -u", "id -un", "id -G");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void nobodySeesWhatTheKernelAllows(String testCase) {
    boolean known = testCase.endsWith(DIVERGES);
    String command = known ? testCase.substring(0, testCase.length() - DIVERGES.length()) : testCase;
    boolean sorted = command.endsWith(SORTED);
    command = sorted ? command.substring(0, command.length() - SORTED.length()) : command;
    HostMachine host = HostMachine.create(Clock.systemUTC());
    Sim root = new Sim(host);
    RealTree.importInto(tree, root);
    host.vfs().mkdir("/tmp/t", 01777);

    Sim.Result real = RealBash.exec(tree, List.of("env", "T=" + elsewhere, "setpriv", "--reuid=65534",
        "--regid=65534", "--clear-groups", "bash", "-c", command));
    String realAfter = RealBash.run(tree, LISTING).out() + RealBash.run(tree, "T=" + elsewhere + "; " + ELSEWHERE).out();

    // Standard output goes to a file, as the real side's goes to a pipe: ls lays out columns only on a terminal.
    Shell shell = Shells.on(new AsUser(host, NOBODY));
    Sim.Result ours = run(shell, "cd /work && T=/tmp/t && { " + command + "\n} > /tmp/stdout");
    String oursOut = new String(host.vfs().read("/tmp/stdout"), java.nio.charset.StandardCharsets.UTF_8);
    String oursAfter = root.out("cd /work && " + LISTING) + root.out("T=/tmp/t; " + ELSEWHERE);

    String oursText = readdirOrder(oursOut, sorted) + "--stderr--\n" + readdirOrder(ours.err(), sorted)
        + "--status-- " + ours.status();
    String realText = readdirOrder(real.out(), sorted) + "--stderr--\n"
        + readdirOrder(RealBash.interactiveErrors(real.err()), sorted) + "--status-- " + real.status();
    if (known) {
      assertThat(oursText.equals(realText) && oursAfter.equals(realAfter))
          .as(command + " agrees with the kernel now: remove its divergence mark").isFalse();
      Assumptions.abort("known divergence: " + command);
    }
    assertThat(oursText).as(command).isEqualTo(realText);
    assertThat(oursAfter).as("the tree after " + command).isEqualTo(realAfter);
  }

  private static String readdirOrder(String text, boolean sorted) {
    return sorted ? text.lines().sorted().map(l -> l + "\n").collect(java.util.stream.Collectors.joining())
        : text;
  }

  private static Sim.Result run(Shell shell, String script) {
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int status = shell.run(script, new ShellIo(new java.io.ByteArrayInputStream(new byte[0]),
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), false, false, 80));
    return new Sim.Result(out.toString(java.nio.charset.StandardCharsets.UTF_8),
        err.toString(java.nio.charset.StandardCharsets.UTF_8), status);
  }

  /** The host, as a process running as {@code cred} sees it. */
  private record AsUser(HostMachine host, Credentials cred) implements Machine {
    @Override
    public Vfs vfs() {
      return CredentialedVfs.as(host.vfs(), cred);
    }

    @Override
    public Credentials credentials() {
      return cred;
    }

    @Override
    public String hostname() {
      return host.hostname();
    }

    @Override
    public Map<String, String> environment() {
      return host.environment();
    }

    @Override
    public Programs programs() {
      return host.programs();
    }

    @Override
    public Clock clock() {
      return host.clock();
    }

    @Override
    public List<MountEntry> mounts() {
      return host.mounts();
    }
  }
}
