package org.dialogkarta.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import org.dialogkarta.kernel.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * GeoReport services: each ongoing dialogue's categories, and each category's sub-tags, with
 * service codes {@code <slug>:<category>} and {@code <slug>:<category>:<subtag>}; the group is the
 * dialogue's title. No service has extra attributes ({@code metadata=false}); all are realtime.
 */
@Component
class Open311Services {

  /** A service code taken apart. */
  record Code(String slug, String category, String subtag) {

    static Optional<Code> parse(String code) {
      if (code == null) {
        return Optional.empty();
      }
      String[] parts = code.strip().split(":", -1);
      if (parts.length < 2 || parts.length > 3 || !parts[0].matches("[a-z0-9]+(-[a-z0-9]+)*")
          || !parts[1].matches("[a-z_]{1,40}") || (parts.length == 3 && !parts[2].matches("[a-z0-9_]{1,60}"))) {
        return Optional.empty();
      }
      return Optional.of(new Code(parts[0], parts[1], parts.length == 3 ? parts[2] : null));
    }

    String text() {
      return slug + ":" + category + (subtag == null ? "" : ":" + subtag);
    }
  }

  private final JdbcClient jdbc;

  Open311Services(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every service, in the dialogues' and categories' order. */
  List<Map<String, Object>> list(String lang) {
    record Category(long dialogueId, String slug, String title, String category) {}
    record Subtag(long dialogueId, String category, String tag, String label) {}
    List<Category> categories = jdbc.sql("""
            SELECT d.id, d.slug, d.title, c.category
            FROM dialogue d CROSS JOIN LATERAL unnest(d.categories) WITH ORDINALITY AS c(category, ord)
            WHERE d.status = 'ongoing'
            ORDER BY d.id, c.ord""")
        .query((rs, i) -> new Category(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
            rs.getString("category"))).list();
    List<Subtag> subtags = jdbc.sql("""
            SELECT s.dialogue_id, s.category, s.tag, s.label FROM dialogue_subtag s
            JOIN dialogue d ON d.id = s.dialogue_id WHERE d.status = 'ongoing'
            ORDER BY s.dialogue_id, s.category, s.position, s.tag""")
        .query((rs, i) -> new Subtag(rs.getLong("dialogue_id"), rs.getString("category"), rs.getString("tag"),
            rs.getString("label"))).list();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Category c : categories) {
      String categoryName = categoryLabel(lang, c.category());
      out.add(service(c.slug() + ":" + c.category(), categoryName, hint(lang, c.category()), c.category(), c.title()));
      for (Subtag s : subtags) {
        if (s.dialogueId() == c.dialogueId() && s.category().equals(c.category())) {
          String label = s.label() != null && !s.label().isBlank() ? s.label() : subtagLabel(lang, s.tag());
          out.add(service(c.slug() + ":" + c.category() + ":" + s.tag(), categoryName + " – " + label,
              hint(lang, c.category()), c.category() + "," + s.tag(), c.title()));
        }
      }
    }
    return out;
  }

  Optional<Map<String, Object>> find(String lang, String code) {
    return list(lang).stream().filter(s -> s.get("service_code").equals(code)).findFirst();
  }

  private static Map<String, Object> service(String code, String name, String description, String keywords,
      String group) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("service_code", code);
    s.put("service_name", name);
    s.put("description", description);
    s.put("metadata", false);
    s.put("type", "realtime");
    s.put("keywords", keywords);
    s.put("group", group);
    return s;
  }

  static String categoryLabel(String lang, String category) {
    return message(lang, "category." + category, category);
  }

  private static String hint(String lang, String category) {
    return message(lang, "category." + category + ".hint", "");
  }

  private static String subtagLabel(String lang, String tag) {
    return message(lang, "subtag." + tag, tag);
  }

  private static String message(String lang, String key, String fallback) {
    try {
      return Messages.text(lang, key, Map.of());
    } catch (MissingResourceException e) {
      return fallback;
    }
  }
}
