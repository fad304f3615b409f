package org.dialogkarta.ogc.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a CQL2 JSON filter ({@code filter-lang=cql2-json}): an object {@code {"op": …, "args":
 * […]}}, with {@code {"property": …}}, {@code {"date": …}}, {@code {"timestamp": …}},
 * {@code {"interval": […]}}, {@code {"bbox": […]}} and GeoJSON geometries as operands, into the
 * same {@link Expression} as the text encoding.
 */
public final class CqlJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", ">", "<=", ">=");
  private static final Set<String> GEOJSON = Set.of("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString",
      "MultiPolygon", "GeometryCollection");

  private CqlJson() {}

  public static Expression parse(String text) {
    if (text.length() > CqlText.MAX_LENGTH) {
      throw new FilterException("The filter is longer than " + CqlText.MAX_LENGTH + " characters");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new FilterException("The filter is not JSON: " + e.getOriginalMessage());
    }
    return expression(root, 0);
  }

  private static Expression expression(JsonNode node, int depth) {
    if (depth > CqlText.MAX_DEPTH) {
      throw new FilterException("The filter nests deeper than " + CqlText.MAX_DEPTH + " levels");
    }
    if (node.isBoolean()) {
      return new Expression.Constant(node.booleanValue());
    }
    if (!node.isObject() || !node.has("op") || !node.get("op").isString()) {
      throw new FilterException("Expected an object with \"op\" and \"args\", found " + brief(node));
    }
    String op = node.get("op").stringValue();
    JsonNode args = node.get("args");
    if (args == null || !args.isArray()) {
      throw new FilterException("\"" + op + "\" needs \"args\" as an array");
    }
    String lower = op.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "and", "or" -> {
        if (args.size() < 2) {
          throw new FilterException("\"" + op + "\" needs at least two args");
        }
        List<Expression> parts = new ArrayList<>();
        args.forEach(a -> parts.add(expression(a, depth + 1)));
        return lower.equals("and") ? new Expression.And(parts) : new Expression.Or(parts);
      }
      case "not" -> {
        count(op, args, 1);
        return new Expression.Not(expression(args.get(0), depth + 1));
      }
      case "like" -> {
        count(op, args, 2);
        return new Expression.Like(operand(args.get(0), depth), operand(args.get(1), depth));
      }
      case "between" -> {
        count(op, args, 3);
        return new Expression.Between(operand(args.get(0), depth), operand(args.get(1), depth), operand(args.get(2), depth));
      }
      case "in" -> {
        count(op, args, 2);
        if (!args.get(1).isArray() || args.get(1).isEmpty()) {
          throw new FilterException("\"in\" takes a value and a non-empty array of values");
        }
        if (args.get(1).size() > CqlText.MAX_LIST) {
          throw new FilterException("An IN list may have at most " + CqlText.MAX_LIST + " values");
        }
        List<Operand> list = new ArrayList<>();
        args.get(1).forEach(a -> list.add(operand(a, depth)));
        return new Expression.In(operand(args.get(0), depth), list);
      }
      case "isnull" -> {
        count(op, args, 1);
        return new Expression.IsNull(operand(args.get(0), depth));
      }
      default -> { }
    }
    if (COMPARISONS.contains(op)) {
      count(op, args, 2);
      return new Expression.Compare(op, operand(args.get(0), depth), operand(args.get(1), depth));
    }
    if (lower.startsWith("s_") || lower.startsWith("t_")) {
      count(op, args, 2);
      Operand a = operand(args.get(0), depth);
      Operand b = operand(args.get(1), depth);
      String upper = op.toUpperCase(Locale.ROOT);
      return lower.startsWith("s_") ? new Expression.Spatial(upper, a, b) : new Expression.Temporal(upper, a, b);
    }
    throw new FilterException("Unknown operator \"" + op + "\"; offered: and, or, not, =, <>, <, >, <=, >=, like,"
        + " between, in, isNull, s_intersects and the other s_ and t_ functions");
  }

  private static Operand operand(JsonNode node, int depth) {
    if (node.isString()) {
      return new Operand.Text(node.stringValue());
    }
    if (node.isNumber()) {
      return new Operand.Number(node.decimalValue());
    }
    if (node.isBoolean()) {
      return new Operand.Bool(node.booleanValue());
    }
    if (node.isObject()) {
      if (node.has("property") && node.get("property").isString()) {
        return new Operand.Property(node.get("property").stringValue());
      }
      if (node.has("date") && node.get("date").isString()) {
        return Times.day(node.get("date").stringValue());
      }
      if (node.has("timestamp") && node.get("timestamp").isString()) {
        return Times.instant(node.get("timestamp").stringValue());
      }
      if (node.has("interval") && node.get("interval").isArray() && node.get("interval").size() == 2) {
        return new Operand.Interval(intervalEnd(node.get("interval").get(0), depth),
            intervalEnd(node.get("interval").get(1), depth));
      }
      if (node.has("bbox") && node.get("bbox").isArray()) {
        List<java.math.BigDecimal> v = new ArrayList<>();
        for (JsonNode n : node.get("bbox")) {
          if (!n.isNumber()) {
            throw new FilterException("A bbox holds numbers only");
          }
          v.add(n.decimalValue());
        }
        if (v.size() != 4 && v.size() != 6) {
          throw new FilterException("A bbox takes four numbers (or six with heights)");
        }
        return Geometries.box(v);
      }
      if (node.has("type") && node.get("type").isString() && GEOJSON.contains(node.get("type").stringValue())) {
        return new Operand.Geometry(JSON.writeValueAsString(node), true);
      }
      if (node.has("op") && node.get("op").isString()) {
        String op = node.get("op").stringValue().toLowerCase(Locale.ROOT);
        if (op.equals("casei") && node.has("args") && node.get("args").isArray() && node.get("args").size() == 1) {
          if (depth > CqlText.MAX_DEPTH) {
            throw new FilterException("The filter nests deeper than " + CqlText.MAX_DEPTH + " levels");
          }
          return new Operand.Casei(operand(node.get("args").get(0), depth + 1));
        }
        throw new FilterException("\"" + node.get("op").stringValue() + "\" cannot be used as a value; of the"
            + " functions, casei is offered");
      }
    }
    throw new FilterException("Expected a value, a {\"property\": …}, a date, timestamp, interval, bbox or"
        + " GeoJSON geometry, found " + brief(node));
  }

  private static Operand intervalEnd(JsonNode node, int depth) {
    if (node.isString()) {
      return Times.end(node.stringValue());
    }
    Operand o = operand(node, depth);
    if (!(o instanceof Operand.Property || o instanceof Operand.Day || o instanceof Operand.Timestamp)) {
      throw new FilterException("An interval's ends are dates, timestamps, \"..\" or properties");
    }
    return o;
  }

  private static void count(String op, JsonNode args, int n) {
    if (args.size() != n) {
      throw new FilterException("\"" + op + "\" takes " + n + " args, not " + args.size());
    }
  }

  private static String brief(JsonNode node) {
    String s = node.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
