package org.dialogkarta.export;

import java.util.Locale;
import java.util.Map;

/**
 * One export job as the {@code export_job} row (V22) holds it, whichever node reads it: who
 * started it, its state, how far it has come, and the audit log's description of what it
 * exports. The file is written under a temporary name and shows as {@code done} only once
 * complete; a failed job says why when the reason is the request's, and has no file.
 */
record ExportJob(String id, String owner, State state, String fileName, String format, String crs,
    Map<String, Object> described, Long dialogueId, long written, Long total, String error) {

  enum State {
    RUNNING, DONE, FAILED;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static State of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** What the page shows: state, features written of the total (null until known), percent. */
  record Status(String id, String state, String fileName, String format, String crs, long written,
      Long total, int percent, String file, String error) {}

  int percent() {
    return state == State.DONE ? 100 : total == null || total <= 0 ? 0 : (int) Math.min(99, written * 100 / total);
  }

  Status status() {
    return new Status(id, state.code(), fileName, format, crs, written, total, percent(),
        state == State.DONE ? "/api/v1/exports/jobs/" + id + "/file" : null, error);
  }
}
