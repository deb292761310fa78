package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case runs with the real GNU sed on a directory of text files on disk and with layerlab's
 * sed on the same files imported into the simulated host; standard output, standard error, the
 * exit status and (where the case prints them) the edited files must be equal byte for byte.
 */
class SedDifferentialTest {
  /** The files every case starts from. */
  static final String FILES = String.join("\n",
      "set -e",
      "printf 'one\\ntwo\\nthree\\nfour\\nfive\\nsix\\nseven\\neight\\nnine\\nten\\n' > lines",
      "printf 'hello world\\nfoo bar baz\\nHello World\\nabc123def\\n  indented line\\n\\ttabbed\\n' > words",
      "printf 'first\\nlast-without-newline' > nonl",
      "printf '# comment\\nListen 80\\nServerName localhost\\n#Port 22\\nPermitRootLogin yes\\n\\n' > conf",
      "printf 'deb http://archive.ubuntu.com/ubuntu/ bionic main restricted\\n"
          + "# deb-src http://archive.ubuntu.com/ubuntu/ bionic main restricted\\n"
          + "deb http://archive.ubuntu.com/ubuntu/ bionic universe\\n' > sources.list",
      "printf 's/one/ONE/\\n/three/d\\n# a comment\\n$a\\\\\\nthe end\\n' > script.sed",
      "printf 'p\\n\\nk\\n' > bad.sed",
      "printf 'a/b/c\\nx|y|z\\n(paren) [bracket] {brace} a+b a?b a*b\\n' > special",
      "printf 'secret=1\\n' > private; chmod 600 private",
      "printf 'x\\ny\\n' > short",
      ": > empty",
      "seq 14 > nums",
      "printf 'a\\tb\\001\\351\\\\\\n' > bytes",
      "mkdir d");

  private Path dir;
  private Path outDir;

  @BeforeEach
  void build() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/sed")) || Files.isExecutable(Path.of("/bin/sed")), "needs GNU sed");
    dir = Files.createTempDirectory("layerlab-sed");
    outDir = Files.createTempDirectory("layerlab-sed-out");
    Sim.Result r = RealBash.run(dir, FILES);
    assertThat(r.status()).as(r.err()).isZero();
  }

  @AfterEach
  void clean() throws IOException {
    RealTree.delete(dir);
    RealTree.delete(outDir);
  }

  static Stream<String> cases() {
    return Stream.of(
        // s and its flags
        "sed s/o/0/ lines", "sed s/o/0/g words", "sed 's/o/0/2' words", "sed 's/o/0/2g' words", "sed -n 's/o/0/p' lines",
        "sed 's/hello/bye/I' words", "sed 's/HELLO/[&]/Ig' words", "sed 's/\\(foo\\) \\(bar\\)/\\2 \\1/' words",
        "sed -E 's/([a-z]+)([0-9]+)/\\2\\1/' words", "sed 's|/|:|g' special", "sed 's,a/b,X,' special",
        "sed 's/a\\/b/SLASH/' special", "sed 's/ /\\n/g' words", "sed 's/o/\\t/' lines", "sed 's/e/&&/g' lines",
        "sed 's/e/\\&/g' lines", "sed 's/x*/-/g' short", "echo baaac | sed 's/a*/x/g'", "echo baaac | sed 's/a*/x/2'",
        "echo baaac | sed 's/a*/x/3'", "sed 's/^/> /' lines", "sed 's/$/;/' nonl", "sed 's/.*/\\U&/' words",
        "sed -E 's/(\\w+) (\\w+)/\\u\\1 \\L\\2/' words", "sed 's/[[:digit:]]\\+/<num>/' words",
        "sed 's/[[:upper:]]/_/g' words", "sed 's/[^a-z]/./g' words", "sed 's/[]]/R/; s/[[]/L/' special",
        "sed 's/a+b/PLUS/; s/a?b/QUESTION/; s/(paren)/P/; s/{brace}/B/' special", "sed -E 's/a\\+b/PLUS/; s/\\(paren\\)/P/' special",
        "sed 's/a\\|b/X/g' special", "sed -E 's/o{2}|l{2}/X/g' words", "sed 's/l\\{2\\}/LL/' words",
        "sed 's/\\<[a-z]/X/g' words", "sed 's/o\\b/O/g' words", "sed 's/[[:space:]]*$//; s/^[[:space:]]*//' words",
        "echo abcd | sed -E 's/(a|ab)(c|bcd)(d*)/[\\1|\\2|\\3]/'", "echo abcd | sed 's/\\(a\\|ab\\)\\(c\\|bcd\\)/[\\1,\\2]/'",
        "sed 's/x/\\x41\\o102\\d067/' short", "sed -e 's/one/1/' -e 's/two/2/' lines", "sed 's/one/1/;s/two/2/' lines",
        "sed --expression=s/one/1/ --quiet --expression=1p lines", "sed -r 's/(e+)/<\\1>/g' lines",
        "sed 's/#\\(Port\\)/\\1/' conf", "sed -i 's/^#\\?PermitRootLogin.*/PermitRootLogin no/' conf; cat conf",
        "sed 's/^# deb-src/deb-src/' sources.list", "sed 's@archive.ubuntu.com@mirror.example.org@g' sources.list",
        // addresses and ranges
        "sed -n 3p lines", "sed -n '$p' lines", "sed 2,4d lines", "sed -n '/four/,/seven/p' lines", "sed -n '/two/,+2p' lines",
        "sed -n '2,~4p' lines", "sed -n '0~3p' lines", "sed -n '1~2p' lines", "sed '3,$d' lines", "sed '2!d' lines",
        "sed '/e/!d' lines", "sed -n '/^#/!p' conf", "sed '0,/o/s/o/O/' lines", "sed '1,/o/s/o/O/' lines",
        "sed -n '5,2p' lines", "sed -n '/t/,3p' lines", "sed -n '/TWO/Ip' lines", "sed -n '\\%a/b%p' special",
        "sed -n '$=' lines", "sed = short", "sed -n '/^$/=' conf", "sed '2,4{s/^/>/;s/$/</}' lines",
        "sed -n '/t/{/e/p}' lines", "sed -n '2{p;p}' lines", "sed '/two/,/four/{/three/d}' lines", "sed '$!N;s/\\n/ /' lines",
        // other commands
        "sed 5q lines", "sed '3q5' lines; echo $?", "sed 3Q lines", "sed '2i\\\ninserted' short", "sed '2a appended' short",
        "sed '$a\\' nonl | tr '\\n' '#'", "sed 'a\\  keep spaces' short", "sed '1i foo\\tbar\\nbaz' short", "sed '2c\\\nchanged' lines",
        "sed '2,3c\\\nchanged range' lines", "sed '2,3!c other' short", "sed -e 'a\\' -e 'two pieces' short",
        "sed '/^Listen/a\\\nListen 8080' conf", "sed 'y/abc/xyz/' words", "sed 'y/o\\n/O_/' lines", "sed '1!G;h;$!d' lines",
        "sed -n 'H;${x;s/\\n/,/g;p}' lines", "sed 'n;d' lines", "sed '$!N;P;D' lines", "sed 'N;N;s/\\n/+/g' lines",
        "sed ':a;N;$!ba;s/\\n/ /g' lines", "sed -e ':a' -e 's/^.\\{1,6\\}$/ &/;ta' short", "sed 's/e/E/;T;s/$/!/' lines",
        "sed 's/one/1/;t;s/$/ no/' lines", "sed -n l bytes", "sed 's/\\o351/E/' bytes", "sed -n 'l 10' words",
        "sed -l 5 -n l short", "sed = nonl", "sed p nonl", "sed -n p nonl short", "sed '$d' nonl", "sed 'r short' short",
        "sed '1r short' nonl", "sed 'R lines' short", "sed -n 'w out.txt' lines; cat out.txt", "sed 's/o/0/w changed' lines; cat changed",
        "sed F short", "sed z short", "sed -s -n '$=' lines short", "sed -s 1d lines short", "sed -n '$=' lines short",
        "sed -z 's/\\n/,/g' short", "sed -f script.sed lines", "sed -n -f script.sed -e p short", "printf 'a b\\n' | sed 's/ /\\\n/'",
        "sed '#n' short", "sed \"$(printf '#n\\np')\" short", "sed -n -e '/one/{' -e 'p' -e '}' lines", "sed -- s/x/X/ short",
        "sed s/x/X/ - < short", "cat short | sed = - short", "sed 's/x/a\\\nb/' short", "sed 'e echo hi' short",
        "sed --posix -n 1p lines", "sed --debug -n 1p short | head -0",
        // in place
        "sed -i s/x/X/ short; cat short", "sed -i -e 1d -e s/y/Y/ short lines; cat short lines",
        "sed -i.bak s/x/X/ short; cat short short.bak", "sed -i s/secret/public/ private; stat -c '%a %s' private; cat private",
        "sed -i -n 2p lines; cat lines", "sed -i 3q lines; cat lines", "sed -i'orig_*' 1d short; ls; cat orig_short",
        "sed -i s/x/X/ nofile short; echo $?; cat short", "sed -i p d; echo $?", "sed -n -i p", "sed -i = nonl; tr '\\n' '#' < nonl",
        "ln -s short link; sed -i s/x/X/ link; ls -l link | cut -c1; cat short link", "sed --in-place=.b s/y/Y/ short; cat short.b short",
        // errors
        "sed", "sed -x p", "sed --bogus p", "sed -e", "sed s/a/b", "sed 's/a'", "sed s", "sed '{p'", "sed 'p}'", "sed k",
        "sed s/a/b/x lines", "sed s/a/b/gg lines", "sed s/a/b/pp lines", "sed s/a/b/0 lines", "sed s/a/b/2g3 lines",
        "sed 's/\\(a/b/' lines", "sed 's/a\\)/b/' lines", "sed 's/a/\\1/' lines", "sed -E 's/(a)/\\2/' lines", "sed y/ab/x/ lines",
        "sed y/a/b lines", "sed 3, lines", "sed 0p lines", "sed 0,5p lines", "sed 1,2q lines", "sed : lines", "sed bfoo lines",
        "sed /x lines", "sed /x/ lines", "sed 'p x' lines", "sed pp lines", "sed '1!!p' lines", "sed 's/[[:foo:]]/x/' lines",
        "sed 's/a\\{2/x/' lines", "sed 's/x\\{3,1\\}/y/' lines", "sed a lines", "sed r lines", "sed 's/a**/x/' lines",
        "sed -E 's/*a/x/' lines", "sed 's/[/x/' lines", "sed p nofile", "sed p nofile short; echo $?", "sed p d", "sed -f nofile lines",
        "sed -f bad.sed lines", "sed -e p -e '{' -e p lines", "sed 's//x/' lines", "sed -n '/one/s//1/p' lines", "sed 'v 9.0' lines",
        "sed '/nine/,$c\\\nto the end' lines", "sed -n '$h;$G;$p' nonl | tr '\\n' '#'", "sed -n '1h;$G;$p' nonl",
        "sed -n 'p;q' nonl | tr '\\n' '#'", "sed -n 'n;1,+1p' nums", "sed -n 'n;1,2p;3,/7/p' nums",
        "sed -n 'n;n;1~3,5p;2,6p' nums", "sed '1{bx};:x}' lines", "sed '+1p' lines",
        // more regex syntax and rarer corners
        "sed -n '/\\(.\\)\\1/p' lines words", "sed 's/[[:alpha:][:digit:]]*/<&>/' words", "sed 's/[a-]/#/g' special",
        "sed 's/\\./X/g' special", "sed -E 's/e{2,}/E/; s/o{,1}n/N/' lines", "sed 's/e\\{,2\\}/E/2' lines",
        "sed 's/\\s\\+/_/g; s/\\S$/!/' words", "sed 's/\\W/-/g' special", "sed 's/\\B/./g' short",
        "sed 's/^\\`/[/' short", "sed 's/x/\\cA/' short | sed -n l", "sed 'y/xy/\\t\\\\/' short | sed -n l",
        "sed '$!{N}; P; D' lines", "sed -n '2~0p' lines", "sed -n '3~4,+1p' lines", "sed -n '/e/,~4p' lines",
        "sed '2!c not two' short", "sed '1i\\\nfirst\\\nsecond' short", "sed 'a\\\\tab-escaped' short",
        "sed -n '/three/,/six/{//!p}' lines", "sed 's/o/0/;s//O/' lines", "sed -n '/one/I,/FOUR/Ip' lines",
        "sed 'N;s/^t/T/Mg' lines", "sed -n 'w /dev/stdout' short", "sed -s F short lines | head -3",
        "sed 1d nofile lines; echo $?", "printf '1,2p\\np x\\n' > s2.sed; sed -f s2.sed lines",
        "sed -E 's/(a|b)+?/X/' special", "sed -E 's/a{2}*/Y/' special", "sed 's/\\(ab\\)*c/[&]/' special",
        "sed -E 's/[[:punct:]]+/P/g' special", "sed 's/[[:upper:]][[:lower:]]*/W/g' words", "sed -n '/^$/!{/#/!p}' conf",
        "sed -e 's/a/b/' -f script.sed -e '$=' lines", "sed --quiet --regexp-extended 's/(o+)/[\\1]/p' lines",
        "sed --separate -n '1p' lines short", "sed --null-data 's/^/>/' short", "sed --in-place=.orig 2d short; cat short short.orig",
        "sed -i -s 1d short lines; cat short lines", "sed -s 'H;$!d;x' short lines", "sed x short lines short",
        "sed -s x short lines short", "echo aaa | sed 's/a/b/3'", "echo aaa | sed 's/a*/b/2'",
        "echo 'hello' | sed 's/\\(h\\)\\(e\\)\\(l\\)\\(l\\)\\(o\\)/\\5\\4\\3\\2\\1/'", "echo abc | sed 'y/abc/ABC/;s/B/&&/'", "sed 1}p lines", "sed 's/a/b/w' lines", "sed --expression", "sed -l x p lines");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGnuSed(String command) throws IOException {
    Sim sim = new Sim();
    sim.host.vfs().mkdir("/work", 0755);
    DiskImport.importTree(dir, sim.host.vfs(), "/work");
    String real = runReal(command);
    sim.out("cd /work");
    sim.run("{ " + command + "\n} > /tmp/out 2> /tmp/err; echo $? > /tmp/rc");
    String ours = new String(sim.host.vfs().read("/tmp/out"), StandardCharsets.ISO_8859_1) + "\n--stderr--\n"
        + new String(sim.host.vfs().read("/tmp/err"), StandardCharsets.ISO_8859_1) + "--status--\n"
        + new String(sim.host.vfs().read("/tmp/rc"), StandardCharsets.ISO_8859_1);
    assertThat(ours).as(command).isEqualTo(real);
  }

  private String runReal(String command) throws IOException {
    String script = "{ " + command + "\n} > '" + outDir + "/out' 2> '" + outDir + "/err'; echo $? > '" + outDir + "/rc'";
    RealBash.run(dir, script);
    return Files.readString(outDir.resolve("out"), StandardCharsets.ISO_8859_1) + "\n--stderr--\n"
        + Files.readString(outDir.resolve("err"), StandardCharsets.ISO_8859_1) + "--status--\n"
        + Files.readString(outDir.resolve("rc"), StandardCharsets.ISO_8859_1);
  }
}
