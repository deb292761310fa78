package dev.layerlab.shell.util.awk;

import dev.layerlab.shell.util.awk.Node.Expr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The interpreter's state (variables, $0, I/O) and the evaluation of expressions. */
class Eval {
  final Map<String, Cell> globals = new HashMap<>();
  final Deque<Map<String, Cell>> frames = new ArrayDeque<>();
  final Record record = new Record();
  final Regex regex = new Regex();
  final Io io;
  final Node.Program program;
  /** Set by the main loop: reads the next main-input record for plain getline; false at the end. */
  Interp.MainInput mainInput;

  Eval(Node.Program program, Io io) {
    this.program = program;
    this.io = io;
  }

  final Cell cell(String name) {
    Map<String, Cell> frame = frames.peek();
    if (frame != null) {
      Cell local = frame.get(name);
      if (local != null) {
        return local;
      }
    }
    return globals.computeIfAbsent(name, k -> new Cell());
  }

  final String special(String name) {
    return Values.str(cell(name).get(), "%.6g");
  }

  final String convfmt() {
    return special("CONVFMT");
  }

  final String str(Object v) {
    return Values.str(v, convfmt());
  }

  final Object eval(Expr e) {
    if (e instanceof Node.Num n) {
      return n.value();
    } else if (e instanceof Node.Str s) {
      return s.value();
    } else if (e instanceof Node.Var v) {
      return variable(v.name());
    } else if (e instanceof Node.Field f) {
      return record.field(fieldIndex(f.index()));
    } else if (e instanceof Node.Concat c) {
      return str(eval(c.left())) + str(eval(c.right()));
    } else if (e instanceof Node.Index ix) {
      return element(ix.array(), key(ix.keys()));
    } else if (e instanceof Node.Cmp c) {
      return bool(compare(c.op(), Values.compare(eval(c.left()), eval(c.right()), convfmt())));
    } else if (e instanceof Node.Binary b) {
      return arithmetic(b.op(), Values.num(eval(b.left())), Values.num(eval(b.right())));
    } else if (e instanceof Node.Assign a) {
      return assign(a);
    } else if (e instanceof Node.Regex r) {
      return bool(regex.compile(r.source()).matcher(record.text()).find());
    } else if (e instanceof Node.In in) {
      return bool(array(in.array()).containsKey(key(in.keys())));
    } else if (e instanceof Node.Logical l) {
      return bool(l.and()
          ? Values.truth(eval(l.left())) && Values.truth(eval(l.right()))
          : Values.truth(eval(l.left())) || Values.truth(eval(l.right())));
    } else if (e instanceof Node.Not n) {
      return bool(!Values.truth(eval(n.operand())));
    } else if (e instanceof Node.Neg n) {
      return n.negate() ? -Values.num(eval(n.operand())) : Values.num(eval(n.operand()));
    } else if (e instanceof Node.Match m) {
      return bool(matches(str(eval(m.left())), m.regex()) != m.negated());
    } else if (e instanceof Node.Cond c) {
      return Values.truth(eval(c.test())) ? eval(c.then()) : eval(c.otherwise());
    } else if (e instanceof Node.IncDec d) {
      return incDec(d);
    } else if (e instanceof Node.Call c) {
      return ((Interp) this).call(c);
    } else if (e instanceof Node.Builtin b) {
      return Builtins.call(this, b.name(), b.args());
    } else if (e instanceof Node.Getline g) {
      return ((Interp) this).getline(g);
    }
    Object last = Values.UNINIT;
    for (Expr item : ((Node.Group) e).items()) {
      last = eval(item);
    }
    return last;
  }

  static Double bool(boolean b) {
    return b ? 1.0 : 0.0;
  }

  private static boolean compare(String op, int c) {
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case "==" -> c == 0;
      case "!=" -> c != 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  static double arithmetic(String op, double a, double b) {
    return switch (op) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> a / b;
      case "%" -> b == 0 || Double.isInfinite(a) ? Values.NEGATIVE_NAN : a % b;
      default -> Math.pow(a, b);
    };
  }

  /** The pattern of a regex operand: a literal as written, any other value as a dynamic regex. */
  final Pattern pattern(Expr e) {
    return e instanceof Node.Regex r ? regex.compile(r.source()) : regex.compile(str(eval(e)));
  }

  final boolean matches(String s, Expr re) {
    return pattern(re).matcher(s).find();
  }

  private Object variable(String name) {
    if (name.equals("NF")) {
      return (double) record.nf();
    }
    Cell c = cell(name);
    if (c.isArray()) {
      throw new AwkException("can't use array " + name + " in scalar context");
    }
    return c.get();
  }

  final int fieldIndex(Expr e) {
    double d = Values.num(eval(e));
    if (d < 0) {
      throw new AwkException("negative field index $" + (long) d);
    }
    return (int) d;
  }

  final Map<String, Object> array(String name) {
    return cell(name).array();
  }

  final Object element(String name, String key) {
    return array(name).computeIfAbsent(key, k -> Values.UNINIT);
  }

  final String key(List<Expr> keys) {
    if (keys.size() == 1) {
      return subscript(eval(keys.get(0)));
    }
    StringBuilder sb = new StringBuilder();
    String subsep = special("SUBSEP");
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        sb.append(subsep);
      }
      sb.append(subscript(eval(keys.get(i))));
    }
    return sb.toString();
  }

  /** An integral number is a subscript by its digits whatever CONVFMT says. */
  private String subscript(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) (double) d);
    }
    return str(v);
  }

  final void store(Expr target, Object value) {
    if (target instanceof Node.Var v) {
      if (v.name().equals("NF")) {
        record.setNf((int) Values.num(value), special("OFS"), convfmt());
        return;
      }
      Cell c = cell(v.name());
      if (c.isArray()) {
        throw new AwkException("can't assign to array " + v.name());
      }
      c.value = value;
    } else if (target instanceof Node.Field f) {
      int i = fieldIndex(f.index());
      if (i == 0) {
        setRecord(str(value));
        if (value instanceof Double d) {
          record.keepNumber(d);
        }
      } else {
        record.setField(i, value, special("OFS"), convfmt());
      }
    } else if (target instanceof Node.Index ix) {
      array(ix.array()).put(key(ix.keys()), value);
    } else {
      throw new AwkException("assignment to non-variable");
    }
  }

  final void setRecord(String text) {
    record.set(text, special("FS"), regex);
  }

  private Object assign(Node.Assign a) {
    Object value;
    if (a.op().equals("=")) {
      value = eval(a.value());
      if (value instanceof Values.StrNum s && s == Values.UNINIT) {
        value = Values.UNINIT;
      }
    } else {
      double right = Values.num(eval(a.value()));
      value = arithmetic(a.op(), Values.num(eval(a.target())), right);
    }
    store(a.target(), value);
    return value;
  }

  private Object incDec(Node.IncDec d) {
    double old = Values.num(eval(d.target()));
    double now = d.increment() ? old + 1 : old - 1;
    store(d.target(), now);
    return d.prefix() ? now : old;
  }
}
