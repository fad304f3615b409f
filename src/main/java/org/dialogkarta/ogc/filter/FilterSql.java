package org.dialogkarta.ogc.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a filter as an SQL condition over a collection's queryables, every value a bound
 * parameter ({@code :cql0}, {@code :cql1}, …): property names are looked up, never pasted, so
 * nothing a client writes becomes SQL text. Operands are type-checked first (a text is not
 * compared with a number, a time only with a time), and everything not offered is refused with a
 * message that says what is.
 *
 * <p>Temporal functions compare intervals by their first and last instant (an instant is an
 * interval of one instant; a date runs from 00:00 to 24:00 UTC; an open end is ±infinity), after
 * Allen's relations as CQL2 defines them.
 */
public final class FilterSql {

  /** The condition and its parameters. */
  public record Sql(String where, Map<String, Object> params) {}

  private enum Kind { STRING, NUMBER, BOOLEAN, TIMESTAMP, DATE, GEOMETRY, INTERVAL }

  private static final Map<String, String> SPATIAL = Map.of("S_INTERSECTS", "ST_Intersects", "S_EQUALS", "ST_Equals",
      "S_DISJOINT", "ST_Disjoint", "S_TOUCHES", "ST_Touches", "S_WITHIN", "ST_Within", "S_OVERLAPS", "ST_Overlaps",
      "S_CROSSES", "ST_Crosses", "S_CONTAINS", "ST_Contains");

  /** Allen's relations on [s1, e1] and [s2, e2], written with %1$s = s1, %2$s = e1, %3$s = s2, %4$s = e2. */
  private static final Map<String, String> TEMPORAL = Map.ofEntries(
      Map.entry("T_AFTER", "%1$s > %4$s"),
      Map.entry("T_BEFORE", "%2$s < %3$s"),
      Map.entry("T_CONTAINS", "%1$s < %3$s AND %2$s > %4$s"),
      Map.entry("T_DISJOINT", "NOT (%1$s <= %4$s AND %2$s >= %3$s)"),
      Map.entry("T_DURING", "%1$s > %3$s AND %2$s < %4$s"),
      Map.entry("T_EQUALS", "%1$s = %3$s AND %2$s = %4$s"),
      Map.entry("T_FINISHEDBY", "%1$s < %3$s AND %2$s = %4$s"),
      Map.entry("T_FINISHES", "%1$s > %3$s AND %2$s = %4$s"),
      Map.entry("T_INTERSECTS", "%1$s <= %4$s AND %2$s >= %3$s"),
      Map.entry("T_MEETS", "%2$s = %3$s"),
      Map.entry("T_METBY", "%1$s = %4$s"),
      Map.entry("T_OVERLAPPEDBY", "%1$s > %3$s AND %1$s < %4$s AND %2$s > %4$s"),
      Map.entry("T_OVERLAPS", "%1$s < %3$s AND %2$s > %3$s AND %2$s < %4$s"),
      Map.entry("T_STARTEDBY", "%1$s = %3$s AND %2$s > %4$s"),
      Map.entry("T_STARTS", "%1$s = %3$s AND %2$s < %4$s"));

  private final Map<String, Queryable> queryables;
  private final Function<Operand.Geometry, String> toEwkt;
  private final Map<String, Object> params = new HashMap<>();

  private FilterSql(Map<String, Queryable> queryables, Function<Operand.Geometry, String> toEwkt) {
    this.queryables = queryables;
    this.toEwkt = toEwkt;
  }

  /**
   * @param toEwkt turns a geometry literal (in the filter's CRS) into EWKT in WGS84, refusing one
   *               that cannot be read or is not valid
   */
  public static Sql of(Expression filter, Map<String, Queryable> queryables, Function<Operand.Geometry, String> toEwkt) {
    FilterSql writer = new FilterSql(queryables, toEwkt);
    String where = writer.write(filter);
    return new Sql(where, Map.copyOf(writer.params));
  }

  private String write(Expression e) {
    return switch (e) {
      case Expression.And a -> a.parts().stream().map(this::write).collect(Collectors.joining(" AND ", "(", ")"));
      case Expression.Or o -> o.parts().stream().map(this::write).collect(Collectors.joining(" OR ", "(", ")"));
      case Expression.Not n -> "(NOT " + write(n.inner()) + ")";
      case Expression.Constant c -> c.value() ? "TRUE" : "FALSE";
      case Expression.Compare c -> compare(c);
      case Expression.Like l -> like(l);
      case Expression.Between b -> between(b);
      case Expression.In i -> in(i);
      case Expression.IsNull n -> "(" + value(n.value()) + " IS NULL)";
      case Expression.Spatial s -> spatial(s);
      case Expression.Temporal t -> temporal(t);
    };
  }

  private String compare(Expression.Compare c) {
    Kind kind = same(kind(c.left()), kind(c.right()), c.op());
    if (kind == Kind.GEOMETRY || kind == Kind.INTERVAL) {
      throw new FilterException("Geometries and intervals are not compared with " + c.op() + "; use S_EQUALS or"
          + " T_EQUALS");
    }
    return "(" + value(c.left()) + " " + c.op() + " " + value(c.right()) + ")";
  }

  private String like(Expression.Like l) {
    same(kind(l.value()), Kind.STRING, "LIKE");
    same(kind(l.pattern()), Kind.STRING, "LIKE");
    return "(" + value(l.value()) + " LIKE " + value(l.pattern()) + ")";
  }

  private String between(Expression.Between b) {
    Kind kind = same(kind(b.value()), same(kind(b.low()), kind(b.high()), "BETWEEN"), "BETWEEN");
    if (kind != Kind.NUMBER && kind != Kind.TIMESTAMP && kind != Kind.DATE) {
      throw new FilterException("BETWEEN compares numbers, dates or timestamps");
    }
    return "(" + value(b.value()) + " BETWEEN " + value(b.low()) + " AND " + value(b.high()) + ")";
  }

  private String in(Expression.In i) {
    Kind kind = kind(i.value());
    if (kind == Kind.GEOMETRY || kind == Kind.INTERVAL) {
      throw new FilterException("IN compares texts, numbers and times, not geometries or intervals");
    }
    for (Operand o : i.list()) {
      same(kind, kind(o), "IN");
    }
    return "(" + value(i.value()) + " IN (" + i.list().stream().map(this::value).collect(Collectors.joining(", ")) + "))";
  }

  private String spatial(Expression.Spatial s) {
    String function = SPATIAL.get(s.op());
    if (function == null) {
      throw new FilterException("Unknown spatial function " + s.op() + "; offered: " + String.join(", ",
          SPATIAL.keySet().stream().sorted().toList()));
    }
    for (Operand o : List.of(s.left(), s.right())) {
      if (kind(o) != Kind.GEOMETRY) {
        throw new FilterException(s.op() + " takes two geometries: the collection's 'geometry' and a geometry"
            + " literal such as POINT(15.62 58.41) or BBOX(15.5,58.3,15.7,58.5)");
      }
    }
    return function + "(" + value(s.left()) + ", " + value(s.right()) + ")";
  }

  private String temporal(Expression.Temporal t) {
    String formula = TEMPORAL.get(t.op());
    if (formula == null) {
      throw new FilterException("Unknown temporal function " + t.op() + "; offered: " + String.join(", ",
          TEMPORAL.keySet().stream().sorted().toList()));
    }
    String[] a = ends(t.left(), t.op());
    String[] b = ends(t.right(), t.op());
    return "(" + formula.formatted(a[0], a[1], b[0], b[1]) + ")";
  }

  /** An operand of a temporal function as its first and last instant, both timestamptz. */
  private String[] ends(Operand o, String op) {
    return switch (o) {
      case Operand.Interval i -> new String[] {start(i.start(), op), end(i.end(), op)};
      default -> new String[] {start(o, op), end(o, op)};
    };
  }

  private String start(Operand o, String op) {
    return switch (o) {
      case Operand.Open x -> "'-infinity'::timestamptz";
      case Operand.Timestamp t -> bind(t.value().atOffset(ZoneOffset.UTC));
      case Operand.Day d -> bind(Times.startOf(d.value()).atOffset(ZoneOffset.UTC));
      case Operand.Property p -> switch (kind(p)) {
        case TIMESTAMP -> queryable(p).sql();
        case DATE -> "(" + queryable(p).sql() + "::timestamp AT TIME ZONE 'UTC')";
        default -> throw notTime(op);
      };
      default -> throw notTime(op);
    };
  }

  private String end(Operand o, String op) {
    return switch (o) {
      case Operand.Open x -> "'infinity'::timestamptz";
      case Operand.Day d -> bind(lastInstant(d.value()));
      case Operand.Property p when kind(p) == Kind.DATE ->
          "((" + queryable(p).sql() + " + 1)::timestamp AT TIME ZONE 'UTC' - interval '1 microsecond')";
      default -> start(o, op);
    };
  }

  private static OffsetDateTime lastInstant(LocalDate day) {
    Instant next = Times.startOf(day.plusDays(1));
    return next.minusNanos(1000).atOffset(ZoneOffset.UTC);
  }

  private static FilterException notTime(String op) {
    return new FilterException(op + " takes times: a time property (such as createdAt), DATE('…'),"
        + " TIMESTAMP('…') or INTERVAL(…, …)");
  }

  /** An operand as an SQL value: a column expression or a bound parameter. */
  private String value(Operand o) {
    return switch (o) {
      case Operand.Property p -> queryable(p).sql();
      case Operand.Text t -> bind(t.value());
      case Operand.Number n -> bind(n.value());
      case Operand.Bool b -> bind(b.value());
      case Operand.Casei c -> "lower(" + value(c.inner()) + ")";
      case Operand.Geometry g -> "ST_GeomFromEWKT(" + bind(toEwkt.apply(g)) + ")";
      case Operand.Timestamp t -> bind(t.value().atOffset(ZoneOffset.UTC));
      case Operand.Day d -> bind(d.value());
      case Operand.Interval i -> throw new FilterException("An INTERVAL is used only in the T_ functions");
      case Operand.Open x -> throw new FilterException("'..' is used only as an end of an INTERVAL");
    };
  }

  private String bind(Object value) {
    String name = "cql" + params.size();
    params.put(name, value);
    return ":" + name;
  }

  private Queryable queryable(Operand.Property p) {
    Queryable q = queryables.get(p.name());
    if (q == null) {
      throw new FilterException("Unknown property '" + p.name() + "'; this collection's queryables are "
          + String.join(", ", queryables.keySet()) + " (see its /queryables)");
    }
    return q;
  }

  private Kind kind(Operand o) {
    return switch (o) {
      case Operand.Property p -> switch (queryable(p).type()) {
        case STRING -> Kind.STRING;
        case INTEGER -> Kind.NUMBER;
        case TIMESTAMP -> Kind.TIMESTAMP;
        case DATE -> Kind.DATE;
        case GEOMETRY -> Kind.GEOMETRY;
      };
      case Operand.Text t -> Kind.STRING;
      case Operand.Number n -> Kind.NUMBER;
      case Operand.Bool b -> Kind.BOOLEAN;
      case Operand.Casei c -> {
        if (kind(c.inner()) != Kind.STRING) {
          throw new FilterException("CASEI takes a text");
        }
        yield Kind.STRING;
      }
      case Operand.Geometry g -> Kind.GEOMETRY;
      case Operand.Timestamp t -> Kind.TIMESTAMP;
      case Operand.Day d -> Kind.DATE;
      case Operand.Interval i -> Kind.INTERVAL;
      case Operand.Open x -> Kind.INTERVAL;
    };
  }

  private static Kind same(Kind a, Kind b, String op) {
    if (a != b) {
      throw new FilterException(op + " compares values of one type, not " + name(a) + " with " + name(b)
          + (a == Kind.TIMESTAMP || b == Kind.TIMESTAMP ? "; write a time as TIMESTAMP('2026-05-01T12:00:00Z')" : "")
          + (a == Kind.DATE || b == Kind.DATE ? "; write a day as DATE('2026-05-01')" : ""));
    }
    return a;
  }

  private static String name(Kind k) {
    return switch (k) {
      case STRING -> "a text";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case TIMESTAMP -> "a timestamp";
      case DATE -> "a date";
      case GEOMETRY -> "a geometry";
      case INTERVAL -> "an interval";
    };
  }
}
