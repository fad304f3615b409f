package org.dialogkarta.forwarding;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.moderation.PinWorkflow;
import org.dialogkarta.pin.PinPublished;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rules "category [+ sub-tag] [+ neighbourhood] → department" per dialogue. A rule acts when a
 * pin is PUBLISHED — at once under post-moderation, at approval under pre-moderation — so that
 * nothing a moderator has not read is mailed out. It then does what a planner would: the pin goes
 * from received to forwarded with that department (history, audit as {@code rule:<id>}), and the
 * department gets its message. The most specific matching rule wins (sub-tag and neighbourhood
 * count one each; then the oldest). A pin a planner has already handled (not received, or with a
 * department) is left alone.
 */
@Service
@Transactional
class RoutingRules {

  record Rule(long id, long dialogueId, String category, String subtag, Long neighbourhoodId,
      String neighbourhoodName, long departmentId, String departmentName) {}

  record Draft(String category, String subtag, Long neighbourhoodId, Long departmentId) {}

  private static final String SELECT = """
      SELECT r.id, r.dialogue_id, r.category, r.subtag, r.neighbourhood_id, n.name AS neighbourhood_name,
             r.department_id, d.name AS department_name
      FROM routing_rule r JOIN department d ON d.id = r.department_id
      LEFT JOIN neighbourhood n ON n.id = r.neighbourhood_id""";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RoutingRules.class);

  private final JdbcClient jdbc;
  private final PinWorkflow workflow;
  private final AuditLog audit;

  RoutingRules(JdbcClient jdbc, PinWorkflow workflow, AuditLog audit) {
    this.jdbc = jdbc;
    this.workflow = workflow;
    this.audit = audit;
  }

  @EventListener
  void on(PinPublished event) {
    jdbc.sql("""
            SELECT r.id, r.department_id FROM pin p
              JOIN routing_rule r ON r.dialogue_id = p.dialogue_id AND r.category = p.category
              JOIN department d ON d.id = r.department_id AND d.enabled
            WHERE p.id = :pin AND p.status = 'received' AND p.department_id IS NULL AND p.merged_into IS NULL
              AND (r.subtag IS NULL OR r.subtag = ANY (p.subtags))
              AND (r.neighbourhood_id IS NULL OR r.neighbourhood_id = p.neighbourhood_id)
            ORDER BY (r.subtag IS NOT NULL)::int + (r.neighbourhood_id IS NOT NULL)::int DESC, r.id
            LIMIT 1""")
        .param("pin", event.pinId())
        .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .optional()
        .ifPresent(rule -> AuditLog.actingAs("rule:" + rule[0], () -> {
          try {
            workflow.forward(List.of(event.pinId()), rule[1]);
          } catch (InvalidInputException refused) {
            // Refused before anything was written (checks only): the citizen's pin must not fail
            // because of a rule; it stays received for a planner.
            LOG.warn("Routing rule {} did not forward pin {}: {}", rule[0], event.pinId(), refused.violations());
          }
          return null;
        }));
  }

  @Transactional(readOnly = true)
  List<Rule> of(long dialogueId) {
    return jdbc.sql(SELECT + " WHERE r.dialogue_id = :d ORDER BY r.category, r.subtag NULLS FIRST, n.name NULLS FIRST, r.id")
        .param("d", dialogueId).query(Rule.class).list();
  }

  Rule create(long dialogueId, Draft draft) {
    check(dialogueId, draft);
    long id = jdbc.sql("""
            INSERT INTO routing_rule (dialogue_id, category, subtag, neighbourhood_id, department_id)
            VALUES (:d, :c, :s, :n, :dep) RETURNING id""")
        .param("d", dialogueId).param("c", draft.category().strip()).param("s", blankToNull(draft.subtag()))
        .param("n", draft.neighbourhoodId()).param("dep", draft.departmentId())
        .query(Long.class).single();
    Rule rule = find(dialogueId, id);
    audit.record("routing_rule.create", "routing_rule", id, null, rule);
    return rule;
  }

  void delete(long dialogueId, long id) {
    Rule rule = find(dialogueId, id);
    jdbc.sql("DELETE FROM routing_rule WHERE id = :id").param("id", id).update();
    audit.record("routing_rule.delete", "routing_rule", id, rule, null);
  }

  private Rule find(long dialogueId, long id) {
    return jdbc.sql(SELECT + " WHERE r.id = :id AND r.dialogue_id = :d").param("id", id).param("d", dialogueId)
        .query(Rule.class).optional().orElseThrow(() -> new NotFoundException("No routing rule " + id));
  }

  private void check(long dialogueId, Draft draft) {
    if (draft == null) {
      throw InvalidInputException.of("category", "routing.category_unknown", "Give the category");
    }
    List<FieldViolation> faults = new ArrayList<>();
    String category = draft.category() == null ? "" : draft.category().strip();
    boolean categoryOk = Coded.fromCode(Category.class, category).isPresent()
        && jdbc.sql("SELECT count(*) > 0 FROM dialogue WHERE id = :d AND :c = ANY (categories)")
            .param("d", dialogueId).param("c", category).query(Boolean.class).single();
    if (!categoryOk) {
      faults.add(FieldViolation.of("category", "routing.category_unknown", "Not a category of this dialogue"));
    }
    String subtag = blankToNull(draft.subtag());
    if (subtag != null && categoryOk && !jdbc.sql("""
            SELECT count(*) > 0 FROM dialogue_subtag WHERE dialogue_id = :d AND category = :c AND tag = :t""")
        .param("d", dialogueId).param("c", category).param("t", subtag).query(Boolean.class).single()) {
      faults.add(FieldViolation.of("subtag", "routing.subtag_unknown", "Not a sub-tag of this category here"));
    }
    if (draft.neighbourhoodId() != null && !jdbc.sql("SELECT count(*) > 0 FROM neighbourhood WHERE id = :n")
        .param("n", draft.neighbourhoodId()).query(Boolean.class).single()) {
      faults.add(FieldViolation.of("neighbourhoodId", "routing.neighbourhood_unknown", "No such neighbourhood"));
    }
    if (draft.departmentId() == null || !jdbc.sql("SELECT count(*) > 0 FROM department WHERE id = :d AND enabled")
        .param("d", draft.departmentId()).query(Boolean.class).single()) {
      faults.add(FieldViolation.of("departmentId", "routing.department_unknown", "A department in use"));
    }
    if (faults.isEmpty() && jdbc.sql("""
            SELECT count(*) > 0 FROM routing_rule WHERE dialogue_id = :d AND category = :c
              AND subtag IS NOT DISTINCT FROM :s AND neighbourhood_id IS NOT DISTINCT FROM :n""")
        .param("d", dialogueId).param("c", category).param("s", subtag).param("n", draft.neighbourhoodId())
        .query(Boolean.class).single()) {
      faults.add(FieldViolation.of("category", "routing.duplicate", "There is already a rule for exactly this"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
