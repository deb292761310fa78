package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same script through real bash (in an empty temp dir) and through layerlab's shell (in an empty dir). */
class LanguageDifferentialTest {
  private Path dir;

  @BeforeEach
  void makeDir() throws IOException {
    dir = Files.createTempDirectory("layerlab-bash");
  }

  @AfterEach
  void removeDir() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static Stream<String> scripts() {
    return Stream.of(
        "echo hello world",
        "echo 'single  quoted' \"double  quoted\" unquoted   words",
        "echo a\\ b \\$HOME \\\\ \\'",
        "echo \"a \\\"b\\\" \\$x \\\\ \\q\"",
        "x=1; y='two words'; echo $x ${x} \"$y\" $y",
        "echo ${unset:-default} ${unset-other} \"${empty:-e}\"; empty=; echo \"[${empty-dash}]\" \"[${empty:-colon}]\"",
        "x=5; echo ${x:+set} [${nothing:+set}] ${#x} ${nothing:=assigned} $nothing",
        "p=/usr/lib/x.tar.gz; echo ${p##*/} ${p#*/} ${p%.*} ${p%%.*}",
        "false; echo $?; true; echo $?",
        "set -- a 'b c' d; echo $#; for i in \"$@\"; do echo \"<$i>\"; done; for i in $@; do echo \"[$i]\"; done",
        "echo one; echo two && echo three || echo four; false && echo no || echo yes",
        "false || false || echo third; true && false && echo never; echo status $?",
        "! true; echo $?; ! false; echo $?",
        "echo $((1 + 2 * 3)) $(( (1+2)*3 )) $((7/2)) $((7%3)) $((2**10)) $((-5+2))",
        "i=0; while [ $i -lt 5 ]; do i=$((i+1)); echo -n $i; done; echo",
        "x=3; echo $((x*x)) $((x++)) $x $((x+=4)) $x $((x>2 && x<10)) $((x==7?1:2))",
        "for x in a b c; do echo $x; done; for y in; do echo never; done; echo after",
        "if true; then echo yes; fi; if false; then echo no; elif true; then echo elif; else echo else; fi",
        "if [ -z \"\" ] && [ -n x ] && [ a = a ] && [ a != b ] && test 3 -gt 2 && [ ! 1 -eq 2 ]; then echo ok; fi",
        "[ 2 -le 2 ]; echo $?; [ 3 -ge 4 ]; echo $?; [ 1 -ne 1 ]; echo $?; [ abc ]; echo $?; [ ]; echo $?",
        "echo $(echo inner) `echo back` \"$(echo '  spaced  ')\" $(echo '  spaced  ')",
        "echo $(echo $(echo nested)); x=$(printf 'a\\n\\n\\n'); echo \"[$x]\"",
        "printf '%s-%s\\n' a b c d e; printf '%5s|%-5s|%05d|%x|%o\\n' ab cd 42 255 8",
        "printf '%d %s\\n' 1 one 2 two; printf 'no newline'; printf '\\n%%\\t|\\n'",
        "echo -n no; echo -e 'a\\tb\\nc'; echo -E 'a\\tb'; echo -- -n; echo -en 'x\\0101y\\n'",
        "echo a > f; echo b >> f; cat f; cat < f; cat f f > g; cat g",
        "{ echo out; echo err >&2; } 2>&1 > /dev/null; echo --; { echo o; echo e >&2; } > both 2>&1; cat both",
        "echo hi &> all; cat all; ls nofile 2> err; cat err | wc -l",
        "cat <<EOF\nline $((1+1))\n  indented $HOME_NOT_SET.\nEOF\necho after",
        "cat <<'EOF'\nliteral $x `cmd` \\n\nEOF",
        "cat <<-END\n\ttabbed\n\t\tdouble\n\tEND\necho done",
        "x=val; cat <<EOF | cat\n$x \\$x\nEOF",
        "echo a | cat | cat; echo b | false; echo $?; false | true; echo $?",
        "x=outer; (x=inner; echo $x); echo $x; echo pipe | { read line; echo got $line; }",
        "touch a.txt b.txt c.log; echo *.txt; echo *.none; echo ?.log; echo [ab].txt; echo \"*.txt\" '*'",
        "mkdir -p d/e; touch d/e/f .hidden; echo * d/*/*; echo .h*",
        "cd /; pwd; cd - > /dev/null; cd /usr; pwd; cd ..; pwd; cd /usr; cd -",
        "cd nosuchdir; echo $?; cat < missing; echo $?",
        "nosuchcommand; echo $?; ./nope; echo $?",
        "echo ;;",
        "if true; then fi",
        "echo a && ; echo b",
        "fi",
        "echo $(( 1 / 0 )); echo next",
        "echo ${}",
        "f() { echo \"func $1 $#\"; return 3; }; f a b; echo $?",
        "for i in 1 2 3 4 5; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done",
        "export A=1; B=2; sh -c 'echo A=$A B=$B'; C=3 sh -c 'echo C=$C'",
        "# a comment\necho visible # trailing comment\necho not#comment",
        "x='a  b'; echo $x \"$x\"; IFS_TEST=\"1\t2\"; echo $IFS_TEST",
        "echo ~ | grep -c /; echo a~b '~'",
        "exit 3; echo never",
        "(exit 4); echo $?",
        "echo 'unterminated",
        "echo one\\\ntwo",
        "case abc in a*) echo A;; b*) echo B;; esac",
        "x=foo.tar.gz; case $x in *.zip|*.gz) echo archive;; *) echo other;; esac",
        "case 'a*' in 'a*') echo quoted;; esac; case ab in 'a*') echo no;; a\\*) echo no2;; *) echo star;; esac",
        "for f in x y; do case $f in x) echo is-x ;; esac; done; case a in (a) echo paren;; esac",
        "case z in\n  a)\n    echo a\n    ;;\n  *)\n    echo default\n    ;;\nesac",
        "case x in x) ;; esac; echo $?; case x in y) echo; esac; echo $?",
        "set -- a 'b c'; echo \"$*\" $# \"${#}\"; for a in \"$*\"; do echo \"<$a>\"; done",
        "while read line; do echo \"[$line]\"; done <<EOF\na b\n  c  \nEOF",
        "printf '%s\\n' a b | while read x; do echo $x$x; done; read y < /dev/null; echo $?",
        "echo hello | tee f; cat f; echo abc | tr a-c A-C; echo 'a  b' | tr -s ' '; echo abc | tr -d b",
        "printf 'a b\\nc' | xargs echo X; echo | xargs echo empty",
        "x=$(cat <<EOF\ninside $((2+2))\nEOF\n); echo \"$x\"",
        "echo \"${x:-$(echo sub)}\" '${x}' \"\\${x}\"",
        "a=1; a+=2; echo $a",
        "echo $((010 + 0x10)) $(( 5 > 3 )) $(( !0 )) $(( ~0 )) $(( 7 & 3 | 8 ^ 1 ))",
        "echo {a,b} a{1,2}b {1..3} x{a..c}y {a,b{1,2}} '{q,r}' {single} {}; mkdir -p t/{u,v}; echo t/*",
        "for i in 1 2; do for j in a b; do echo $i$j; done; done | wc -l",
        "true && { echo grouped; false; } || echo fallback",
        "echo start; (cd /; pwd); echo end",
        "mkdir -p real/sub; ln -s real/sub link; cd link; basename $(pwd); basename $(pwd -P); cd ..; echo *; cd -P link; cd ..; echo *",
        "unset x; echo \"[${x-unset}]\"; x=; echo \"[${x-unset}]\"; export -n x 2>/dev/null; echo ok",
        // ANSI-C quoting
        "echo $'a\\tb\\nc' $'it\\'s' $'q\\\"' $'\\\\' $'\\x41\\x4a\\x4' $'\\101\\0101' $'\\e[0m\\a\\v\\f\\r\\b\\?'",
        "echo $'a\\0b' x$'\\cA'y $'\\c?' $'\\ca' $'\\E' $'\\u'x $'\\ux' $'\\x' $'\\x{41}' $'\\q\\z' | tr '\\001\\033' 'AE'",
        "echo \"$'x'\" $\"loc\" $'\\u00e9\\u41\\U0001F600'; x=$'a\\nb'; echo \"$x\"; echo $'one'\"two\"'three'",
        "printf '%s|' $'a b' $'' $'\\0'; echo; cat <<$'E\\x4f'F\nbody\nEOF\necho $(echo $'it\\'s )')",
        "echo $'abc",
        // [[ ... ]]
        "touch f; mkdir d; ln -s f l; ln -s nowhere dangling; echo x > s; chmod +x s; for p in f d l dangling s nope ''; do [[ -e $p ]]; e=$?; [[ -f $p ]]; f=$?; [[ -d $p ]]; d=$?; [[ -L $p ]]; L=$?; [[ -s $p ]]; s=$?; [[ -x $p ]]; x=$?; [[ -r $p && -w $p ]]; rw=$?; [[ -h $p || -a $p ]]; h=$?; echo \"$p $e$f$d$L$s$x$rw$h\"; done",
        "[[ -z '' && -n x && ! -z x ]] && echo ok; x=; [[ -n $x ]]; echo $?; [[ $x == '' ]]; echo $?; [[ $undefined ]]; echo $?; [[ -v HOME ]]; echo $?; [[ -v NOPE ]]; echo $?; [[ -n ]] 2>/dev/null; echo $?",
        "x='a b'; [[ $x == \"a b\" ]] && echo eq; [[ $x == a\\ * ]] && echo g; [[ $x == \"a*\" ]] || echo lit; p='a*'; [[ $x == $p ]] && echo pat; [[ $x == \"$p\" ]] || echo qp; [[ abc != a?c ]]; echo $?; [[ x = [xy] ]] && echo cls",
        "touch a1 a2; x='*'; [[ $x == '*' ]] && echo nosplit; y='1  2'; [[ $y == '1  2' ]] && echo kept; [[ a* == a1 ]]; echo $?; [[ a* == 'a*' ]] && echo noglob; [[ ~ == /* ]] && echo tilde",
        "[[ abc =~ ^a(b)(c)$ ]]; echo $? $BASH_REMATCH; [[ abc =~ x ]]; echo $?; [[ a.c =~ \"a.c\" ]] && echo q1; [[ abc =~ \"a.c\" ]] || echo q2; re='a.c'; [[ abc =~ $re ]] && echo q3; [[ a =~ ^(a|b)$ ]] && echo alt; [[ 'x y' =~ (x y) ]] && echo spaced; [[ abc =~ [ ]]; echo $?; [[ ab12 =~ ^[[:alpha:]]+[0-9]{2}$ ]] && echo classes; [[ 'a]b' =~ []] ]] && echo bracket",
        "[[ 010 -eq 8 ]]; echo $?; [[ 2+3 -eq 5 ]]; echo $?; x=4; [[ x -gt 3 ]]; echo $?; [[ a -eq 0 ]]; echo $?; [[ 3 -ne 3 || 1 -le 1 ]]; echo $?; [[ 5 -lt 2 ]]; echo $?; [[ 1x -eq 1 ]]; echo $?; [[ 1 -ge 1+ ]]; echo next $?",
        "[[ b > a && a < b ]]; echo $?; [[ (a == b) || c ]]; echo $?; [[ ! (a == a) ]]; echo $?; [[ a == a && ( b == c || ! -z x ) ]]; echo $?; [[ a &&\nb ]]; echo $?; [[\na = a ]]; echo $?; [[ a = b\n]]; echo $?",
        "[[ a == a ]] > f; echo $?; cat f; if [[ -d / ]]; then echo dir; fi; while [[ $i != xxx ]]; do i=x$i; done; echo $i; [[ a == b ]] || echo or; ! [[ a == b ]] && echo not; echo [[ a; x=[[; echo $x ]]",
        "[[ -f ]]",
        "[[ a -eq ]]",
        "[[ a b ]]",
        "false; [[ ( a ]]",
        "[[ a ) ]]",
        "[[ a ; ]]",
        "[[ ]]",
        "[[ ! ]]",
        "[[ a && ]]",
        "[[ a = b",
        "[[ a",
        "[[ -f",
        "[[ a ==",
        "[[ ( a",
        "[[ a &&",
        "[[ a = b c ]]",
        "[[ ( a = b c ) ]]",
        "[[ ( a b ) ]]",
        "[[ a < ]]",
        "[[ -f < ]]",
        "[[ ( ]]",
        "[[ a =~ ( ]]",
        "[[ a = b ]] x",
        "[[ a > b > c ]]",
        "[[ a | b ]]",
        "[[ a =~ x) ]]",
        // parameter operators, indexed arrays, declare/local/readonly
        "v=hello.world; echo ${v:1} ${v:1:3} ${v: -3} ${v: -5:2} ${v:(-2)} ${v:2:-2} ${v:20} \"[${v:5:0}]\" ${v:-5:1} ${v: -20:1}x; n=2; echo ${v:n:n+1} ${v::2} [${v:1:}]",
        "v=abc; echo ${v:1:-5}; echo never",
        "v=a.b.c; echo ${v/./-} ${v//./-} ${v/#a/X} ${v/%c/Y} ${v/b} ${v//[.]/} ${v/x/y} \"${v//./ }\" ${v/*/z} ${v//?/z} ${v/#/p} ${v/%/s}",
        "v=aXbX; p=X; echo ${v//$p/\"*\"} ${v//\"X\"/\\/} ${v/\\//q}; v=abc; echo ${v/b/[&]} ${v/b/[\\&]} \"${v/b/[&]}\" ${v//?/<&>}; r='&&'; echo ${v/b/$r} \"${v/b/\"&\"}\"",
        "v='Hello World'; echo ${v^^} ${v,,} ${v^} ${v,} ${v^^o} ${v,,[HW]}; u=; echo \"[${u/x/y}]\" \"[${nope^^}]\" \"[${nope:2}]\"",
        "set -- a b c d; echo ${@:2} ${@:2:2} ${*:0:2} ${@: -1} ${#@} ${#*}; for x in \"${@:3}\"; do echo \"<$x>\"; done",
        "echo ${v!}",
        "echo ${a[}",
        "a=(x y z); echo ${a[0]} $a ${a[2]} ${a[@]} ${#a[@]} ${!a[@]}; a[5]=w; echo ${!a[@]} ${#a[*]}; a+=(v u); echo ${!a[@]}; unset 'a[1]'; echo ${a[@]} ${!a[@]}; echo ${a[-1]} ${a[-2]} ${#a[0]}",
        "a=('a b' c); for x in \"${a[@]}\"; do echo \"<$x>\"; done; for x in ${a[@]}; do echo \"[$x]\"; done; for x in \"${a[*]}\"; do echo \"{$x}\"; done; echo \"p${a[@]}s\"; b=(\"${a[@]}\" 4); echo ${#b[@]}",
        "a=(); echo ${#a[@]}; for x in \"${a[@]}\"; do echo no; done; echo \"x${a[@]}y\"; set -- ; for x in \"$@\"; do echo no; done; echo \"[$*]\"",
        "a=(x y); echo ${a[-5]}; echo $?; a[-5]=q; echo never",
        "a=([2]=two [0]=zero three); declare -p a; a[i+1]=x; i=3; a[i*2]=y; declare -p a; echo $(( a[1] ))",
        "a=(1 2 # comment\n3\n); echo ${a[@]}; i=1; a[i]+=z; a+=x; echo ${a[@]}; echo $(( a[2] + 4 )) $((a[0]+=5)) ${a[0]}; a[$i]=$i; echo ${a[@]}",
        "s=str; echo ${s[0]} ${s[@]} ${#s[@]} ${!s[@]}; s[2]=x; declare -p s; a=(x y); a=z; declare -p a; unset x; x[1]=a; echo \"[${x}]\" \"${x[@]:-empty}\"",
        "x=(a b c d e); echo ${x[@]:1} ${x[@]:1:2} ${x[@]: -2} ${x[1]:0:1} ${#x[1]} ${x[@]/#/-} ${x[@]^^} ${x[*]/c/C}; unset 'x[1]'; echo ${x[@]:1:2}",
        "declare -a d; echo ${#d[@]}; declare -p d; d=(1 'two words' 'q\"t' '$x\\'); declare -p d; a=(); declare -p a; declare u; declare -p u; echo ${u-unset}; set | grep '^[adu]='",
        "x=1; export y=2; a=(1 'b c'); declare -p x y a; declare -p nope; echo $?; declare -a s=str; declare -p s; declare -x e=1; declare -p e",
        "declare -Z",
        "typeset -Z",
        "v='a b'; declare w=$v; echo \"$w\"; export z=$v; echo \"$z\"; local q=1; echo $?",
        "f() { declare d=1; declare -g g=2; local l; l=3; declare -p l; local -a la=(1 2); declare -p la; local a=(l m); echo ${a[1]}; }; a=(g); f; echo ${d-unset} $g ${l-unset} ${la-unset} ${a[@]}",
        "f() { local x=in; g; }; g() { echo $x; x=changed; }; x=out; f; echo $x; h() { local -a arr; arr+=(1); echo ${arr[@]}; }; h; h",
        "unset 'a[1]' a[0] x; echo $?; a=(1 2 3); unset a[1]; declare -p a; unset -v a; echo ${#a[@]}; unset 'b[-1]'; b=(1); unset 'b[-3]'; echo $?; f(){ :; }; unset -f f; f",
        "echo a=(x)",
        "a=(x y",
        "a=(x ; y)",
        "a=(1 2 3); for i in \"${!a[@]}\"; do echo \"$i=${a[i]}\"; done; files=(*.none); echo ${#files[@]} \"${files[0]}\"; touch b.txt a.txt; files=(*.txt); echo ${#files[@]} ${files[@]}",
        "a=(x y); b=a; echo ${!b} ${!b[@]}; c=HOME; [[ ${!c} == /* ]] && echo indirect; x=(a b); y=${x[@]}; echo \"$y\"; a=1 b=$a; echo $b",
        "[[ abc =~ ^a(b)(c)$ ]]; echo ${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${#BASH_REMATCH[@]}; [[ x =~ y ]]; echo ${#BASH_REMATCH[@]}; [[ ab =~ (x)?b ]]; declare -p BASH_REMATCH",
        "readonly r=1; unset r; echo $?; for r in 1; do echo in; done; echo after; declare -p r",
        "readonly r=1; export r; declare -p r; a=(1); readonly a; declare -p a; a[1]=2; echo never",
        "declare -r q=5; declare -p q; q=1; echo never",
        // arithmetic commands
        "i=0; ((i++)); echo $i; (( i > 3 )); echo $?; x=3; (( x > 2 && x < 5 )) && echo in; ((y = x * 2)); echo $y; (( 0 )); echo $?; ((a[1]=4)); echo ${a[1]}; ((x=$(echo 4)+1)); echo $x; v='1 + 2'; ((z = v * 2)); echo $z",
        "(( 1/0 )); echo $?; (( 1 + )); echo next $?",
        "let x=1/0; echo $?; let; echo $?; let 0; echo $?; let 1 0; echo $?; let x=2 y=x+1 'z = y * 2'; echo $x $y $z",
        "for ((i=0; i<2; i++)); do echo $i; done; for ((;;)); do echo once; break; done; for (( i = 5 ; i > 3 ; i-- )) ; do echo $i; done; for ((i=0;i<2;i++)) { echo b$i; }",
        "for ((i=0;i<6;i++)); do ((i%2)) && continue; echo $i; done; for ((i=0; i/0; i++)); do echo $i; done; echo after $?",
        "if ((2>1)); then echo y; fi; while ((n<3)); do ((n++)); done; echo $n; a=(3 1 2); for ((i=${#a[@]}-1; i>=0; i--)); do echo -n \"${a[i]} \"; done; echo",
        "for ((i=0;i<3))",
        "for ((i=0;i<3)); do echo; done",
        "for ((i=0;i<3;i++;x)); do echo; done",
        "((1+2",
        "echo ((x))",
        "IFS=, ; a=(x y); echo \"${a[*]}\"; set -- p q; echo \"$*\"; IFS=; echo \"${a[*]}\" \"$*\"; unset IFS; echo \"${a[*]}\"",
        // associative arrays, keys in bash's hash order
        "declare -A h; declare -p h; h[a b]=1; h[\"x\"]=2; k=key; h[$k]=3; h[q\\\"]=4; h[-1]=5; declare -p h; echo ${h[a b]} ${h[$k]} ${h[\"x\"]}; echo ${!h[@]}; echo ${#h[@]}; unset 'h[a b]'; echo ${!h[@]}; echo $h; h[0]=zero; echo $h; [[ -v h[x] ]] && echo set; [[ -v h[nope] ]] || echo unset",
        "declare -A g=(k1 v1 k2 v2); declare -p g; g+=([k3]=v3); declare -p g; x=(1); declare -A x; echo $?; s=str; declare -A s; declare -p s; set | grep '^g='; g=([b]=2); g+=(c 3 d); declare -p g; unset g; declare -p g",
        "declare -A c=([one]=1 [two]=2 [three]=3 [four]=4 [five]=5 [six]=6); for k in \"${!c[@]}\"; do echo \"$k=${c[$k]}\"; done; echo \"${c[@]}\"; c[two]+=x; echo ${c[two]} ${#c[two]}; f() { local -A m=([a]=1); echo ${m[a]}; }; f; declare -p m; declare -A h; h[x]=1; declare -a h; echo $?",
        "a[1 + 1]=x; declare -p a; echo a[1 + 1]=y; declare -A e=(); declare -p e; e[k]=$'tab\\there'; declare -p e",
        "x=$'a\\tb\\\\c\\'d\"e\\x01\\e\\n'; declare -p x; a=($'\\n' \"q\\\"\" $'\\t$'); declare -p a; set | grep '^[ax]='; export x; export -p | grep ' x='",
        "b=; echo \"[${b//*/foo}] [${b/*/foo}] [${b//x*/foo}] [${u//*/foo}] [${b/#*/foo}] [${b/%/s}] [${b^^}]\"; declare -A h=([=x]=1 [~a]=2 [a~]=3 [#k]=4 [k#]=5 [a=~b]=6 [*]=7); declare -p h",
        "[[ ab =~ (a|ab) ]]; echo ${BASH_REMATCH[@]}; [[ xabcx =~ (a|ab)(c|bcx)? ]]; echo ${BASH_REMATCH[@]}; [[ \"foo bar\" =~ ^(fo|foo)\\ ?(b.*)$ ]]; echo ${BASH_REMATCH[@]}; [[ abab =~ (ab)+$ ]]; echo \"${BASH_REMATCH[@]}\"",
        "type [[ if declare let ]] cd",
        "read -r -a parts <<< \"  a b  c \"; declare -p parts; read -a p2 <<< \"\"; declare -p p2; printf \"x\\ny\\n\\nz\" | { mapfile -t L; declare -p L; }; printf \"x\\ny\\n\" | { readarray A; declare -p A; }; mapfile -t M < /dev/null; declare -p M; echo \"a b\" | { read -a; echo $?; }",
        "printf \"a\\nb\" | while read l; do echo \"<$l>\"; done; printf \"abc\" | { read x; echo $? $x; }; echo \" a  b \" | { read; echo \"[$REPLY]\"; }; printf \"l1\\nl2\\n\" > f; mapfile < f; echo ${#MAPFILE[@]}; mapfile -x",
        "function f { echo a; }; f; function g() { echo b; }; g; function h ( ) { echo c; }; h; function 1x { :; }; echo $?",
        "function greet() {\n  local name=$1\n  echo \"Hello, $name\"\n}\ngreet world; echo ${name-unset}",
        "f() ( echo sub ); f; g() [[ -n x ]]; g && echo yes; h() ((1)); h; echo $?",
        "function",
        "function f",
        "function f echo",
        "function f() echo hi",
        "f() echo hi",
        "declare -A h; for ((i=0;i<2100;i++)); do h[k$i]=1; done; echo \"${!h[@]}\"; for ((i=0;i<2100;i+=7)); do unset \"h[k$i]\"; done; for ((i=0;i<3000;i+=5)); do h[n$i]=$i; done; echo \"${!h[@]}\"; echo ${#h[@]}",
        "set -e; false; echo no",
        "set -e; x=$(false); echo no",
        "set -e; x=$(false; echo inner); echo \"$x\"",
        "set -e; false && true; echo yes; true && false; echo no",
        "set -e; if false; then :; fi; ! true; echo yes; (false); echo no",
        "set -e; f() { false; echo inf; }; f || echo caught; f; echo no",
        "set -e; false | true; echo yes; true | false; echo no",
        "set -e; while false; do :; done; until true; do :; done; echo loops; for i in 1; do false; done; echo no",
        "set -e; false || true; echo ok; [[ a == b ]] || echo cond; ((0)) || echo arith; { false; }; echo no",
        "set -u; echo ${x-d} ${#@} \"$@\"; a=(); echo \"${a[@]}\" ok; set +u; echo \"[$x]\"",
        "set -x; x=1; echo \"a b\" $x 'c' \"\"; f() { echo in; }; f; y=$(echo sub); set +x; echo quiet",
        "set -o pipefail; false | true; echo $?; true | false | true; echo $?; set +o pipefail; false | true; echo $?",
        "set -o errexit -o nounset; set -o | grep -E \"errexit|nounset|pipefail|xtrace\"; set +o | head -3; set -euo pipefail; set -o | grep pipefail",
        "set -q",
        "set -o nosuch",
        "set -- a b; set -e; echo $#; set -- ; echo $#; set -x -- p q r; echo $#",
        "a=; b=; echo \"[${b/\"$a\"/x}] [${b//\"$a\"/x}] [${b/#\"$a\"/x}] [${b/%\"$a\"/x}] [${b//*/y}]\"",
        "echo a\necho 'b",
        "false\n[[ a ) ]]",
        "echo one\nfi\necho two",
        "echo a\nif true; then\necho b\n)\nfi",
        "x=1\necho ${x\n",
        "echo 1\n[[ -x == o ]]\necho 3",
        "echo a; exit 3\nfi",
        "cat <<EOF\nbody\nEOF\ntrue\necho $(( 1 +\n",
        "echo $(echo", "echo ${x", "echo `echo", "echo ${x!",
        "echo a \\\n)\necho b",
        "echo 1\necho 2 \\\\\n)",
        "set -x; z=2 true; ((1+1)); x=5; (( x * 2 )); echo $(echo x); c=$x; d=\"a b\"; : \"$d\"; i=0; a[i++]=q; echo $i; x+=1; a[0]+=z; declare -A h; h[k]=v; echo $x ${a[0]}");
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void behavesLikeBash(String script) {
    Sim.Result real = RealBash.run(dir, script);
    Sim sim = new Sim();
    sim.host.vfs().mkdir("/work", 0755);
    sim.out("cd /work");
    Sim.Result ours = sim.run(script);
    String ourErr = ours.err().replace("exit\n", "");
    assertThat(ours.out()).as("stdout of %s", script).isEqualTo(real.out());
    assertThat(ourErr).as("stderr of %s", script).isEqualTo(RealBash.interactiveErrors(real.err()));
    assertThat(ours.status()).as("status of %s", script).isEqualTo(real.status());
  }
}
