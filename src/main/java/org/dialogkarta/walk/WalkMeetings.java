package org.dialogkarta.walk;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three meetings of a safety walk: the preparatory meeting (who is invited, route agreed),
 * the walk itself and the follow-up meeting, each with its date, notes and attendance counted by
 * group. People are counted, never named.
 */
@Component
class WalkMeetings {

  static final List<String> KINDS = List.of("preparatory", "walk", "follow_up");
  static final int MOST = 100_000;
  static final int NOTES_MAX = 5000;

  /** Attendance by group; null where nobody counted. */
  record Attendance(Integer residents, Integer police, Integer housingCompany, Integer municipality, Integer other) {
    int total() {
      return Stream.of(residents, police, housingCompany, municipality, other).mapToInt(n -> n == null ? 0 : n).sum();
    }
  }

  record Meeting(String kind, LocalDate heldOn, String notes, List<String> invitedGroups, Boolean routeAgreed,
      Attendance attendance) {}

  record Draft(String heldOn, String notes, List<String> invitedGroups, Boolean routeAgreed, Attendance attendance) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;

  WalkMeetings(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The meetings held or planned, in the order of the method. */
  List<Meeting> of(long walkId) {
    List<Meeting> found = jdbc.sql("""
            SELECT kind, held_on, notes, invited_groups, route_agreed, residents, police, housing_company,
                   municipality, other
            FROM walk_meeting WHERE walk_id = :walk""")
        .param("walk", walkId)
        .query((rs, row) -> {
          Date held = rs.getDate("held_on");
          return new Meeting(rs.getString("kind"), held == null ? null : held.toLocalDate(), rs.getString("notes"),
              Arrays.asList((String[]) rs.getArray("invited_groups").getArray()), (Boolean) rs.getObject("route_agreed"),
              new Attendance((Integer) rs.getObject("residents"), (Integer) rs.getObject("police"),
                  (Integer) rs.getObject("housing_company"), (Integer) rs.getObject("municipality"),
                  (Integer) rs.getObject("other")));
        })
        .list();
    return found.stream().sorted((a, b) -> KINDS.indexOf(a.kind()) - KINDS.indexOf(b.kind())).toList();
  }

  @Transactional
  Meeting put(long walkId, String kind, Draft d) {
    if (!KINDS.contains(kind)) {
      throw new NotFoundException("No meeting kind " + kind + "; the kinds are " + KINDS);
    }
    jdbc.sql("SELECT id FROM walk WHERE id = :id FOR UPDATE").param("id", walkId).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("No walk " + walkId));
    List<FieldViolation> faults = new ArrayList<>();
    Draft draft = d == null ? new Draft(null, null, null, null, null) : d;
    LocalDate held = null;
    if (draft.heldOn() != null && !draft.heldOn().isBlank()) {
      try {
        held = LocalDate.parse(draft.heldOn().strip());
      } catch (DateTimeParseException e) {
        faults.add(FieldViolation.of("heldOn", "meeting.date", "heldOn is a date, YYYY-MM-DD"));
      }
    }
    String notes = draft.notes() == null || draft.notes().isBlank() ? null : draft.notes().strip();
    if (notes != null && notes.length() > NOTES_MAX) {
      faults.add(FieldViolation.of("notes", "meeting.notes", "Notes have at most " + NOTES_MAX + " characters"));
    }
    List<String> groups = draft.invitedGroups() == null ? List.of() : draft.invitedGroups();
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i) == null || Coded.fromCode(WalkGroup.class, groups.get(i)).isEmpty()) {
        faults.add(FieldViolation.of("invitedGroups[" + i + "]", "meeting.group", "Unknown group " + groups.get(i)));
      }
    }
    Attendance a = draft.attendance() == null ? new Attendance(null, null, null, null, null) : draft.attendance();
    count(a.residents(), "attendance.residents", faults);
    count(a.police(), "attendance.police", faults);
    count(a.housingCompany(), "attendance.housingCompany", faults);
    count(a.municipality(), "attendance.municipality", faults);
    count(a.other(), "attendance.other", faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    List<Meeting> before = of(walkId);
    jdbc.sql("""
            INSERT INTO walk_meeting (walk_id, kind, held_on, notes, invited_groups, route_agreed, residents, police,
                                      housing_company, municipality, other)
            VALUES (:walk, :kind, :held, :notes, :groups, :agreed, :residents, :police, :housing, :municipality, :other)
            ON CONFLICT (walk_id, kind) DO UPDATE SET held_on = excluded.held_on, notes = excluded.notes,
                   invited_groups = excluded.invited_groups, route_agreed = excluded.route_agreed,
                   residents = excluded.residents, police = excluded.police, housing_company = excluded.housing_company,
                   municipality = excluded.municipality, other = excluded.other, updated_at = now()""")
        .param("walk", walkId).param("kind", kind).param("held", held).param("notes", notes)
        .param("groups", groups.stream().distinct().toArray(String[]::new)).param("agreed", draft.routeAgreed())
        .param("residents", a.residents()).param("police", a.police()).param("housing", a.housingCompany())
        .param("municipality", a.municipality()).param("other", a.other())
        .update();
    List<Meeting> after = of(walkId);
    audit.record("walk.meeting", "walk", walkId, before, after);
    return after.stream().filter(m -> m.kind().equals(kind)).findFirst().orElseThrow();
  }

  private static void count(Integer n, String field, List<FieldViolation> faults) {
    if (n != null && (n < 0 || n > MOST)) {
      faults.add(FieldViolation.of(field, "meeting.count", "A count is from 0 to " + MOST));
    }
  }
}
