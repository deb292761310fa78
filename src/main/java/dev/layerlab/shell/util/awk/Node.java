package dev.layerlab.shell.util.awk;

import java.util.List;

/** The syntax tree of an awk program: expressions, statements and pattern-action items. */
final class Node {
  private Node() {}

  sealed interface Expr permits Num, Str, Regex, Var, Field, Index, In, Assign, Binary, Logical, Not, Neg,
      Cmp, Match, Concat, Cond, IncDec, Call, Builtin, Getline, Group {}

  record Num(double value) implements Expr {}

  record Str(String value) implements Expr {}

  /** A regular expression literal; alone it means {@code $0 ~ /re/}. */
  record Regex(String source) implements Expr {}

  record Var(String name) implements Expr {}

  record Field(Expr index) implements Expr {}

  record Index(String array, List<Expr> keys) implements Expr {}

  record In(List<Expr> keys, String array) implements Expr {}

  /** {@code op} is "=" or the arithmetic operator of a compound assignment ("+", "^"...). */
  record Assign(Expr target, String op, Expr value) implements Expr {}

  record Binary(String op, Expr left, Expr right) implements Expr {}

  record Logical(boolean and, Expr left, Expr right) implements Expr {}

  record Not(Expr operand) implements Expr {}

  /** Unary minus, or unary plus when {@code negate} is false. */
  record Neg(Expr operand, boolean negate) implements Expr {}

  record Cmp(String op, Expr left, Expr right) implements Expr {}

  record Match(boolean negated, Expr left, Expr regex) implements Expr {}

  record Concat(Expr left, Expr right) implements Expr {}

  record Cond(Expr test, Expr then, Expr otherwise) implements Expr {}

  record IncDec(Expr target, boolean increment, boolean prefix) implements Expr {}

  record Call(String function, List<Expr> args) implements Expr {}

  record Builtin(String name, List<Expr> args) implements Expr {}

  /** {@code getline [var] [< file]} or {@code command | getline [var]}; {@code var} may be null. */
  record Getline(Expr var, Expr file, Expr command) implements Expr {}

  /** A parenthesised list {@code (a, b)}: only valid before {@code in} or as print's arguments. */
  record Group(List<Expr> items) implements Expr {}

  sealed interface Stmt permits Print, ExprStmt, If, While, Do, For, ForIn, Block, Next, Exit, Return, Break,
      Continue, Delete, NextFile {}

  /** print or printf; {@code mode} is null, ">", ">>" or "|". */
  record Print(boolean formatted, List<Expr> args, String mode, Expr dest) implements Stmt {}

  record ExprStmt(Expr expr) implements Stmt {}

  record If(Expr test, Stmt then, Stmt otherwise) implements Stmt {}

  record While(Expr test, Stmt body) implements Stmt {}

  record Do(Stmt body, Expr test) implements Stmt {}

  record For(Stmt init, Expr test, Stmt step, Stmt body) implements Stmt {}

  record ForIn(String var, String array, Stmt body) implements Stmt {}

  record Block(List<Stmt> body) implements Stmt {}

  record Next() implements Stmt {}

  record Exit(Expr status) implements Stmt {}

  record Return(Expr value) implements Stmt {}

  record Break() implements Stmt {}

  record Continue() implements Stmt {}

  /** {@code delete a[k]}, or {@code delete a} when {@code keys} is null. */
  record Delete(String array, List<Expr> keys) implements Stmt {}

  /** {@code nextfile}: the rest of the current input file is skipped. */
  record NextFile() implements Stmt {}

  /** One {@code pattern { action }}; kind is BEGIN, END, MAIN or RANGE. */
  record Item(String kind, Expr pattern, Expr end, Block action) {}

  record Function(String name, List<String> params, Block body) {}

  record Program(List<Item> items, java.util.Map<String, Function> functions) {}
}
