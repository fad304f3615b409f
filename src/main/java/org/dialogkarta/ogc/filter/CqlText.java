package org.dialogkarta.ogc.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a CQL2 text filter ({@code filter-lang=cql2-text}) by recursive descent over the
 * characters, after the grammar of CQL2 1.0: {@code OR} binds weaker than {@code AND}, which binds
 * weaker than {@code NOT}; predicates are comparisons, {@code LIKE}, {@code BETWEEN}, {@code IN},
 * {@code IS NULL} and the {@code S_} and {@code T_} functions. Keywords are case-insensitive,
 * properties are names or double-quoted. A geometry literal is taken whole (its parentheses
 * balanced) and left to PostGIS to parse. Every error says what was expected and at which
 * character.
 */
public final class CqlText {

  /** Longer filters are refused before reading; nesting deeper than this too (no stack overflow). */
  public static final int MAX_LENGTH = 20_000;
  static final int MAX_DEPTH = 40;
  static final int MAX_LIST = 1_000;

  private static final Set<String> WKT = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
      "MULTIPOLYGON", "GEOMETRYCOLLECTION");

  private final String in;
  private int pos;
  private int depth;

  private CqlText(String in) {
    this.in = in;
  }

  public static Expression parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new FilterException("The filter is longer than " + MAX_LENGTH + " characters");
    }
    CqlText p = new CqlText(text);
    Expression e = p.or();
    p.space();
    if (p.pos < text.length()) {
      throw p.error("end of the filter");
    }
    return e;
  }

  // ---- boolean structure ----

  private Expression or() {
    List<Expression> parts = new ArrayList<>(List.of(and()));
    while (keyword("OR")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.getFirst() : new Expression.Or(parts);
  }

  private Expression and() {
    List<Expression> parts = new ArrayList<>(List.of(not()));
    while (keyword("AND")) {
      parts.add(not());
    }
    return parts.size() == 1 ? parts.getFirst() : new Expression.And(parts);
  }

  private Expression not() {
    if (keyword("NOT")) {
      return new Expression.Not(nested(this::not));
    }
    return primary();
  }

  private Expression primary() {
    space();
    if (symbol("(")) {
      Expression inner = nested(this::or);
      expect(")");
      return inner;
    }
    String word = peekWord();
    if (word != null && next(word.length()) == '(') {
      String upper = word.toUpperCase(Locale.ROOT);
      if (upper.startsWith("S_")) {
        pos += word.length();
        Operand[] args = arguments(2);
        return new Expression.Spatial(upper, args[0], args[1]);
      }
      if (upper.startsWith("T_")) {
        pos += word.length();
        Operand[] args = arguments(2);
        return new Expression.Temporal(upper, args[0], args[1]);
      }
      if (upper.startsWith("A_")) {
        throw new FilterException(upper + " (array functions) is not offered; subtags cannot be filtered yet");
      }
    }
    int start = pos;
    Operand left = operand();
    if (left instanceof Operand.Bool b && !atPredicateWord()) {
      return new Expression.Constant(b.value());
    }
    return predicate(left, start);
  }

  private boolean atPredicateWord() {
    space();
    if (pos < in.length() && "=<>".indexOf(in.charAt(pos)) >= 0) {
      return true;
    }
    String word = peekWord();
    return word != null && Set.of("LIKE", "BETWEEN", "IN", "IS", "NOT").contains(word.toUpperCase(Locale.ROOT));
  }

  private Expression predicate(Operand left, int start) {
    space();
    for (String op : List.of("<>", "<=", ">=", "=", "<", ">")) {
      if (symbol(op)) {
        return new Expression.Compare(op, left, operand());
      }
    }
    if (keyword("IS")) {
      boolean negated = keyword("NOT");
      if (!keyword("NULL")) {
        throw error("NULL");
      }
      Expression e = new Expression.IsNull(left);
      return negated ? new Expression.Not(e) : e;
    }
    boolean negated = keyword("NOT");
    Expression e;
    if (keyword("LIKE")) {
      e = new Expression.Like(left, operand());
    } else if (keyword("BETWEEN")) {
      Operand low = operand();
      if (!keyword("AND")) {
        throw error("AND (BETWEEN low AND high)");
      }
      e = new Expression.Between(left, low, operand());
    } else if (keyword("IN")) {
      expect("(");
      List<Operand> list = new ArrayList<>(List.of(operand()));
      while (symbol(",")) {
        if (list.size() >= MAX_LIST) {
          throw new FilterException("An IN list may have at most " + MAX_LIST + " values");
        }
        list.add(operand());
      }
      expect(")");
      e = new Expression.In(left, list);
    } else {
      pos = Math.max(pos, start);
      throw error("a comparison (=, <>, <, >, <=, >=), LIKE, BETWEEN, IN or IS NULL");
    }
    return negated ? new Expression.Not(e) : e;
  }

  // ---- operands ----

  private Operand operand() {
    space();
    if (pos >= in.length()) {
      throw error("a value or a property");
    }
    char c = in.charAt(pos);
    if (c == '\'') {
      return new Operand.Text(string());
    }
    if (c == '"') {
      return new Operand.Property(quotedName());
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      return new Operand.Number(number());
    }
    String word = peekWord();
    if (word == null) {
      throw error("a value or a property");
    }
    String upper = word.toUpperCase(Locale.ROOT);
    boolean call = next(word.length()) == '(';
    switch (upper) {
      case "TRUE", "FALSE" -> {
        pos += word.length();
        return new Operand.Bool(upper.equals("TRUE"));
      }
      default -> { }
    }
    if (call || WKT.contains(upper)) {
      if (WKT.contains(upper)) {
        return wkt();
      }
      pos += word.length();
      switch (upper) {
        case "CASEI" -> {
          return new Operand.Casei(arguments(1)[0]);
        }
        case "DATE" -> {
          return Times.day(single());
        }
        case "TIMESTAMP" -> {
          return Times.instant(single());
        }
        case "INTERVAL" -> {
          expect("(");
          Operand a = intervalEnd();
          expect(",");
          Operand b = intervalEnd();
          expect(")");
          return new Operand.Interval(a, b);
        }
        case "BBOX" -> {
          return bbox();
        }
        case "ACCENTI" -> throw new FilterException("ACCENTI is not offered; CASEI is");
        default -> throw new FilterException("Unknown function '" + word + "'; functions offered: CASEI, DATE,"
            + " TIMESTAMP, INTERVAL, BBOX, S_INTERSECTS and the other S_ and T_ functions");
      }
    }
    pos += word.length();
    if (Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL").contains(upper)) {
      pos -= word.length();
      throw error("a value or a property");
    }
    return new Operand.Property(word);
  }

  private Operand intervalEnd() {
    space();
    if (pos < in.length() && in.charAt(pos) == '\'') {
      String s = string();
      return Times.end(s);
    }
    Operand o = operand();
    if (!(o instanceof Operand.Property || o instanceof Operand.Day || o instanceof Operand.Timestamp)) {
      throw new FilterException("An INTERVAL's ends are dates, timestamps, '..' or properties");
    }
    return o;
  }

  private String single() {
    expect("(");
    space();
    String s = string();
    expect(")");
    return s;
  }

  private Operand[] arguments(int n) {
    expect("(");
    Operand[] out = new Operand[n];
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        expect(",");
      }
      out[i] = nested(this::operand);
    }
    expect(")");
    return out;
  }

  private Operand bbox() {
    expect("(");
    List<BigDecimal> v = new ArrayList<>(List.of(number()));
    while (symbol(",")) {
      v.add(number());
    }
    expect(")");
    if (v.size() != 4 && v.size() != 6) {
      throw new FilterException("BBOX takes four numbers (or six with heights)");
    }
    return Geometries.box(v);
  }

  /** A WKT literal taken whole: its keyword, an optional Z, and balanced parentheses. */
  private Operand wkt() {
    int start = pos;
    pos += peekWord().length();
    space();
    String z = peekWord();
    if (z != null && (z.equalsIgnoreCase("Z") || z.equalsIgnoreCase("EMPTY"))) {
      pos += z.length();
      if (z.equalsIgnoreCase("EMPTY")) {
        return new Operand.Geometry(in.substring(start, pos), false);
      }
      space();
    }
    if (!symbol("(")) {
      throw error("'(' of the geometry's coordinates");
    }
    int open = 1;
    while (open > 0) {
      if (pos >= in.length()) {
        throw error("')' closing the geometry");
      }
      char c = in.charAt(pos++);
      if (c == '(') {
        open++;
      } else if (c == ')') {
        open--;
      } else if (!(Character.isDigit(c) || Character.isWhitespace(c) || Character.isLetter(c) || ",.-+".indexOf(c) >= 0)) {
        pos--;
        throw error("a coordinate of the geometry");
      }
    }
    return new Operand.Geometry(in.substring(start, pos), false);
  }

  // ---- characters ----

  private String string() {
    if (!symbol("'")) {
      throw error("a quoted text");
    }
    StringBuilder s = new StringBuilder();
    while (true) {
      if (pos >= in.length()) {
        throw error("the closing quote of the text");
      }
      char c = in.charAt(pos++);
      if (c == '\'') {
        if (pos < in.length() && in.charAt(pos) == '\'') {
          s.append('\'');
          pos++;
        } else {
          return s.toString();
        }
      } else if (c == '\\' && pos < in.length() && in.charAt(pos) == '\'') {
        s.append('\'');
        pos++;
      } else {
        s.append(c);
      }
    }
  }

  private String quotedName() {
    pos++;
    int end = in.indexOf('"', pos);
    if (end < 0) {
      throw error("the closing double quote of the property name");
    }
    String name = in.substring(pos, end);
    pos = end + 1;
    return name;
  }

  private BigDecimal number() {
    space();
    int start = pos;
    if (pos < in.length() && (in.charAt(pos) == '-' || in.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < in.length() && (Character.isDigit(in.charAt(pos)) || ".eE".indexOf(in.charAt(pos)) >= 0
        || ((in.charAt(pos) == '-' || in.charAt(pos) == '+') && "eE".indexOf(in.charAt(pos - 1)) >= 0))) {
      pos++;
    }
    try {
      return new BigDecimal(in.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("a number");
    }
  }

  /** The name-like word at the current place (letters, digits, _, ., :), or null. */
  private String peekWord() {
    space();
    int end = pos;
    while (end < in.length() && (Character.isLetterOrDigit(in.charAt(end)) || "_.:".indexOf(in.charAt(end)) >= 0)) {
      end++;
    }
    if (end == pos || !(Character.isLetter(in.charAt(pos)) || in.charAt(pos) == '_')) {
      return null;
    }
    return in.substring(pos, end);
  }

  /** The character after the word of this length, skipping spaces, or 0 at the end. */
  private char next(int length) {
    int i = pos + length;
    while (i < in.length() && Character.isWhitespace(in.charAt(i))) {
      i++;
    }
    return i < in.length() ? in.charAt(i) : 0;
  }

  private boolean keyword(String word) {
    String w = peekWord();
    if (w != null && w.equalsIgnoreCase(word)) {
      pos += w.length();
      return true;
    }
    return false;
  }

  private boolean symbol(String s) {
    space();
    if (in.startsWith(s, pos)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private void expect(String s) {
    if (!symbol(s)) {
      throw error("'" + s + "'");
    }
  }

  private void space() {
    while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
      pos++;
    }
  }

  private <T> T nested(java.util.function.Supplier<T> inner) {
    if (++depth > MAX_DEPTH) {
      throw new FilterException("The filter nests deeper than " + MAX_DEPTH + " levels");
    }
    T t = inner.get();
    depth--;
    return t;
  }

  private FilterException error(String expected) {
    String found = pos >= in.length() ? "the end" : "'" + in.substring(pos, Math.min(in.length(), pos + 12)) + "'";
    return new FilterException("Expected " + expected + " at character " + (pos + 1) + ", found " + found);
  }
}
