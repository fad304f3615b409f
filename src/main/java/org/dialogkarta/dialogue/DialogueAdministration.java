package org.dialogkarta.dialogue;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.NotFoundException;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators create, replace, open and close dialogues; every change is audited. */
@Service
@Transactional
class DialogueAdministration {

  private final JdbcClient jdbc;
  private final DialogueRepository dialogues;
  private final EntityManager entities;
  private final AuditLog audit;

  DialogueAdministration(JdbcClient jdbc, DialogueRepository dialogues, EntityManager entities, AuditLog audit) {
    this.jdbc = jdbc;
    this.dialogues = dialogues;
    this.entities = entities;
    this.audit = audit;
  }

  DialogueView create(CheckedDialogue d) {
    requireFreeSlug(d.slug(), null);
    long id = jdbc.sql("""
            INSERT INTO dialogue (slug, title, summary, status, starts_on, ends_on, participation_level,
                                  moderation_mode, study_area, categories, outcome, next_steps,
                                  responsible_unit, contact, accepted_shapes)
            VALUES (:slug, :title, :summary, :status, :startsOn, :endsOn, :level, :mode,
                    ST_GeomFromText(CAST(:area AS text), 4326), :categories, :outcome, :nextSteps, :unit, :contact,
                    :shapes)
            RETURNING id""")
        .params(columns(d))
        .query(Long.class).single();
    writeSubtags(id, d.subtags(), d.subtagLabels());
    DialogueView after = reload(id);
    audit.record("dialogue.create", "dialogue", id, null, after);
    return after;
  }

  DialogueView replace(String ref, CheckedDialogue d) {
    Dialogue existing = dialogues.getByIdOrSlug(ref);
    long id = existing.id();
    DialogueView before = DialogueView.of(existing, 0);
    requireFreeSlug(d.slug(), id);
    Map<String, Object> params = new java.util.HashMap<>(columns(d));
    params.put("id", id);
    jdbc.sql("""
            UPDATE dialogue SET slug = :slug, title = :title, summary = :summary, status = :status,
                   starts_on = :startsOn, ends_on = :endsOn, participation_level = :level,
                   moderation_mode = :mode, study_area = ST_GeomFromText(CAST(:area AS text), 4326),
                   categories = :categories, outcome = :outcome, next_steps = :nextSteps,
                   responsible_unit = :unit, contact = :contact, accepted_shapes = :shapes
            WHERE id = :id""")
        .params(params).update();
    jdbc.sql("DELETE FROM dialogue_subtag WHERE dialogue_id = :id").param("id", id).update();
    writeSubtags(id, d.subtags(), d.subtagLabels());
    DialogueView after = reload(id);
    audit.record("dialogue.replace", "dialogue", id, before, after);
    return after;
  }

  /** Opens (ongoing) or closes (completed) a dialogue, or sets it back to planned. */
  DialogueView changeStatus(String ref, DialogueStatus status) {
    Dialogue existing = dialogues.getByIdOrSlug(ref);
    DialogueView before = DialogueView.of(existing, 0);
    jdbc.sql("UPDATE dialogue SET status = :status WHERE id = :id")
        .param("status", status.code()).param("id", existing.id()).update();
    DialogueView after = reload(existing.id());
    audit.record("dialogue.status", "dialogue", existing.id(), before, after);
    return after;
  }

  private void requireFreeSlug(String slug, Long except) {
    boolean taken = jdbc.sql("SELECT count(*) > 0 FROM dialogue WHERE slug = :slug AND id IS DISTINCT FROM :id")
        .param("slug", slug).param("id", except).query(Boolean.class).single();
    if (taken) {
      throw new ConflictException("slug.taken", "Another dialogue already has the address '" + slug + "'");
    }
  }

  private void writeSubtags(long id, Map<Category, List<String>> subtags, Map<String, String> labels) {
    subtags.forEach((category, tags) -> {
      for (int i = 0; i < tags.size(); i++) {
        jdbc.sql("INSERT INTO dialogue_subtag (dialogue_id, category, tag, position, label) VALUES (:d, :c, :t, :p, :l)")
            .param("d", id).param("c", category.code()).param("t", tags.get(i)).param("p", i)
            .param("l", labels.get(tags.get(i))).update();
      }
    });
  }

  private DialogueView reload(long id) {
    entities.flush();
    entities.clear(); // the rows were written with SQL: forget any copy loaded before
    Dialogue d = dialogues.findById(id).orElseThrow(() -> new NotFoundException("No dialogue " + id));
    return DialogueView.of(d, 0);
  }

  private static Map<String, Object> columns(CheckedDialogue d) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("slug", d.slug());
    p.put("title", d.title());
    p.put("summary", d.summary());
    p.put("status", d.status().code());
    p.put("startsOn", d.startsOn());
    p.put("endsOn", d.endsOn());
    p.put("level", d.participationLevel().code());
    p.put("mode", d.moderationMode());
    p.put("area", d.studyArea() == null ? null : new WKTWriter(2).write(d.studyArea()));
    p.put("categories", d.categories().stream().map(Category::code).toArray(String[]::new));
    p.put("outcome", d.outcome());
    p.put("nextSteps", d.nextSteps());
    p.put("unit", d.responsibleUnit());
    p.put("contact", d.contact());
    p.put("shapes", d.acceptedShapes().stream().map(ShapeKind::code).toArray(String[]::new));
    return p;
  }
}
