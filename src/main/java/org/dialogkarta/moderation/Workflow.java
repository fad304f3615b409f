package org.dialogkarta.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.pin.PinStatus;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A planner moves a pin along its status (see {@link StatusTransitions}), routes it to a
 * department, and keeps internal notes. {@link #check} and {@link #apply} are also what a bulk
 * reply uses for each of its pins, so one pin and forty follow the same rules.
 */
@Service
@Transactional
class Workflow {

  private final PinRows rows;
  private final Departments departments;
  private final PinEvents events;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher publisher;

  Workflow(PinRows rows, Departments departments, PinEvents events, AuditLog audit, JdbcClient jdbc,
      ApplicationEventPublisher publisher) {
    this.publisher = publisher;
    this.rows = rows;
    this.departments = departments;
    this.events = events;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  void changeStatus(long pinId, String statusCode, Long departmentId) {
    PinStatus status = parseStatus(statusCode, true);
    Departments.Department department = departments.usable(departmentId);
    PinRows.PinRow pin = rows.lock(pinId);
    if (pin.mergedInto() != null) {
      throw new ConflictException("pin.merged",
          "Pin " + pinId + " is merged into pin " + pin.mergedInto() + "; change that one");
    }
    List<FieldViolation> faults = check(pin, status, department);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    apply(pin, status, department);
  }

  PinDetails.Note addNote(long pinId, String rawText) {
    String text = StaffText.check("text", rawText, StaffText.TEXT_MAX);
    rows.lock(pinId);
    PinDetails.Note note = jdbc.sql("""
            INSERT INTO pin_note (pin_id, author, text) VALUES (:pin, :author, :text)
            RETURNING id, author, text, created_at""")
        .param("pin", pinId)
        .param("author", AuditLog.currentActor())
        .param("text", text)
        .query((rs, row) -> new PinDetails.Note(rs.getLong("id"), rs.getString("author"), rs.getString("text"),
            rs.getTimestamp("created_at").toInstant()))
        .single();
    audit.record("pin.note", "pin", pinId, null, note);
    return note;
  }

  /** A status code from a request; null (not wanted) only when not required. */
  static PinStatus parseStatus(String code, boolean required) {
    if (code == null || code.isBlank()) {
      if (required) {
        throw InvalidInputException.of("status", "status.missing", "Give the new status");
      }
      return null;
    }
    return Coded.fromCode(PinStatus.class, code.strip()).orElseThrow(() -> InvalidInputException.of(
        "status", "status.unknown", "Unknown status '" + code + "'; one of " + Coded.codesOf(PinStatus.class)));
  }

  /** What stops {@code pin} from going to {@code status} (null: keep it) with {@code department}. */
  static List<FieldViolation> check(PinRows.PinRow pin, PinStatus status, Departments.Department department) {
    if (status != null && !StatusTransitions.allowed(pin.status(), status)) {
      return List.of(FieldViolation.of("status", "status.transition", "Pin " + pin.id() + " is "
          + pin.status().code() + " and cannot go to " + status.code() + "; it can go to "
          + String.join(", ", StatusTransitions.next(pin.status()).stream().map(PinStatus::code).toList())));
    }
    // Only a move to forwarded needs a department: a reply that keeps an old forwarded pin's status
    // must not be blocked because nobody recorded where it went back then.
    boolean becomesForwarded = status == PinStatus.FORWARDED && pin.status() != PinStatus.FORWARDED;
    if (becomesForwarded && department == null && pin.departmentId() == null) {
      return List.of(FieldViolation.of("departmentId", "department.required",
          "Say which department pin " + pin.id() + " is forwarded to"));
    }
    return List.of();
  }

  /** Writes a checked change: the pin, its history and the audit log; nothing if nothing changes. */
  void apply(PinRows.PinRow pin, PinStatus status, Departments.Department department) {
    PinStatus newStatus = status == null ? pin.status() : status;
    Long newDepartment = department == null ? pin.departmentId() : Long.valueOf(department.id());
    boolean statusChanges = newStatus != pin.status();
    boolean departmentChanges = !Objects.equals(newDepartment, pin.departmentId());
    if (!statusChanges && !departmentChanges) {
      return;
    }
    jdbc.sql("UPDATE pin SET status = :status, department_id = :department WHERE id = :pin")
        .param("status", newStatus.code())
        .param("department", newDepartment)
        .param("pin", pin.id())
        .update();
    if (statusChanges) {
      events.record(pin.id(), PinEventKind.STATUS, pin.status().code(), newStatus.code(), null);
    }
    if (departmentChanges) {
      events.record(pin.id(), PinEventKind.ASSIGNMENT, departments.name(pin.departmentId()),
          department.name(), null);
    }
    audit.record("pin.status", "pin", pin.id(), workflow(pin.status(), pin.departmentId()),
        workflow(newStatus, newDepartment));
    if (newStatus == PinStatus.FORWARDED && newDepartment != null) {
      publisher.publishEvent(new PinForwarded(pin.id(), newDepartment)); // the department hears of it (forwarding)
    }
  }

  private static Map<String, Object> workflow(PinStatus status, Long departmentId) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status.code());
    out.put("departmentId", departmentId);
    return out;
  }
}
