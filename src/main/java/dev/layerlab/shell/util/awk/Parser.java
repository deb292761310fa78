package dev.layerlab.shell.util.awk;

import dev.layerlab.shell.util.awk.Lexer.Token;
import dev.layerlab.shell.util.awk.Node.Block;
import dev.layerlab.shell.util.awk.Node.Expr;
import dev.layerlab.shell.util.awk.Node.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Statements, items and the whole program; expressions are {@link ExprParser}'s. */
final class Parser extends ExprParser {
  private final Map<String, Node.Function> functions = new LinkedHashMap<>();

  Parser(String source) {
    super(new Lexer(source));
  }

  Node.Program program() {
    List<Node.Item> items = new ArrayList<>();
    skipTerminators();
    while (!tok.is("EOF")) {
      if (tok.is("}")) {
        throw new AwkException("extra '}'", tok.line());
      }
      item(items);
      skipTerminators();
    }
    return new Node.Program(items, functions);
  }

  private void skipTerminators() {
    while (tok.is("NL") || tok.is(";")) {
      advance();
    }
  }

  private void item(List<Node.Item> items) {
    if (tok.is("BEGIN") || tok.is("END")) {
      String kind = tok.kind();
      advance();
      skipNl();
      if (!tok.is("{")) {
        throw syntax();
      }
      items.add(new Node.Item(kind, null, null, block()));
    } else if (tok.is("function")) {
      function();
    } else if (tok.is("{")) {
      items.add(new Node.Item("MAIN", null, null, block()));
    } else {
      Expr pattern = expr();
      Expr end = null;
      if (tok.is(",")) {
        advance();
        end = expr();
      }
      Block action = tok.is("{") ? block() : null;
      if (action == null && !tok.is("NL") && !tok.is(";") && !tok.is("EOF")) {
        throw tok.is("}") ? new AwkException("extra '}'", tok.line()) : syntax();
      }
      items.add(new Node.Item(end == null ? "MAIN" : "RANGE", pattern, end, action));
    }
  }

  private void function() {
    advance();
    if (!tok.is("NAME") && !tok.is("FUNC_NAME")) {
      throw syntax();
    }
    String name = tok.text();
    advance();
    expect("(");
    List<String> params = new ArrayList<>();
    while (tok.is("NAME")) {
      params.add(tok.text());
      advance();
      if (!tok.is(",")) {
        break;
      }
      advance();
    }
    expect(")");
    skipNl();
    locals = Set.copyOf(params);
    functions.put(name, new Node.Function(name, params, block()));
    locals = Set.of();
  }

  private Block block() {
    expect("{");
    List<Stmt> body = new ArrayList<>();
    skipTerminators();
    while (!tok.is("}")) {
      if (tok.is("EOF")) {
        throw new AwkException("missing } near end of file", tok.line());
      }
      body.add(statement());
      skipTerminators();
    }
    advance();
    return new Block(body);
  }

  private Stmt statement() {
    switch (tok.kind()) {
      case "{":
        return block();
      case "if": {
        advance();
        expect("(");
        Expr test = expr();
        expect(")");
        skipNl();
        Stmt then = statement();
        int mark = lexer.position();
        int line = lexer.line();
        String last = lexer.lastKind();
        Token saved = tok;
        skipTerminators();
        if (tok.is("else")) {
          advance();
          skipNl();
          return new Node.If(test, then, statement());
        }
        lexer.reset(mark, line, last);
        tok = saved;
        return new Node.If(test, then, null);
      }
      case "while": {
        advance();
        expect("(");
        Expr test = expr();
        expect(")");
        if (tok.is(";")) {
          advance();
          return new Node.While(test, new Block(List.of()));
        }
        skipNl();
        return new Node.While(test, statement());
      }
      case "do": {
        advance();
        skipNl();
        Stmt body = statement();
        skipTerminators();
        expect("while");
        expect("(");
        Expr test = expr();
        expect(")");
        end();
        return new Node.Do(body, test);
      }
      case "for":
        return forStatement();
      case ";":
        advance();
        return new Block(List.of());
      default: {
        Stmt s = simple();
        end();
        return s;
      }
    }
  }

  private Stmt forStatement() {
    advance();
    expect("(");
    if (tok.is("NAME")) {
      int mark = lexer.position();
      int line = lexer.line();
      String last = lexer.lastKind();
      Token saved = tok;
      String var = tok.text();
      advance();
      if (tok.is("in")) {
        advance();
        if (tok.is("NAME")) {
          String array = tok.text();
          advance();
          if (tok.is(")")) {
            advance();
            skipNl();
            use(var, false);
            use(array, true);
            return new Node.ForIn(var, array, statement());
          }
        }
      }
      lexer.reset(mark, line, last);
      tok = saved;
    }
    Stmt init = tok.is(";") ? null : simple();
    expect(";");
    skipNl();
    Expr test = tok.is(";") ? null : expr();
    expect(";");
    skipNl();
    Stmt step = tok.is(")") ? null : simple();
    expect(")");
    if (tok.is(";")) {
      advance();
      return new Node.For(init, test, step, new Block(List.of()));
    }
    skipNl();
    return new Node.For(init, test, step, statement());
  }

  private void end() {
    if (tok.is(";") || tok.is("NL")) {
      advance();
    } else if (!tok.is("}") && !tok.is("EOF")) {
      throw syntax();
    }
  }

  private Stmt simple() {
    switch (tok.kind()) {
      case "print":
      case "printf":
        return print();
      case "next":
        advance();
        return new Node.Next();
      case "nextfile":
        advance();
        return new Node.NextFile();
      case "break":
        advance();
        return new Node.Break();
      case "continue":
        advance();
        return new Node.Continue();
      case "exit":
        advance();
        return new Node.Exit(endsStatement() ? null : expr());
      case "return":
        advance();
        return new Node.Return(endsStatement() ? null : expr());
      case "delete": {
        advance();
        if (!tok.is("NAME")) {
          throw syntax();
        }
        String name = tok.text();
        use(name, true);
        advance();
        if (!tok.is("[")) {
          return new Node.Delete(name, null);
        }
        advance();
        List<Expr> keys = exprList("]");
        return new Node.Delete(name, keys);
      }
      default:
        return new Node.ExprStmt(expr());
    }
  }

  private boolean endsStatement() {
    return tok.is(";") || tok.is("NL") || tok.is("}") || tok.is("EOF");
  }

  private Stmt print() {
    boolean formatted = tok.is("printf");
    advance();
    List<Expr> args = new ArrayList<>();
    boolean saved = noGt;
    noGt = true;
    if (!endsStatement() && !tok.is(">") && !tok.is(">>") && !tok.is("|")) {
      args.add(expr());
      while (tok.is(",")) {
        advance();
        args.add(expr());
      }
    }
    if (args.size() == 1 && args.get(0) instanceof Node.Group g) {
      args = g.items();
    }
    String mode = null;
    Expr dest = null;
    if (tok.is(">") || tok.is(">>") || tok.is("|")) {
      mode = tok.kind();
      advance();
      dest = concatenation();
    }
    noGt = saved;
    if (formatted && args.isEmpty()) {
      throw syntax();
    }
    return new Node.Print(formatted, args, mode, dest);
  }
}
