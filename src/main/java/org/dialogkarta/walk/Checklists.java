package org.dialogkarta.walk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A walk's checklist, versioned: an item that has ratings is never changed in place. A new
 * wording becomes a new version of the same lineage and the old row is retired, so the ratings
 * made against it keep the question they answered; a removed item with ratings is retired too.
 * Items without ratings are changed or deleted outright.
 */
@Component
class Checklists {

  /** One question of a walk's checklist. */
  record Item(long id, long lineage, int version, int position, String topic, String wording, boolean retired) {}

  /** An item as the facilitator sends it: {@code id} null for a new one. */
  record ItemDraft(Long id, String wording) {}

  record Draft(List<ItemDraft> items) {}

  static final int MAX_ITEMS = 30;

  private final JdbcClient jdbc;
  private final AuditLog audit;

  Checklists(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The items of a walk, current ones first in their order, then the retired versions. */
  List<Item> of(long walkId) {
    return jdbc.sql("""
            SELECT id, lineage, version, position, topic, wording, retired_at IS NOT NULL AS retired
            FROM walk_checklist_item WHERE walk_id = :walk
            ORDER BY retired_at IS NOT NULL, position, lineage, version""")
        .param("walk", walkId).query(Item.class).list();
  }

  List<Item> current(long walkId) {
    return of(walkId).stream().filter(i -> !i.retired()).toList();
  }

  /** A new walk's checklist: a copy of the repeated walk's current items (same lineages), or the default. */
  void start(long walkId, Long repeatOf) {
    if (repeatOf != null) {
      jdbc.sql("""
              INSERT INTO walk_checklist_item (walk_id, lineage, version, position, topic, wording)
              SELECT :walk, lineage, version, position, topic, wording
              FROM walk_checklist_item WHERE walk_id = :from AND retired_at IS NULL""")
          .param("walk", walkId).param("from", repeatOf).update();
      return;
    }
    int position = 1;
    for (ChecklistTemplate.Question q : ChecklistTemplate.DEFAULT) {
      insert(walkId, null, 1, position++, q.topic(), q.wording());
    }
  }

  /** Replaces the current list: kept, reworded, added, removed items, in the order given. */
  @Transactional
  List<Item> replace(long walkId, Draft draft) {
    jdbc.sql("SELECT id FROM walk WHERE id = :id FOR UPDATE").param("id", walkId).query(Long.class).single();
    List<Item> before = current(walkId);
    Map<Long, Item> byId = new HashMap<>();
    before.forEach(i -> byId.put(i.id(), i));
    List<ItemDraft> items = draft == null || draft.items() == null ? List.of() : draft.items();
    List<FieldViolation> faults = new ArrayList<>();
    if (items.isEmpty() || items.size() > MAX_ITEMS) {
      faults.add(FieldViolation.of("items", "checklist.size", "A checklist has from 1 to " + MAX_ITEMS + " items"));
    }
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      ItemDraft d = items.get(i);
      if (d == null) {
        faults.add(FieldViolation.of("items[" + i + "]", "checklist.item_missing", "An item is an object"));
        continue;
      }
      if (d.id() != null && (!byId.containsKey(d.id()) || !seen.add(d.id()))) {
        faults.add(FieldViolation.of("items[" + i + "].id", "checklist.unknown_item",
            "Item " + d.id() + " is not a current item of this walk's checklist, or is named twice"));
      }
      String w = d.wording() == null ? "" : d.wording().strip();
      if (w.isEmpty() || w.length() > 300) {
        faults.add(FieldViolation.of("items[" + i + "].wording", "checklist.wording", "An item's wording has 1 to 300 characters"));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    Set<Long> rated = new HashSet<>(jdbc.sql("""
            SELECT DISTINCT r.item_id FROM walk_rating r WHERE r.walk_id = :walk""")
        .param("walk", walkId).query(Long.class).list());
    for (Item old : before) {
      if (!seen.contains(old.id())) {
        retireOrDelete(old, rated);
      }
    }
    for (int i = 0; i < items.size(); i++) {
      ItemDraft d = items.get(i);
      String wording = d.wording().strip();
      int position = i + 1;
      if (d.id() == null) {
        insert(walkId, null, 1, position, null, wording);
        continue;
      }
      Item old = byId.get(d.id());
      if (old.wording().equals(wording)) {
        jdbc.sql("UPDATE walk_checklist_item SET position = :p WHERE id = :id").param("p", position).param("id", old.id()).update();
      } else if (rated.contains(old.id())) {
        jdbc.sql("UPDATE walk_checklist_item SET retired_at = now() WHERE id = :id").param("id", old.id()).update();
        insert(walkId, old.lineage(), old.version() + 1, position, old.topic(), wording);
      } else {
        jdbc.sql("UPDATE walk_checklist_item SET position = :p, wording = :w WHERE id = :id")
            .param("p", position).param("w", wording).param("id", old.id()).update();
      }
    }
    List<Item> after = current(walkId);
    audit.record("walk.checklist", "walk", walkId, before, after);
    return after;
  }

  private void retireOrDelete(Item old, Set<Long> rated) {
    String sql = rated.contains(old.id())
        ? "UPDATE walk_checklist_item SET retired_at = now() WHERE id = :id"
        : "DELETE FROM walk_checklist_item WHERE id = :id";
    jdbc.sql(sql).param("id", old.id()).update();
  }

  private void insert(long walkId, Long lineage, int version, int position, String topic, String wording) {
    long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('walk_checklist_item', 'id'))").query(Long.class).single();
    jdbc.sql("""
            INSERT INTO walk_checklist_item (id, walk_id, lineage, version, position, topic, wording)
            VALUES (:id, :walk, :lineage, :version, :position, :topic, :wording)""")
        .param("id", id).param("walk", walkId).param("lineage", lineage == null ? id : lineage)
        .param("version", version).param("position", position).param("topic", topic).param("wording", wording)
        .update();
  }
}
