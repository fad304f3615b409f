package org.dialogkarta.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.report.document.ReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Builds reports in the background, one at a time per dialogue. The build's state, progress and
 * files are kept in {@code report_build}, not in this process, so any app node can show a
 * planner's build and hand out its files. A build whose node stopped (no progress for
 * {@link #STALLED_MINUTES} minutes) is marked failed, so the dialogue is free for the next one.
 * Drafts are deleted an hour after they finish.
 */
@Component
class ReportBuilds {

  static final int STALLED_MINUTES = 5;
  private static final Logger log = LoggerFactory.getLogger(ReportBuilds.class);
  private static final long TOUCH_EVERY_NANOS = 500_000_000L;

  private final JdbcClient jdbc;
  private final ReportAssembler assembler;
  private final ReportFiles files;
  private final ReportVersions versions;
  private final ReportViews views;

  ReportBuilds(JdbcClient jdbc, ReportAssembler assembler, ReportFiles files, ReportVersions versions,
      ReportViews views) {
    this.views = views;
    this.jdbc = jdbc;
    this.assembler = assembler;
    this.files = files;
    this.versions = versions;
  }

  /** Starts a draft build, or with {@code publishAs} the build that becomes that version. */
  ReportBuild start(long dialogueId, Integer publishAs, String actor) {
    markStalled();
    if (publishAs != null) {
      versions.requireNext(dialogueId, publishAs);
    }
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("""
              INSERT INTO report_build (id, dialogue_id, kind, requested_by, version_number)
              VALUES (:id, :dialogue, :kind, :actor, :version)""")
          .param("id", id).param("dialogue", dialogueId).param("kind", publishAs == null ? "draft" : "publish")
          .param("actor", actor).param("version", publishAs)
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("report.busy",
          "The report of this dialogue is being built already; wait for that build to finish");
    }
    Thread.ofVirtual().name("report-" + id).start(() -> run(id, dialogueId, publishAs, actor));
    return find(dialogueId, id);
  }

  ReportBuild find(long dialogueId, UUID id) {
    return jdbc.sql("""
            SELECT id, dialogue_id, kind, state, step, done, total, error, version_number, started_at, finished_at,
                   html IS NOT NULL AS has_files
            FROM report_build WHERE id = :id AND dialogue_id = :dialogue""")
        .param("id", id).param("dialogue", dialogueId)
        .query(ReportBuilds::build).optional()
        .orElseThrow(() -> new NotFoundException("No report build " + id + " for dialogue " + dialogueId));
  }

  Optional<ReportFile> file(long dialogueId, UUID id, ReportFormat format) {
    return jdbc.sql("SELECT " + format.column() + " AS content FROM report_build"
            + " WHERE id = :id AND dialogue_id = :dialogue AND state = 'done'")
        .param("id", id).param("dialogue", dialogueId)
        .query((rs, row) -> rs.getBytes("content")).optional()
        .filter(bytes -> bytes != null)
        .map(bytes -> new ReportFile(format, bytes));
  }

  private void run(UUID id, long dialogueId, Integer publishAs, String actor) {
    Tracker tracker = new Tracker(id);
    try {
      tracker.step("reading", 0, 0);
      int total = views.count(dialogueId);
      ReportAssembler.Compiled compiled = assembler.compile(dialogueId, publishAs,
          read -> tracker.progress("reading", read, total));
      int entries = compiled.document().appendix().size();
      Map<ReportFormat, byte[]> written = new EnumMap<>(ReportFormat.class);
      for (ReportFormat format : ReportFormat.values()) {
        tracker.step(format.code(), 0, entries);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.Progress progress = done -> tracker.progress(format.code(), done, entries);
        files.writer(format).write(compiled.document(), out, progress);
        written.put(format, out.toByteArray());
      }
      if (publishAs == null) {
        jdbc.sql("""
                UPDATE report_build SET state = 'done', step = 'done', done = total, html = :html, pdf = :pdf,
                       docx = :docx, finished_at = now(), touched_at = now() WHERE id = :id""")
            .param("html", written.get(ReportFormat.HTML)).param("pdf", written.get(ReportFormat.PDF))
            .param("docx", written.get(ReportFormat.DOCX)).param("id", id).update();
      } else {
        tracker.step("publishing", 0, 1);
        versions.publish(id, dialogueId, publishAs, compiled, written, actor);
      }
    } catch (ConflictException e) {
      fail(id, e.getMessage());
    } catch (IOException | RuntimeException e) {
      log.warn("Report build {} of dialogue {} failed", id, dialogueId, e);
      fail(id, "The report could not be built: " + e.getClass().getSimpleName());
    }
  }

  private void fail(UUID id, String message) {
    jdbc.sql("UPDATE report_build SET state = 'failed', error = :error, finished_at = now() WHERE id = :id")
        .param("error", message).param("id", id).update();
  }

  /** Builds whose node stopped: nobody touched them for a while. */
  void markStalled() {
    jdbc.sql("""
            UPDATE report_build SET state = 'failed', finished_at = now(),
                   error = 'The build stopped (the server was restarted); start it again'
            WHERE state = 'running' AND touched_at < now() - make_interval(mins => :minutes)""")
        .param("minutes", STALLED_MINUTES).update();
  }

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
  @SchedulerLock(name = "report-build-cleanup")
  void deleteOld() {
    markStalled();
    jdbc.sql("DELETE FROM report_build WHERE state <> 'running' AND finished_at < now() - interval '1 hour'").update();
  }

  /** Writes progress to the build's row at most twice a second. */
  private final class Tracker {
    private final UUID id;
    private long last;

    Tracker(UUID id) {
      this.id = id;
    }

    void step(String step, int done, int total) {
      last = System.nanoTime();
      jdbc.sql("UPDATE report_build SET step = :step, done = :done, total = :total, touched_at = now() WHERE id = :id")
          .param("step", step).param("done", done).param("total", total).param("id", id).update();
    }

    void progress(String step, int done, int total) {
      if (System.nanoTime() - last >= TOUCH_EVERY_NANOS) {
        step(step, done, total);
      }
    }
  }

  private static ReportBuild build(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    long dialogue = rs.getLong("dialogue_id");
    String state = rs.getString("state");
    int done = rs.getInt("done");
    int total = rs.getInt("total");
    Integer version = (Integer) rs.getObject("version_number");
    Map<String, String> urls = new LinkedHashMap<>();
    if ("done".equals(state)) {
      String base = "/api/v1/staff/dialogues/" + dialogue + "/report/";
      for (ReportFormat f : ReportFormat.values()) {
        urls.put(f.code(), rs.getBoolean("has_files") ? base + "builds/" + id + "/report." + f.code()
            : base + "versions/" + version + "." + f.code());
      }
    }
    return new ReportBuild(id, dialogue, rs.getString("kind"), state, rs.getString("step"), done, total,
        percent(rs.getString("step"), state, done, total), rs.getString("error"), version, urls,
        rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
  }

  /** Reading is the first tenth; each of the three formats a share of the rest. */
  static int percent(String step, String state, int done, int total) {
    if (!"running".equals(state)) {
      return "done".equals(state) ? 100 : 0;
    }
    double within = total == 0 ? 0 : Math.min(1, done / (double) total);
    List<String> steps = List.of("reading", "html", "pdf", "docx", "publishing");
    double[] start = {0, 10, 25, 75, 95};
    double[] width = {10, 15, 50, 20, 5};
    int i = Math.max(0, steps.indexOf(step));
    return (int) Math.floor(start[i] + width[i] * within);
  }
}
