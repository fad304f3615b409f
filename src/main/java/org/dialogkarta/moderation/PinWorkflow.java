package org.dialogkarta.moderation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.pin.PinStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow's door for other features (forwarding): the same rules, history and audit rows as
 * a planner's own actions, in the caller's transaction. The actor is whoever
 * {@link org.dialogkarta.audit.AuditLog#currentActor} names (a body answering through its link
 * acts as {@code department:<id>}).
 */
@Service
@Transactional
public class PinWorkflow {

  private final PinRows rows;
  private final Departments departments;
  private final Workflow workflow;
  private final Replies replies;
  private final PinEvents events;
  private final JdbcClient jdbc;

  PinWorkflow(PinRows rows, Departments departments, Workflow workflow, Replies replies, PinEvents events,
      JdbcClient jdbc) {
    this.rows = rows;
    this.departments = departments;
    this.workflow = workflow;
    this.replies = replies;
    this.events = events;
    this.jdbc = jdbc;
  }

  /**
   * Forwards all {@code pinIds} to the department: checked together (one refused pin stores
   * nothing), then each moves to forwarded. The department hears of it through {@link PinForwarded}.
   */
  public void forward(Collection<Long> pinIds, Long departmentId) {
    if (pinIds == null || pinIds.isEmpty()) {
      throw InvalidInputException.of("pinIds", "selection.empty", "Choose at least one pin");
    }
    if (departmentId == null) {
      throw InvalidInputException.of("departmentId", "department.required", "Say which department");
    }
    Departments.Department department = departments.usable(departmentId);
    List<PinRows.PinRow> pins = rows.lockAll(pinIds);
    List<FieldViolation> faults = new ArrayList<>();
    for (PinRows.PinRow pin : pins) {
      if (pin.mergedInto() != null) {
        faults.add(FieldViolation.of("pinIds", "pin.merged", "Pin " + pin.id() + " is merged into pin " + pin.mergedInto()));
      } else {
        faults.addAll(Workflow.check(pin, PinStatus.FORWARDED, department));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    pins.forEach(pin -> workflow.apply(pin, PinStatus.FORWARDED, department));
  }

  /** A new status for one pin by the table of {@link StatusTransitions}; 422 on {@code status} if not allowed. */
  public void changeStatus(long pinId, PinStatus status, String detail) {
    PinRows.PinRow pin = rows.lock(pinId);
    if (pin.mergedInto() != null) {
      throw new ConflictException("pin.merged", "Pin " + pinId + " is merged into pin " + pin.mergedInto());
    }
    List<FieldViolation> faults = Workflow.check(pin, status, null);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    workflow.apply(pin, status, null);
    if (detail != null && status != pin.status()) {
      jdbc.sql("""
              UPDATE pin_event SET detail = :detail WHERE id = (SELECT max(id) FROM pin_event
                WHERE pin_id = :pin AND kind = 'status')""")
          .param("detail", detail).param("pin", pinId).update();
    }
  }

  /** The department gives the pin back: it goes to in_review and no longer names a department. */
  public void giveBack(long pinId) {
    PinRows.PinRow pin = rows.lock(pinId);
    changeStatus(pinId, PinStatus.IN_REVIEW, null);
    if (pin.departmentId() != null) {
      jdbc.sql("UPDATE pin SET department_id = NULL WHERE id = :pin").param("pin", pinId).update();
      events.record(pinId, PinEventKind.ASSIGNMENT, departments.name(pin.departmentId()), null, null);
    }
  }

  /**
   * A public reply to one pin, as a planner's own reply (stored once, history, audit), in Swedish:
   * a department's answer through the answer page is Swedish. Returns its id.
   */
  public long reply(long pinId, String text) {
    // A mutable list: the selection asks it whether it holds null, which List.of answers by throwing.
    return replies.reply(new PinSelection.Request(new ArrayList<>(List.of(pinId)), null, null, null), text, "sv", null, null)
        .reply().id();
  }
}
