package org.dialogkarta.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One export running in the background for the staff member who started it. The file is
 * written under a temporary name and shows as {@code done} only once complete; a failed job says
 * so and has no file.
 */
final class ExportJob {

  enum State { RUNNING, DONE, FAILED }

  final String id;
  final String owner;
  final ExportRequest request;
  final long total;
  final Path file;
  final AtomicLong written = new AtomicLong();
  private volatile State state = State.RUNNING;
  private volatile Instant finishedAt;

  ExportJob(String id, String owner, ExportRequest request, long total, Path file) {
    this.id = id;
    this.owner = owner;
    this.request = request;
    this.total = total;
    this.file = file;
  }

  State state() {
    return state;
  }

  Instant finishedAt() {
    return finishedAt;
  }

  void finish(State end) {
    finishedAt = Instant.now();
    state = end;
  }

  /** What the page shows: state, features written of the total, percent. */
  record Status(String id, String state, String fileName, String format, String crs, long written,
      long total, int percent, String file) {}

  Status status() {
    long done = written.get();
    int percent = state == State.DONE ? 100 : total == 0 ? 0 : (int) Math.min(99, done * 100 / total);
    return new Status(id, state.name().toLowerCase(java.util.Locale.ROOT), request.fileName(),
        request.format().extension(), request.crs().code(), done, total, percent,
        state == State.DONE ? "/api/v1/exports/jobs/" + id + "/file" : null);
  }
}
