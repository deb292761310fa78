package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each command with the real GNU tool on a tree on disk and with layerlab's utility on the
 * same tree imported into the simulated host; output, errors and exit status must be equal.
 * Normalised only where the two disks must differ: inode numbers ({@code #ino}), the device
 * number and the times stat prints ({@code #stat}), and readdir order ({@code #sorted}).
 */
class CoreutilsDifferentialTest {
  private Path tree;
  private Path outDir;

  @BeforeEach
  void build() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root for mknod and chown");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setfattr")), "needs the attr package");
    tree = RealTree.create();
    outDir = Files.createTempDirectory("layerlab-out");
  }

  @AfterEach
  void clean() throws IOException {
    RealTree.delete(tree);
    RealTree.delete(outDir);
  }

  static Stream<String> commands() {
    return Stream.of(
        // ls
        "ls", "ls -1", "ls -a d", "ls -A", "ls -l", "ls -la d", "ls -lA", "ls -ln", "ls -lh", "ls -lhA", "ls -d d",
        "ls -ld d sticky emptydir", "ls -l wh null", "ls -l link dangling dirlink", "ls dirlink", "ls -l dirlink",
        "ls -F", "ls -AF", "ls -lF", "ls -R", "ls -lR d", "ls -1F d", "ls nosuch", "ls a.txt nosuch d",
        "ls -l old future a.txt", "ls -i a.txt hard #ino", "ls -li #ino", "ls -C", "ls -C -w 40",
        "ls -lt", "ls -lS", "ls -lr", "ls -ld .", "ls -l suid sgid exec.sh", "ls -l owned numeric", "ls -s -l d",
        "ls -z", "ls --bogus", "ls -l big huge", "ls -lh big huge", "ls d/e", "ls -a emptydir", "ls -l 'with space'",
        // cat, head, tail, wc
        "cat a.txt", "cat a.txt d/g", "cat nosuch", "cat d", "cat -n a.txt d/g", "head -n 1 a.txt", "head -c 3 big",
        "head a.txt d/g", "tail -n 1 a.txt", "tail -c 4 a.txt", "tail -n +2 d/g", "wc a.txt", "wc -l a.txt d/g",
        "wc -c big huge", "wc -w d/g", "wc nosuch",
        // stat
        "stat a.txt #stat", "stat d #stat", "stat link #stat", "stat wh #stat", "stat empty #stat",
        "stat -c '%n %F %a %A %s %h' a.txt d link wh empty", "stat -c '%u %g %U %G' owned numeric a.txt",
        "stat -c '%t %T %F' wh null", "stat -c %N link dangling a.txt", "stat -L -c '%F %s' link dirlink",
        "stat -c '%A %a' suid sgid sticky", "stat nosuch", "stat -c '%i' a.txt #ino", "stat -c '[%5s] [%-5s]' a.txt",
        // find
        "find . #sorted", "find . -type f #sorted", "find . -type d #sorted", "find . -type l #sorted",
        "find . -type c #sorted", "find . -name '*.txt' #sorted", "find . -maxdepth 1 #sorted",
        "find . -mindepth 2 #sorted", "find d -printf '%p %P %y %m %M %s\\n' #sorted",
        "find . -type l -printf '%p -> %l\\n' #sorted", "find nosuch", "find . -name 'e*' -type f #sorted",
        "find . -type f -name a.txt -print", "find . -maxdepth 1 -type d -name '.*' #sorted", "find . -xdev -type c #sorted",
        "find d -name f -o -name g #sorted", "find . ! -type f -maxdepth 1 #sorted", "find . -bogus",
        "find . -empty #sorted", "find . -perm -4000",
        "find . -type c -exec ls -l {} \\; #sorted", "find d -name g -exec cat {} \\;", "find d -type f -exec false {} \\; -print",
        "find . -maxdepth 1 -name '*.txt' -exec stat -c '%n %s' {} + #sorted",
        // getfattr / setfattr
        "getfattr -d a.txt", "getfattr a.txt", "getfattr -d -m - d", "getfattr -n trusted.overlay.opaque d",
        "getfattr -n user.nope a.txt", "getfattr --only-values -n user.comment a.txt", "getfattr -d -e hex a.txt",
        "getfattr -d -e base64 a.txt", "getfattr -d -e text a.txt", "getfattr -d -m trusted d", "getfattr -d nosuch",
        "getfattr -R -d d", "getfattr -d -m '' d/g",
        "setfattr -n user.x -v 42 empty; getfattr -d empty", "setfattr -x user.comment a.txt; getfattr -d a.txt",
        "setfattr -n user.h -v 0x6869 empty; getfattr -n user.h empty",
        // changing the tree
        "touch new; ls -l new | cut -c1-25", "touch -d '2011-05-06 07:08:09' empty; ls -l empty", "touch d/nope/x",
        "mkdir m; ls -ld m | cut -c1-25", "mkdir -p p/q/r; find p #sorted", "mkdir -m 700 m7; stat -c %A m7",
        "mkdir d", "mkdir a/b/c", "mkdir -p a.txt/x", "rm a.txt; ls", "rm d", "rm -r d; ls", "rm -f nosuch; echo $?",
        "rm nosuch", "rm -rf d sticky; ls -A", "rmdir emptydir; ls", "rmdir d", "rm wh link; ls",
        "mv a.txt moved; ls", "mv a.txt d; ls d", "mv nosuch x", "mv d d/e", "mv empty big; ls -l big",
        "cp a.txt copy; cat copy; ls -l copy", "cp d x", "cp -r d x; find x #sorted", "cp -a d x; ls -lR x",
        "cp -p old keep; ls -l keep", "cp -a link lcopy; ls -l lcopy", "cp a.txt d/; ls d", "cp nosuch x",
        "ln -s a.txt s2; ls -l s2", "ln a.txt h2; ls -l a.txt", "ln -s a.txt link", "ln -sf empty link; ls -l link",
        "ln d dhard", "chmod 600 a.txt; ls -l a.txt", "chmod u+x,g-r a.txt; stat -c %A a.txt", "chmod a=r empty; stat -c %a empty",
        "chmod -R go-rwx d; ls -lR d", "chmod 4755 empty; ls -l empty", "chmod +t emptydir; stat -c %A emptydir",
        "chmod xyz a.txt", "chmod 644 nosuch", "chown 33:33 a.txt; ls -l a.txt", "chown nobody a.txt",
        "chown -R 1234 d; ls -ln d", "truncate -s 10 empty; stat -c %s empty", "truncate -s 1 a.txt; cat a.txt",
        // text tools
        "grep hello a.txt d/g", "grep -r hello . #sorted", "grep -n o a.txt", "grep -v hello a.txt", "grep -i HELLO a.txt",
        "grep -l hello a.txt d/g empty", "grep nothing a.txt", "grep x nosuch", "grep -c l a.txt",
        "sort d/g a.txt", "sort -r a.txt", "printf 'b\\na\\nb\\n' | sort | uniq -c", "printf '3\\n10\\n2\\n' | sort -n",
        "basename /a/b/c.txt .txt", "dirname /a/b/c", "dirname c", "readlink link", "readlink dirlink",
        "readlink a.txt; echo $?", "du -s d", "du -sh big huge", "du d", "diff a.txt d/g", "diff -u a.txt d/g | tail -n +3",
        "diff -r d d; echo $?", "cp -r d d2; echo new >> d2/g; diff -r d d2", "cat a.txt | wc -l", "echo *.txt",
        "cat a.txt | tr a-z A-Z", "tr -d l < a.txt", "cat a.txt | tee t1 | wc -c; cat t1", "ls d | xargs echo",
        "find d -type f | sort | xargs cat", "cut -c1-3 a.txt", "cut -d' ' -f2 d/g", "head -n -1 d/g",
        "ls -ld sticky emptydir d/e", "ls -lL link dirlink", "ls -la d/e", "stat -c '%n %s %b %B %o' big huge empty",
        "ls -l --color=never d", "ls -sh big huge", "ls -1 -i d #ino", "du -a d #sorted", "tree #tree", "tree -a d #tree", "tree -L 1 #tree", "tree -d #tree",
        "tree nosuch #tree", "tree d sticky #tree", "du -sh d", "du -c a.txt big");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void matchesGnu(String testCase) throws IOException {
    String command = testCase.replaceAll(" #\\w+$", "");
    String tag = testCase.contains(" #") ? testCase.substring(testCase.lastIndexOf(" #") + 2) : "";
    assumeTrue(!tag.equals("tree") || Files.isExecutable(Path.of("/usr/bin/tree")), "tree is not installed");
    Sim sim = new Sim(HostMachine.create(Clock.systemUTC()));
    RealTree.importInto(tree, sim);
    String real = runReal(command);
    sim.out("cd /work");
    sim.run("{ " + command + "\n} > /tmp/out 2> /tmp/err; echo $? > /tmp/rc");
    String ours = new String(sim.host.vfs().read("/tmp/out"), StandardCharsets.ISO_8859_1) + "\n--stderr--\n"
        + new String(sim.host.vfs().read("/tmp/err"), StandardCharsets.ISO_8859_1) + "--status--\n"
        + new String(sim.host.vfs().read("/tmp/rc"), StandardCharsets.ISO_8859_1);
    assertThat(normalise(ours, tag)).as(command).isEqualTo(normalise(real, tag));
  }

  private String runReal(String command) throws IOException {
    String script = "{ " + command + "\n} > '" + outDir + "/out' 2> '" + outDir + "/err'; echo $? > '" + outDir + "/rc'";
    RealBash.run(tree, script);
    return Files.readString(outDir.resolve("out"), StandardCharsets.ISO_8859_1) + "\n--stderr--\n"
        + Files.readString(outDir.resolve("err"), StandardCharsets.ISO_8859_1) + "--status--\n"
        + Files.readString(outDir.resolve("rc"), StandardCharsets.ISO_8859_1);
  }

  private static String normalise(String text, String tag) {
    String t = text;
    switch (tag) {
      case "ino" -> t = t.replaceAll("\\d{3,}", "N").replaceAll(" +", " ");
      case "stat" -> t = t.replaceAll("Device: \\d+,\\d+", "Device: D")
          .replaceAll("(Access|Modify|Change|Birth): [-0-9]+ [0-9:.]+ [-+]\\d{4}", "$1: T")
          .replaceAll("Birth: -", "Birth: T")
          .replaceAll("Inode: \\d+ +", "Inode: N ");
      case "sorted" -> {
        String[] parts = t.split("\n--stderr--\n", 2);
        String[] lines = parts[0].split("\n");
        Arrays.sort(lines);
        t = Arrays.stream(lines).collect(Collectors.joining("\n")) + "\n--stderr--\n" + parts[1];
      }
      default -> { }
    }
    return t;
  }
}
