package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Token.Kind;
import dev.layerlab.shell.lang.Word.DoubleQuoted;
import dev.layerlab.shell.lang.Word.Literal;
import dev.layerlab.shell.lang.Word.Part;
import dev.layerlab.shell.lang.Word.Quoted;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits a command line into words and operators, and reads here-document bodies after each newline. */
final class Lexer {
  private static final String[] OPERATORS = {
    "&>>", "<<-", "<<<", "&&", "||", ";;", "<<", ">>", "&>", ">&", "<&", ">|", "|", ";", "&", "<", ">", "(", ")"
  };

  /** {@code name=} or {@code name+=} right before a {@code (}: an array assignment follows. */
  private static final Pattern COMPOUND = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=");

  private final String src;
  private int pos;
  private final List<Token> tokens = new ArrayList<>();
  private final List<HereDoc> pending = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private boolean hereDocOpen;
  /** Inside {@code [[ ... ]]}: {@code <} and {@code >} compare strings, the word after {@code =~} is a regex. */
  private boolean conditional;

  private Lexer(String src) {
    this.src = src;
  }

  /** The tokens of {@code src}, ending with an EOF token. */
  static Lexer run(String src) {
    Lexer lexer = new Lexer(src);
    lexer.lex();
    return lexer;
  }

  List<Token> tokens() {
    return tokens;
  }

  /** True when a here-document's delimiter line has not come yet: the line needs more input. */
  boolean hereDocOpen() {
    return hereDocOpen;
  }

  /** bash's warnings about here-documents that ran to the end of the input. */
  List<String> warnings() {
    return warnings;
  }

  private void lex() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
        pos += 2;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '\n') {
        tokens.add(new Token(Kind.NEWLINE, "\n", null, null));
        pos++;
        readHereDocs();
      } else if (conditional && !tokens.isEmpty() && tokens.get(tokens.size() - 1).isReserved("=~")) {
        word(); // a regex may start with a parenthesis
      } else if (!conditional && src.startsWith("((", pos) && arithmetic()) {
        continue;
      } else if (conditional && (c == '<' || c == '>')) {
        tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), null, null));
        pos++;
      } else if (!operator()) {
        word();
      }
    }
    if (!pending.isEmpty()) {
      hereDocOpen = true;
      for (HereDoc doc : pending) {
        warnEof(doc);
        doc.body = "";
      }
      pending.clear();
    }
    tokens.add(new Token(Kind.EOF, "", null, null));
  }

  private boolean operator() {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        tokens.add(new Token(Kind.OPERATOR, op, null, null));
        pos += op.length();
        return true;
      }
    }
    return false;
  }

  private void word() {
    int digits = pos;
    while (digits < src.length() && Character.isDigit(src.charAt(digits))) {
      digits++;
    }
    if (!conditional && digits > pos && digits < src.length()
        && (src.charAt(digits) == '<' || src.charAt(digits) == '>')) {
      tokens.add(new Token(Kind.IO_NUMBER, src.substring(pos, digits), null, null));
      pos = digits;
      return;
    }
    WordScanner scanner = new WordScanner(src, pos);
    Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    boolean regex = conditional && previous != null && previous.isReserved("=~");
    Word word = regex ? scanner.regexWord() : scanner.word();
    pos = scanner.pos();
    if (!conditional && pos < src.length() && src.charAt(pos) == '(' && COMPOUND.matcher(word.source()).matches()) {
      CompoundReader.Read read = CompoundReader.read(src, word, pos);
      word = read.word();
      pos = read.end();
    }
    if (!conditional && word.isLiteral("[[") && commandPosition(previous)) {
      conditional = true;
    } else if (conditional && word.isLiteral("]]")) {
      conditional = false;
    }
    HereDoc doc = null;
    if (previous != null && (previous.isOp("<<") || previous.isOp("<<-"))) {
      doc = new HereDoc(unquoted(word), previous.isOp("<<-"), isPlain(word));
      pending.add(doc);
    }
    tokens.add(new Token(Kind.WORD, word.source(), word, doc));
  }

  /**
   * Reads {@code ((expression))} where a command starts (or after {@code for}) as one token; false
   * when the parentheses do not close as {@code ))}, which makes them two subshells.
   */
  private boolean arithmetic() {
    Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    if (!commandPosition(previous) && (previous == null || !previous.isReserved("for"))) {
      return false;
    }
    int depth = 0;
    for (int i = pos + 2; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (c == ')') {
        if (i + 1 >= src.length() || src.charAt(i + 1) != ')') {
          return false;
        }
        tokens.add(new Token(Kind.ARITH, src.substring(pos + 2, i), null, null));
        pos = i + 2;
        return true;
      }
    }
    throw WordScanner.eofMatching(')');
  }

  /** True when a word after {@code previous} would be a command name, so {@code [[} opens a conditional. */
  private static boolean commandPosition(Token previous) {
    if (previous == null || previous.kind() == Kind.NEWLINE) {
      return true;
    }
    if (previous.kind() == Kind.OPERATOR) {
      return Set.of(";", "&&", "||", "|", "&", "(", ";;").contains(previous.text()) || previous.isOp(")");
    }
    String text = previous.kind() == Kind.WORD ? previous.word().literalText() : null;
    return text != null && Set.of("then", "do", "else", "elif", "if", "while", "until", "!", "{").contains(text);
  }

  private void readHereDocs() {
    for (HereDoc doc : pending) {
      StringBuilder body = new StringBuilder();
      boolean closed = false;
      while (pos < src.length()) {
        int end = src.indexOf('\n', pos);
        String line = end < 0 ? src.substring(pos) : src.substring(pos, end);
        pos = end < 0 ? src.length() : end + 1;
        if (doc.stripTabs) {
          line = line.replaceFirst("^\t+", "");
        }
        if (line.equals(doc.delimiter)) {
          closed = true;
          break;
        }
        body.append(line).append('\n');
      }
      if (!closed) {
        hereDocOpen = true;
        warnEof(doc);
      }
      doc.body = body.toString();
    }
    pending.clear();
  }

  private void warnEof(HereDoc doc) {
    long line = src.chars().filter(ch -> ch == '\n').count();
    warnings.add("warning: here-document at line " + Math.max(1, line) + " delimited by end-of-file (wanted `"
        + doc.delimiter + "')");
  }

  private static boolean isPlain(Word word) {
    return word.parts().stream().allMatch(p -> p instanceof Literal);
  }

  /** The delimiter after quote removal ({@code 'EOF'} and {@code E"O"F} both mean {@code EOF}). */
  private static String unquoted(Word word) {
    StringBuilder sb = new StringBuilder();
    for (Part part : word.parts()) {
      appendText(part, sb);
    }
    return sb.toString();
  }

  private static void appendText(Part part, StringBuilder sb) {
    if (part instanceof Literal l) {
      sb.append(l.text());
    } else if (part instanceof Quoted q) {
      sb.append(q.text());
    } else if (part instanceof DoubleQuoted dq) {
      dq.parts().forEach(p -> appendText(p, sb));
    } else if (part instanceof Word.Param p) {
      sb.append('$').append(p.name());
    }
  }
}
