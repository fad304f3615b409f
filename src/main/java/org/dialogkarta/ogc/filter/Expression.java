package org.dialogkarta.ogc.filter;

import java.util.List;

/**
 * A CQL2 filter as a tree, whichever encoding it came in (text or JSON): boolean combinations of
 * predicates on {@link Operand}s. The tree only says what was asked; {@link FilterSql} checks it
 * against a collection's queryables and writes it as SQL with bound parameters.
 */
public sealed interface Expression {

  record And(List<Expression> parts) implements Expression {}

  record Or(List<Expression> parts) implements Expression {}

  record Not(Expression inner) implements Expression {}

  /** {@code TRUE} or {@code FALSE} on its own. */
  record Constant(boolean value) implements Expression {}

  /** {@code =, <>, <, >, <=, >=}. */
  record Compare(String op, Operand left, Operand right) implements Expression {}

  /** {@code value LIKE pattern}, with CQL2's (and SQL's) wildcards {@code %} and {@code _}. */
  record Like(Operand value, Operand pattern) implements Expression {}

  record Between(Operand value, Operand low, Operand high) implements Expression {}

  record In(Operand value, List<Operand> list) implements Expression {}

  record IsNull(Operand value) implements Expression {}

  /** {@code S_INTERSECTS} and the other spatial functions, named in upper case. */
  record Spatial(String op, Operand left, Operand right) implements Expression {}

  /** {@code T_INTERSECTS} and the other temporal functions, named in upper case. */
  record Temporal(String op, Operand left, Operand right) implements Expression {}
}
