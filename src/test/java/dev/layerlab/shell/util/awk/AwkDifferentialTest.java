package dev.layerlab.shell.util.awk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each command with the real awk (mawk) on files on disk and with layerlab's awk on the same
 * files in the simulated host: output, errors, exit status and any file written must be equal.
 */
class AwkDifferentialTest {
  static final Map<String, String> FILES = Map.of(
      "data.txt", "alice 30 london 1200.50\nbob 25 paris 800\ncarol 35 berlin 1500.25\ndave 28 london 950\n"
          + "eve 40 paris 2000\n",
      "passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
          + "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n",
      "tabs.tsv", "a\tb c\td\n1\t2\t3\n\tlead\n",
      "para.txt", "name: a\nage: 1\n\n\nname: b\nage: 2\n\nname: c\n",
      "nums.txt", "3\n1.5\n-2\n10\nabc\n 7 \n0x1A\n1e3\n.5\n+4\n",
      "csv", "a,b,c\n1,,3\n,x,\n",
      "os-release", "NAME=\"Ubuntu\"\nVERSION=\"18.04.1 LTS (Bionic Beaver)\"\nID=ubuntu\nVERSION_ID=\"18.04\"\n",
      "names", "bob\neve\nmallory\n",
      "prog.awk", "# totals per city\n{ total[$3] += $4 }\nEND {\n  for (c in total)\n    printf \"%s %.2f\\n\", c, total[c]\n}\n");

  static Stream<String> commands() {
    return Stream.of(
        "awk '{print $1}' data.txt", "awk '{print $1, $3}' data.txt", "awk '{print $NF}' data.txt",
        "awk '{print NR\": \"$0}' data.txt", "awk -F: '{print $1}' passwd", "awk -F: -v OFS=- '{print $1,$3}' passwd",
        "awk -F'\\t' '{print $2 \"|\" NF}' tabs.tsv", "printf 'a1b22c\\n' | awk -F'[0-9]+' '{print $3, NF}'",
        "awk -F, '{print NF \":\" $2}' csv", "awk -v x=5 'BEGIN{print x*2}'", "awk -f prog.awk data.txt | sort",
        "awk '{print FILENAME, FNR, NR}' data.txt tabs.tsv", "cat data.txt | awk '{print $2}'",
        "awk 'BEGIN{print \"start\"} {n++} END{print n, \"lines\"}' data.txt", "awk '/london/' data.txt",
        "awk '$3 ~ /^p/ {print $1}' data.txt", "awk '$3 !~ /on/' data.txt", "awk '$2 > 28' data.txt",
        "awk '$2 >= 28 && $3 == \"london\"' data.txt", "awk '!($2 < 30) || /bob/' data.txt",
        "awk '/bob/,/dave/' data.txt", "awk 'NR==2,NR==3 {print NR}' data.txt", "awk '/eve/,/nomatch/' data.txt",
        "awk '{print $1 > \"out.txt\"} END{print \"done\"}' data.txt",
        "awk '{print $1 >> \"out.txt\"}' data.txt; awk '{print $2 >> \"out.txt\"}' data.txt",
        "awk '{print > ($3 \".txt\")}' data.txt",
        "awk '{printf \"%-6s|%5d|%8.2f\\n\", $1, $2, $4}' data.txt",
        "awk 'BEGIN{printf \"%s %d %i %x %o %c %c %%\\n\", \"s\", 42.9, -7, 255, 8, 65, \"zeta\"}'",
        "awk 'BEGIN{printf \"[%5s][%-5s][%05d][%+d][%.3s][%e][%g][%G]\\n\", \"ab\", \"ab\", 42, 5, \"abcdef\", 1234.5678, 0.00001234, 1e20}'",
        "awk 'BEGIN{printf \"%.2f %.0f %.3e %10.4f|%-10.1e|%X %#o %#x\\n\", 2.675, 2.5, 0.00012345, 3.14159265, 31415.9, 255, 8, 255}'",
        "awk '{$2 = \"X\"; print}' data.txt", "awk '{$6 = \"new\"; print; print NF}' data.txt",
        "awk '{NF = 2; print}' data.txt", "awk -v OFS=, '{$1 = $1; print}' data.txt",
        "awk 'BEGIN{RS=\"\"}{print NR\": \"$1\" NF=\"NF}' para.txt", "awk 'BEGIN{RS=\"\"; FS=\"\\n\"}{print $2}' para.txt",
        "awk 'BEGIN{ORS=\";\"}{print $1} END{printf \"\\n\"}' data.txt", "awk '{s += $2} END {print s, s/NR}' data.txt",
        "awk 'BEGIN{print 2^10, 2^0.5, 7%3, -7%3, 10/4, 1e6, 1e16, 2147483648, 0.1+0.2, 100/3}'",
        "awk 'BEGIN{x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x ^= 2; print x; print x++, x, ++x, x--, --x}'",
        "awk 'BEGIN{print (1 > 2 ? \"yes\" : \"no\"), (3 > 2 ? \"yes\" : \"no\")}'",
        "awk '{a[$3]++} END{for (k in a) print k, a[k]}' data.txt | sort",
        "awk '{a[$3] = a[$3] \" \" $1} END{for (k in a) print k \":\" a[k]}' data.txt | sort",
        "awk 'BEGIN{a[\"x\"]=1; a[\"y\"]=2; delete a[\"x\"]; print (\"x\" in a), (\"y\" in a), length(a); delete a; print length(a)}'",
        "awk 'BEGIN{a[1,2]=3; for (k in a) {split(k, p, SUBSEP); print p[1], p[2]}; if ((1,2) in a) print \"yes\"}'",
        "awk 'BEGIN{i=0; while (i < 3) {print i; i++}; do {print \"do\", i; i--} while (i > 1); for (j=0; j<5; j++) {if (j==1) continue; if (j==3) break; print \"for\", j}}'",
        "awk 'NR==2{next} {print $1}' data.txt", "awk 'NR==3{exit} {print} END{print \"end\"}' data.txt",
        "awk 'BEGIN{exit 3} END{print \"end\"}'", "awk '{exit $2} END{exit}' data.txt",
        "awk 'BEGIN{print length(\"hello\"), substr(\"hello\", 2, 3), substr(\"hello\", 0), substr(\"hello\", 2.7, 1.9), substr(\"hello\", 4, 100), index(\"hello\", \"ll\"), index(\"hello\", \"z\")}'",
        "awk 'BEGIN{n = split(\"a:b:c\", arr, \":\"); print n, arr[1], arr[3]; n = split(\"  x  y \", b); print n, b[1] b[2]; n = split(\"a1b2c\", c, /[0-9]/); print n, c[3]}'",
        "awk '{gsub(/o/, \"0\"); print}' data.txt", "awk '{n = sub(/[0-9]+/, \"<&>\"); print n, $0}' data.txt",
        "awk 'BEGIN{s = \"a.b.c\"; gsub(/\\./, \"\\\\&\", s); print s; t = \"aaa\"; print gsub(/a/, \"[&]\", t), t; u = \"hello\"; gsub(//, \"-\", u); print u; v = \"abc\"; gsub(/x*/, \"-\", v); print v}'",
        "awk '{gsub(/[aeiou]/, \"(&)\", $1); print $1, NF}' data.txt",
        "awk 'BEGIN{print match(\"foobar\", /o+/), RSTART, RLENGTH; print match(\"abc\", /z/), RSTART, RLENGTH}'",
        "awk 'BEGIN{s = sprintf(\"%05.1f|%s\", 3.14159, \"x\"); print s, toupper(\"abc1\"), tolower(\"ABC-D\")}'",
        "awk 'BEGIN{print int(3.9), int(-3.9), int(\"4.5abc\"), sqrt(16), exp(0), log(1), sin(0), cos(0), atan2(0, -1), exp(1), log(10)}'",
        "awk 'BEGIN{print 1 == 1.0, \"a\" < \"b\", \"10\" < \"9\", 10 < 9, \"abc\" < \"abd\"; a = \"10\"; b = 9; print (a < b)}'",
        "printf '10 9\\n10 abc\\n2 10\\n' | awk '{print ($1 < $2)}'", "awk '{print $1 + 0, ($1 < 5)}' nums.txt",
        "awk 'BEGIN{print x == 0, x == \"\", length(x)}'", "awk 'BEGIN{print \"a\" \"b\" 1 + 2 \"c\"}'",
        "awk 'BEGIN{print -2^2, 2^3^2, !0, !1, !\"\", !\"a\", 1 - -1}'",
        "awk 'function max(a, b) {return a > b ? a : b} {m = max(m, $2)} END{print m}' data.txt",
        "awk 'function fill(arr, n,  i) {for (i = 1; i <= n; i++) arr[i] = i * i} BEGIN{fill(sq, 4); print sq[1], sq[4], length(sq)}'",
        "awk 'function f(n) {return n <= 1 ? 1 : n * f(n - 1)} BEGIN{print f(10), f(13)}'",
        "awk '{while ((getline line) > 0) n++} END{print n, NR}' data.txt",
        "awk 'BEGIN{while ((getline line < \"data.txt\") > 0) print \"got\", line; close(\"data.txt\"); print (getline x < \"nofile\")}'",
        "awk 'NR==1{getline; print \"after getline:\", $1, NR}' data.txt",
        "awk 'BEGIN{\"echo hi there\" | getline x; print x; \"echo a b\" | getline; print $2, NR}'",
        "awk 'BEGIN{system(\"echo from system\"); print \"after\"}'",
        "awk 'BEGIN{print \"b\" | \"sort\"; print \"a\" | \"sort\"; close(\"sort\"); print \"end\"}'",
        "awk '{print}' nofile", "awk '{print}' data.txt nofile", "awk '{print $1' ", "awk 'BEGIN{print 2**3}'", "printf 'BEGIN {\\n  x = 1\\n' > p.awk; awk -f p.awk", "awk 'BEGIN{print \"a\" > }'",
        "awk 'BEGIN { if (1) print \"a\" else print \"b\" }'", "awk", "awk -z x", "echo x | awk '{print $(-1)}'",
        "awk 'BEGIN{printf \"%d\\n\"}'", "awk 'x}'", "awk -f nofile.awk",
        "awk 'BEGIN{print length()}' < /dev/null", "awk '{print length}' data.txt", "awk 'END{print $0, NF, NR}' data.txt",
        "awk -F, 'BEGIN{OFS=\"|\"} {$1=$1} 1' csv", "awk '1; {print \"x\"}' csv",
        "awk 'BEGIN{CONVFMT=\"%.2f\"; a = 3.14159; b = a \"\"; print b; OFMT=\"%.1f\"; print a, 10, 17 \"\"}'",
        "awk 'BEGIN{printf \"%s\\n\", 1/3; x = 0.1; print x * 3, 1e300*1e300, -1/3}'",
        "awk 'BEGIN{print \"err\" > \"/dev/stderr\"; print \"out\" > \"/dev/stdout\"}'",
        "awk '{ $0 = toupper($0); print $1, NF }' data.txt", "awk '{print x, $1}' x=1 data.txt x=2 tabs.tsv",
        "awk 'BEGIN{print ARGC, ARGV[1], ARGV[2]}' a b", "awk -v 's=a\\tb' 'BEGIN{print s}'",
        "awk '{ print NR % 2 ? \"odd\" : \"even\" }' data.txt", "awk 'BEGIN{print index(\"abc\", \"\"), length(12345), length(1/3)}'",
        "awk '$2 ~ \"^[0-9]+$\" { print \"num\", $2 }' data.txt", "printf 'a b\\n' | awk '{ print; print $0 }' -",
        "printf 'x  y   z\\n' | awk '{ print NF; $2 = \"\"; print; print NF }'",
        "printf 'one\\ntwo\\nthree\\n' | awk 'BEGIN { RS = \"o\" } { print NR \": [\" $0 \"]\" }'",
        "printf '  lead trail  \\n' | awk '{print \"[\" $1 \"]\", NF}'",
        "awk '/[[:digit:]]{2}/ {print \"brace\"} /^[[:alpha:]]+ [34]/ {print $1}' data.txt",
        "awk 'BEGIN { FS = \":\" } $3 >= 33 { print $1 \" uses \" $NF }' passwd",
        "awk '{ for (i = NF; i > 0; i--) printf \"%s%s\", $i, (i > 1 ? OFS : ORS) }' data.txt",
        "awk 'length($1) > 3 { c++ } END { print c + 0 }' data.txt",
        "awk '{ $3 = \"\"; print }' data.txt | awk '{ print NF }'",
        "awk 'BEGIN { x[\"a\"]; if (\"a\" in x) print \"in\"; print length(x) }'",
        "awk 'BEGIN { printf \"%5.1f%%\\n\", 45.678; printf(\"%s-%s\\n\", \"a\", \"b\") }'",
        "awk 'NR > 1 { print prev \" -> \" $1 } { prev = $1 }' data.txt",
        "awk 'BEGIN { while (\"echo x; echo y\" | getline line) n++; print n }'",
        "awk 'BEGIN { print match(\"xabcd\", /ab|abcd/), RLENGTH; s = \"abcd\"; sub(/a|ab/, \"X\", s); print s; n = split(\"1ab2abc3\", p, /ab|abc/); print n, p[3] }'",
        "printf 'a1b22c333d\\n' | awk 'BEGIN { RS = \"[0-9]+\" } { print NR, $0 }'",
        "printf 'k=v; x=y\\n' | awk -F'; *' '{ for (i = 1; i <= NF; i++) { split($i, kv, \"=\"); print kv[2] \"<-\" kv[1] } }'",
        "awk 'BEGIN { x = \"3x\"; y = x + 0; print y, x * 2, (x == 3), -x, +\"  12  \" }'",
        "awk '{ line[NR] = $0 } END { for (i = NR; i > 0; i--) print line[i] }' data.txt",
        "awk 'BEGIN { printf \"%s %s %s\\n\", \"only\" }'", "awk 'BEGIN { a[1] = 1; a = 2 }'",
        "awk 'BEGIN { x = 1 }\n{ x[1] = 2 }'", "awk 'function f(a) { a[\"k\"] = 1 } BEGIN { f(arr); for (k in arr) print k; print length(arr) }'",
        "awk 'BEGIN { print \"x\" > \"/dev/null\"; print \"kept\" }'", "awk '!seen[$3]++' data.txt",
        "awk '{ print $2 > \"ages\" } END { close(\"ages\"); while ((getline a < \"ages\") > 0) s += a; print s }' data.txt",
        "awk '{ printf \"%s=%d\\n\", $1, $2 > \"kv\" } END { system(\"cat kv\") }' data.txt",
        "awk -v n=3 'NR <= n { print NR \": \" $1 }' data.txt", "awk '{ print $1 }' FS=: passwd",
        "awk 'BEGIN { printf \"%d items|%5.1f%%|%-3c|\\n\", \"12abc\", 99.44, \"yes\" }'",
        "awk '{ $1 = \"\"; sub(/^ /, \"\"); print }' data.txt", "awk 'NF { print $1 }; !NF { print \"blank\" }' tabs.tsv para.txt",
        "awk 'FNR == 2 { nextfile } { print FILENAME, $0 }' data.txt passwd", "awk -W version", "awk -v 1x=3 'BEGIN { }'", "awk -v x 'BEGIN { }'", "awk -f",
        "awk -F= '/^VERSION_ID/ { gsub(/\"/, \"\", $2); print $2 }' os-release",
        "awk 'NR == FNR { want[$1]; next } $1 in want' names data.txt", "awk 'length > 22' data.txt",
        "awk 'BEGIN { OFS = \"\\t\" } { print $1, $2 }' data.txt", "awk '{ print substr($0, index($0, $3)) }' data.txt",
        "echo '1 2 3' | awk '{ for (i = 1; i <= NF; i++) s += $i; print s, s / NF }'",
        "awk 'BEGIN { print \"h\u00e9llo\", length(\"\u00e9\"), toupper(\"caf\u00e9\"), index(\"na\u00efve\", \"v\") }'",
        "printf 'na\u00efve caf\u00e9\\n' | awk '{ print length($1), toupper($2), substr($1, 3, 2) > \"\u00fcber.txt\" }'",
        "awk 'BEGIN { while (i++ < 3) { if (i == 2) continue; print i }; for (;;) { if (++j > 2) break }; print j }'");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void matchesMawk(String command) throws IOException {
    assumeTrue(AwkHarness.realAwkIsMawk(), "mawk is not installed");
    assertThat(AwkHarness.simulated(FILES, command)).as(command).isEqualTo(AwkHarness.real(FILES, command));
  }
}
