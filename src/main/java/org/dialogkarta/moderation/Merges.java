package org.dialogkarta.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.pin.ModerationState;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds duplicates into one pin. Nobody who spoke is lost: the pin kept grows by each
 * duplicate's supporters plus its writer, and every duplicate's submitter follows the kept pin's
 * status and replies on their receipt. Duplicates leave public reads but are never deleted.
 * Pins merged earlier into a duplicate are moved to the kept pin, so a merge is never a chain.
 */
@Service
@Transactional
class Merges {

  record Answer(StaffPin into, List<Long> merged) {}

  private final PinRows rows;
  private final PinEvents events;
  private final StaffPins staffPins;
  private final AuditLog audit;
  private final JdbcClient jdbc;

  Merges(PinRows rows, PinEvents events, StaffPins staffPins, AuditLog audit, JdbcClient jdbc) {
    this.rows = rows;
    this.events = events;
    this.staffPins = staffPins;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  Answer merge(Long into, List<Long> duplicateIds) {
    if (into == null) {
      throw InvalidInputException.of("into", "merge.into_missing", "Say which pin the duplicates are merged into");
    }
    if (duplicateIds == null || duplicateIds.isEmpty() || duplicateIds.contains(null)
        || duplicateIds.size() > PinSelection.MAX_PINS) {
      throw InvalidInputException.of("duplicates", "merge.duplicates_missing",
          "Give 1 to " + PinSelection.MAX_PINS + " duplicate pin ids");
    }
    if (duplicateIds.contains(into)) {
      throw InvalidInputException.of("duplicates", "merge.self", "A pin cannot be merged into itself");
    }
    LinkedHashSet<Long> all = new LinkedHashSet<>(duplicateIds);
    all.add(into);
    List<PinRows.PinRow> pins = rows.lockAll(all);
    PinRows.PinRow target = pins.stream().filter(p -> p.id() == into).findFirst().orElseThrow();
    List<PinRows.PinRow> duplicates = pins.stream().filter(p -> p.id() != into).toList();
    check(target, duplicates);

    List<Long> moved = jdbc.sql("""
            UPDATE pin SET merged_into = :into WHERE merged_into IN (:duplicates) RETURNING id""")
        .param("into", into)
        .param("duplicates", duplicates.stream().map(PinRows.PinRow::id).toList())
        .query(Long.class)
        .list();
    List<Long> merged = new ArrayList<>(duplicates.stream().map(PinRows.PinRow::id).toList());
    jdbc.sql("UPDATE pin SET merged_into = :into WHERE id IN (:ids)").param("into", into).param("ids", merged).update();
    merged.addAll(moved);
    // The duplicates' own supports already hold the supporters of pins merged into them earlier.
    int added = duplicates.stream().mapToInt(d -> d.supports() + 1).sum();
    jdbc.sql("UPDATE pin SET supports = supports + :added WHERE id = :into")
        .param("added", added).param("into", into).update();
    events.recordAll(merged, PinEventKind.MERGED_INTO, null, String.valueOf(into), null);
    for (PinRows.PinRow d : duplicates) {
      events.record(into, PinEventKind.MERGED_FROM, String.valueOf(d.id()), null, null);
    }
    audit.record("pin.merge", "pin", (long) into, state(target.supports(), List.of()),
        state(target.supports() + added, merged));
    return new Answer(staffPins.byId(into).orElseThrow(), List.copyOf(merged));
  }

  private static void check(PinRows.PinRow target, List<PinRows.PinRow> duplicates) {
    if (duplicates.stream().anyMatch(d -> d.dialogueId() != target.dialogueId())) {
      throw InvalidInputException.of("duplicates", "merge.dialogues", "All pins of a merge must be in one dialogue");
    }
    if (target.mergedInto() != null) {
      throw InvalidInputException.of("into", "merge.into_merged",
          "Pin " + target.id() + " is itself merged into pin " + target.mergedInto() + "; merge into that one");
    }
    if (target.state() == ModerationState.HIDDEN) {
      throw InvalidInputException.of("into", "merge.into_hidden",
          "Pin " + target.id() + " is hidden; merge into a pin the public can see");
    }
    for (PinRows.PinRow d : duplicates) {
      if (d.mergedInto() != null) {
        throw InvalidInputException.of("duplicates", "merge.already_merged",
            "Pin " + d.id() + " is already merged into pin " + d.mergedInto());
      }
    }
  }

  private static Map<String, Object> state(int supports, List<Long> merged) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("supports", supports);
    out.put("merged", merged);
    return out;
  }
}
