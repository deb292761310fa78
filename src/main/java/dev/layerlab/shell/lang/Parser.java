package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Node.Assignment;
import dev.layerlab.shell.lang.Node.Redirect;
import dev.layerlab.shell.lang.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A recursive-descent parser for the part of bash's grammar layerlab runs. */
public final class Parser {
  private static final Set<String> REDIRECTS =
      Set.of(">", ">>", "<", ">&", "<&", "&>", "&>>", "<<", "<<-", "<<<", ">|");
  private static final Set<String> CLOSERS = Set.of("then", "elif", "else", "fi", "do", "done", "}", "esac");

  private final List<Token> tokens;
  private int at;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** The parse of a whole line or script; the result's warnings are bash's here-document warnings. */
  public static Parsed parse(String source) {
    Lexer lexer = Lexer.run(source);
    Parser parser = new Parser(lexer.tokens());
    Node node = parser.program();
    return new Parsed(node, lexer.warnings(), lexer.hereDocOpen());
  }

  /** A parsed script. {@code hereDocOpen} is true when a here-document ran to the end of the input. */
  public record Parsed(Node node, List<String> warnings, boolean hereDocOpen) {}

  private Node program() {
    Node list = list(Set.of(), false);
    Token t = peek();
    if (t.kind() != Kind.EOF) {
      throw ParseException.unexpectedToken(t.shown());
    }
    return list;
  }

  Node list(Set<String> terminators, boolean required) {
    skipNewlines();
    List<Node> items = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.EOF || isTerminator(t, terminators)) {
        break;
      }
      items.add(andOr());
      t = peek();
      if (t.isOp(";") || t.isOp("&") || t.kind() == Kind.NEWLINE) {
        next();
        skipNewlines();
        continue;
      }
      break;
    }
    if (items.isEmpty() && required) {
      Token t = peek();
      throw t.kind() == Kind.EOF ? ParseException.unexpectedEof() : ParseException.unexpectedToken(t.shown());
    }
    return items.size() == 1 ? items.get(0) : new Node.Sequence(List.copyOf(items));
  }

  private static boolean isTerminator(Token t, Set<String> terminators) {
    if (t.kind() == Kind.OPERATOR) {
      return terminators.contains(t.text());
    }
    return t.kind() == Kind.WORD && t.word().literalText() != null && terminators.contains(t.word().literalText());
  }

  private Node andOr() {
    List<Node> items = new ArrayList<>();
    List<String> ops = new ArrayList<>();
    items.add(pipeline());
    while (peek().isOp("&&") || peek().isOp("||")) {
      ops.add(next().text());
      skipNewlines();
      items.add(pipeline());
    }
    return items.size() == 1 ? items.get(0) : new Node.AndOr(List.copyOf(items), List.copyOf(ops));
  }

  private Node pipeline() {
    boolean negated = false;
    if (peek().isReserved("!")) {
      next();
      negated = true;
    }
    List<Node> commands = new ArrayList<>();
    commands.add(command());
    while (peek().isOp("|")) {
      next();
      skipNewlines();
      commands.add(command());
    }
    return commands.size() == 1 && !negated ? commands.get(0) : new Node.Pipeline(List.copyOf(commands), negated);
  }

  private Node command() {
    Token t = peek();
    Node compound = null;
    if (t.kind() == Kind.WORD && t.word().literalText() != null) {
      String w = t.word().literalText();
      switch (w) {
        case "if" -> compound = ifClause();
        case "for" -> compound = forClause();
        case "while", "until" -> compound = whileClause();
        case "{" -> compound = braceGroup();
        case "case" -> compound = CaseParser.parse(this);
        case "function" -> {
          return function();
        }
        case "[[" -> {
          CondParser cond = new CondParser(tokens, at + 1);
          compound = new Node.Conditional(cond.parse());
          at = cond.end();
        }
        default -> {
          if (CLOSERS.contains(w)) {
            throw ParseException.unexpectedToken(w);
          }
          if (peekAt(1).isOp("(") && peekAt(2).isOp(")")) {
            return function();
          }
        }
      }
    } else if (t.kind() == Kind.ARITH) {
      next();
      compound = new Node.ArithCommand(t.text());
    } else if (t.isOp("(")) {
      next();
      Node body = list(Set.of(")"), true);
      expectOp(")");
      compound = new Node.Group(body, true);
    }
    if (compound == null) {
      return simple();
    }
    List<Redirect> redirects = new ArrayList<>();
    while (isRedirectStart()) {
      redirects.add(redirect());
    }
    return redirects.isEmpty() ? compound : new Node.Redirected(compound, List.copyOf(redirects));
  }

  /** {@code name() body} or {@code function name [()] body}; the body must be a compound command. */
  private Node function() {
    boolean keyword = next().isReserved("function");
    Token name = keyword ? next() : tokens.get(at - 1);
    if (name.kind() != Kind.WORD) {
      throw ParseException.unexpectedToken(name.shown());
    }
    if (!keyword || peek().isOp("(")) {
      expectOp("(");
      expectOp(")");
    }
    skipNewlines();
    Token body = peek();
    String w = body.kind() == Kind.WORD ? body.word().literalText() : "";
    if (!body.isOp("(") && body.kind() != Kind.ARITH && !Set.of("{", "if", "for", "while", "until", "case", "[[").contains(w)) {
      throw unexpected(body);
    }
    return new Node.Function(name.text(), command());
  }

  private Node ifClause() {
    next();
    List<Node> conditions = new ArrayList<>();
    List<Node> bodies = new ArrayList<>();
    conditions.add(list(Set.of("then"), true));
    expectWord("then");
    bodies.add(list(Set.of("elif", "else", "fi"), true));
    Node otherwise = null;
    while (true) {
      Token t = next();
      if (t.isReserved("elif")) {
        conditions.add(list(Set.of("then"), true));
        expectWord("then");
        bodies.add(list(Set.of("elif", "else", "fi"), true));
      } else if (t.isReserved("else")) {
        otherwise = list(Set.of("fi"), true);
        expectWord("fi");
        break;
      } else if (t.isReserved("fi")) {
        break;
      } else {
        throw unexpected(t);
      }
    }
    return new Node.If(List.copyOf(conditions), List.copyOf(bodies), otherwise);
  }

  private Node forClause() {
    next();
    if (peek().kind() == Kind.ARITH) {
      return arithFor(next());
    }
    Token nameToken = next();
    if (nameToken.kind() == Kind.EOF) {
      throw ParseException.unexpectedEof();
    }
    String name = nameToken.kind() == Kind.WORD ? nameToken.word().literalText() : null;
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new ParseException("`" + nameToken.text() + "': not a valid identifier", false);
    }
    skipNewlines();
    List<Word> words = null;
    if (peek().isReserved("in")) {
      next();
      words = new ArrayList<>();
      while (peek().kind() == Kind.WORD) {
        words.add(next().word());
      }
      Token end = next();
      if (end.kind() == Kind.EOF) {
        throw ParseException.unexpectedEof();
      }
      if (!end.isOp(";") && end.kind() != Kind.NEWLINE) {
        throw unexpected(end);
      }
    } else if (peek().isOp(";")) {
      next();
    }
    skipNewlines();
    expectWord("do");
    Node body = list(Set.of("done"), true);
    expectWord("done");
    return new Node.For(name, words == null ? null : List.copyOf(words), body);
  }

  /** {@code for ((init; condition; step))}, then {@code do ... done} or {@code { ... }}. */
  private Node arithFor(Token header) {
    if (peek().isOp(";")) {
      next();
    }
    skipNewlines();
    Node body;
    if (peek().isReserved("{")) {
      body = braceGroup();
    } else {
      expectWord("do");
      body = list(Set.of("done"), true);
      expectWord("done");
    }
    List<String> parts = ArithCommands.forHeader(header.text());
    return new Node.ArithFor(parts.get(0), parts.get(1), parts.get(2), body);
  }

  private Node whileClause() {
    boolean until = next().isReserved("until");
    Node condition = list(Set.of("do"), true);
    expectWord("do");
    Node body = list(Set.of("done"), true);
    expectWord("done");
    return new Node.While(condition, body, until);
  }

  private Node braceGroup() {
    next();
    Node body = list(Set.of("}"), true);
    expectWord("}");
    return new Node.Group(body, false);
  }

  private Node simple() {
    List<Assignment> assignments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (true) {
      if (isRedirectStart()) {
        redirects.add(redirect());
        continue;
      }
      Token t = peek();
      if (t.kind() != Kind.WORD) {
        break;
      }
      next();
      Assignment assignment = words.isEmpty() ? Assignments.parse(t.word()) : null;
      if (assignment != null) {
        assignments.add(assignment);
      } else {
        if (Assignments.isCompound(t.word()) && (words.isEmpty() || !Assignments.declares(words.get(0)))) {
          throw ParseException.unexpectedToken("(");
        }
        words.add(t.word());
      }
    }
    if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
      throw unexpected(peek());
    }
    return new Node.Simple(List.copyOf(assignments), List.copyOf(words), List.copyOf(redirects));
  }

  private boolean isRedirectStart() {
    Token t = peek();
    if (t.kind() == Kind.IO_NUMBER) {
      return true;
    }
    return t.kind() == Kind.OPERATOR && REDIRECTS.contains(t.text());
  }

  private Redirect redirect() {
    int fd = -1;
    if (peek().kind() == Kind.IO_NUMBER) {
      fd = Integer.parseInt(next().text());
    }
    Token op = next();
    Token target = next();
    if (target.kind() != Kind.WORD) {
      throw ParseException.unexpectedToken(target.shown());
    }
    if (fd < 0) {
      fd = op.text().startsWith("<") ? 0 : 1;
    }
    return new Redirect(fd, op.text(), target.word(), target.hereDoc());
  }

  void expectWord(String word) {
    Token t = next();
    if (!t.isReserved(word)) {
      throw unexpected(t);
    }
  }

  void expectOp(String op) {
    Token t = next();
    if (!t.isOp(op)) {
      throw unexpected(t);
    }
  }

  static ParseException unexpected(Token t) {
    return t.kind() == Kind.EOF ? ParseException.unexpectedEof() : ParseException.unexpectedToken(t.shown());
  }

  void skipNewlines() {
    while (peek().kind() == Kind.NEWLINE) {
      next();
    }
  }

  Token peek() {
    return tokens.get(at);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(at);
    if (at < tokens.size() - 1) {
      at++;
    }
    return t;
  }
}
