package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code case word in pattern|pattern) list ;; ... esac} with the parser's tokens. */
final class CaseParser {
  private CaseParser() {}

  static Node parse(Parser p) {
    p.next();
    Token subject = p.next();
    if (subject.kind() == Kind.EOF) {
      throw ParseException.unexpectedEof();
    }
    if (subject.kind() != Kind.WORD) {
      throw Parser.unexpected(subject);
    }
    p.skipNewlines();
    p.expectWord("in");
    p.skipNewlines();
    List<Node.CaseItem> items = new ArrayList<>();
    while (!p.peek().isReserved("esac")) {
      if (p.peek().kind() == Kind.EOF) {
        throw ParseException.unexpectedEof();
      }
      if (p.peek().isOp("(")) {
        p.next();
      }
      List<Word> patterns = new ArrayList<>();
      Token t = p.next();
      if (t.kind() != Kind.WORD) {
        throw Parser.unexpected(t);
      }
      patterns.add(t.word());
      while (p.peek().isOp("|")) {
        p.next();
        Token alt = p.next();
        if (alt.kind() != Kind.WORD) {
          throw Parser.unexpected(alt);
        }
        patterns.add(alt.word());
      }
      p.expectOp(")");
      Node body = p.peek().isOp(";;") || p.peek().isReserved("esac") ? null : p.list(Set.of(";;", "esac"), false);
      items.add(new Node.CaseItem(List.copyOf(patterns), body));
      if (p.peek().isOp(";;")) {
        p.next();
        p.skipNewlines();
      } else if (!p.peek().isReserved("esac")) {
        throw Parser.unexpected(p.peek());
      }
    }
    p.next();
    return new Node.Case(subject.word(), List.copyOf(items));
  }
}
