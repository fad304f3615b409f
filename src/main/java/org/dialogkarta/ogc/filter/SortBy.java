package org.dialogkarta.ogc.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code sortby} parameter: queryables by name, each with an optional {@code +} (ascending,
 * the default) or {@code -} (descending), e.g. {@code -createdAt,id}. Written as an SQL
 * {@code ORDER BY} from the queryables' own SQL; the feature id always comes last, so the order is
 * total and pages never overlap.
 */
public record SortBy(List<Key> keys) {

  public record Key(String name, boolean descending) {}

  public static SortBy parse(String value) {
    List<Key> keys = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String s = part.strip();
      boolean descending = s.startsWith("-");
      if (s.startsWith("-") || s.startsWith("+")) {
        s = s.substring(1).strip();
      }
      if (s.isEmpty()) {
        throw new FilterException("sortby", "sortby is a comma-separated list of properties, each optionally"
            + " preceded by + or -, e.g. -createdAt,id");
      }
      keys.add(new Key(s, descending));
    }
    if (keys.size() > 5) {
      throw new FilterException("sortby", "sortby takes at most 5 properties");
    }
    return new SortBy(List.copyOf(keys));
  }

  /** The ORDER BY list (without the words), ending with the id. */
  public String orderBy(Map<String, Queryable> queryables, String idSql) {
    List<String> parts = new ArrayList<>();
    for (Key k : keys) {
      Queryable q = queryables.get(k.name());
      if (q == null || q.type() == Queryable.Type.GEOMETRY) {
        throw new FilterException("sortby", "Cannot sort by '" + k.name() + "'; sortable: " + String.join(", ",
            queryables.values().stream().filter(x -> x.type() != Queryable.Type.GEOMETRY).map(Queryable::name).toList()));
      }
      parts.add(q.sql() + (k.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST"));
    }
    parts.add(idSql);
    return String.join(", ", parts);
  }
}
