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
  final Path file;
  final AtomicLong written = new AtomicLong();
  /** Known once the layers are prepared (an analysis layer must run first); -1 until then. */
  private volatile long total = -1;
  private volatile State state = State.RUNNING;
  private volatile Instant finishedAt;
  private volatile String error;

  ExportJob(String id, String owner, ExportRequest request, Path file) {
    this.id = id;
    this.owner = owner;
    this.request = request;
    this.file = file;
  }

  Exports.Progress progress() {
    return new Exports.Progress() {
      @Override
      public void total(long features) {
        total = features;
      }

      @Override
      public void written() {
        written.incrementAndGet();
      }
    };
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

  /** A failed job says why when the reason is the request's (an analysis refusing its settings). */
  void fail(String reason) {
    error = reason;
    finish(State.FAILED);
  }

  /** What the page shows: state, features written of the total (null until known), percent. */
  record Status(String id, String state, String fileName, String format, String crs, long written,
      Long total, int percent, String file, String error) {}

  Status status() {
    long done = written.get();
    long total = this.total;
    int percent = state == State.DONE ? 100 : total <= 0 ? 0 : (int) Math.min(99, done * 100 / total);
    return new Status(id, state.name().toLowerCase(java.util.Locale.ROOT), request.fileName(),
        request.format().extension(), request.crs().code(), done, total < 0 ? null : total, percent,
        state == State.DONE ? "/api/v1/exports/jobs/" + id + "/file" : null, error);
  }
}
