package org.dialogkarta.forwarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A dialogue's reply templates: the planners' frequent answers (title and text), audit-logged. */
@Service
@Transactional
class ReplyTemplates {

  record Template(long id, long dialogueId, String title, String text, Instant createdAt, Instant updatedAt) {}

  record Draft(String title, String text) {}

  static final int TITLE_MAX = 200;
  static final int TEXT_MAX = 2000;
  private static final String SELECT = "SELECT id, dialogue_id, title, text, created_at, updated_at FROM reply_template";

  private final JdbcClient jdbc;
  private final AuditLog audit;

  ReplyTemplates(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<Template> of(long dialogueId) {
    return jdbc.sql(SELECT + " WHERE dialogue_id = :d ORDER BY lower(title), id").param("d", dialogueId)
        .query(Template.class).list();
  }

  Template create(long dialogueId, Draft draft) {
    Draft clean = check(dialogueId, draft, null);
    long id = jdbc.sql("INSERT INTO reply_template (dialogue_id, title, text) VALUES (:d, :title, :text) RETURNING id")
        .param("d", dialogueId).param("title", clean.title()).param("text", clean.text()).query(Long.class).single();
    Template created = find(dialogueId, id);
    audit.record("reply_template.create", "reply_template", id, null, created);
    return created;
  }

  Template change(long dialogueId, long id, Draft draft) {
    Template before = find(dialogueId, id);
    Draft clean = check(dialogueId, draft, id);
    jdbc.sql("UPDATE reply_template SET title = :title, text = :text, updated_at = now() WHERE id = :id")
        .param("title", clean.title()).param("text", clean.text()).param("id", id).update();
    Template after = find(dialogueId, id);
    audit.record("reply_template.change", "reply_template", id, before, after);
    return after;
  }

  void delete(long dialogueId, long id) {
    Template before = find(dialogueId, id);
    jdbc.sql("DELETE FROM reply_template WHERE id = :id").param("id", id).update();
    audit.record("reply_template.delete", "reply_template", id, before, null);
  }

  private Template find(long dialogueId, long id) {
    return jdbc.sql(SELECT + " WHERE id = :id AND dialogue_id = :d").param("id", id).param("d", dialogueId)
        .query(Template.class).optional().orElseThrow(() -> new NotFoundException("No reply template " + id));
  }

  private Draft check(long dialogueId, Draft draft, Long except) {
    List<FieldViolation> faults = new ArrayList<>();
    String title = draft == null || draft.title() == null ? "" : draft.title().strip();
    String text = draft == null || draft.text() == null ? "" : draft.text().strip();
    if (title.isEmpty() || title.length() > TITLE_MAX) {
      faults.add(FieldViolation.of("title", "template.title", "A title of 1 to " + TITLE_MAX + " characters"));
    } else if (jdbc.sql("""
            SELECT count(*) > 0 FROM reply_template WHERE dialogue_id = :d AND lower(title) = lower(:t)
              AND id IS DISTINCT FROM :id""")
        .param("d", dialogueId).param("t", title).param("id", except).query(Boolean.class).single()) {
      faults.add(FieldViolation.of("title", "template.title_taken", "This dialogue has a template with this title"));
    }
    if (text.isEmpty() || text.length() > TEXT_MAX) {
      faults.add(FieldViolation.of("text", "template.text", "A text of 1 to " + TEXT_MAX + " characters"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new Draft(title, text);
  }
}
