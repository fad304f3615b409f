package org.dialogkarta.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports that run in the background, shared by every app node: each job is a row in
 * {@code export_job} (V22) and its file lies in the export directory
 * ({@code dialogkarta.export.directory}; with more than one node, a directory they all mount).
 * The node that starts a job runs it on a virtual thread, writing {@code <id>.part} and renaming
 * it to {@code <id>.file} only when complete, so a download never gets half a file; it writes its
 * progress and a heartbeat to the row at most every second, so any node can report it, and a job
 * whose node stopped (no heartbeat for {@link #STALLED}) is reported as failed. At most
 * {@link #MAX_RUNNING} run at once in the whole cluster, so exports cannot crowd out the
 * citizens' service. Finished jobs and their files go after an hour.
 */
@Component
class ExportJobs {

  static final int MAX_RUNNING = 4;
  static final Duration KEEP = Duration.ofHours(1);
  static final Duration STALLED = Duration.ofMinutes(2);
  private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Exports exports;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  /** Progress is written beside the export's own read-only transaction, in one of its own. */
  private final TransactionTemplate apart;
  private final Path work;

  ExportJobs(Exports exports, JdbcClient jdbc, TransactionTemplate transaction,
      @Value("${dialogkarta.export.directory:}") String directory) throws IOException {
    this.exports = exports;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.apart = new TransactionTemplate(transaction.getTransactionManager());
    this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.work = Files.createDirectories(directory.isBlank()
        ? Path.of(System.getProperty("java.io.tmpdir"), "dialogkarta-exports") : Path.of(directory));
  }

  Path work() {
    return work;
  }

  Path file(String id) {
    return work.resolve(id + ".file");
  }

  /** Starts the job here, unless {@link #MAX_RUNNING} are running in the cluster already (409). */
  ExportJob start(ExportRequest request, String owner) {
    String id = UUID.randomUUID().toString();
    Map<String, Object> described = ExportAudit.describe(request, id);
    boolean started = Boolean.TRUE.equals(transaction.execute(status -> {
      // One start at a time in the whole cluster, so two nodes cannot both take the last place.
      jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('export_job.start'))").query(Object.class).single();
      long running = jdbc.sql("SELECT count(*) FROM export_job WHERE state = 'running'"
          + " AND heartbeat_at > now() - make_interval(secs => :stalled)").param("stalled", STALLED.toSeconds())
          .query(Long.class).single();
      if (running >= MAX_RUNNING) {
        return false;
      }
      jdbc.sql("""
          INSERT INTO export_job (id, owner, state, file_name, format, crs, described, dialogue_id)
          VALUES (CAST(:id AS uuid), :owner, 'running', :file, :format, :crs, CAST(:described AS jsonb), :dialogue)""")
          .param("id", id).param("owner", owner).param("file", request.fileName())
          .param("format", request.format().extension()).param("crs", request.crs().code())
          .param("described", JSON.writeValueAsString(described)).param("dialogue", request.scope().dialogueId())
          .update();
      return true;
    }));
    if (!started) {
      throw new ConflictException("export.jobs.busy",
          MAX_RUNNING + " exports are running already; try again when one has finished");
    }
    Thread.ofVirtual().name("export-" + id).start(() -> run(id, request));
    return find(id, owner).orElseThrow();
  }

  private void run(String id, ExportRequest request) {
    Path part = work.resolve(id + ".part");
    Reporter progress = new Reporter(id);
    try {
      try (OutputStream out = Files.newOutputStream(part)) {
        exports.write(request, out, work, progress);
      }
      Files.move(part, file(id), StandardCopyOption.ATOMIC_MOVE);
      finish(id, progress, "done", null);
    } catch (InvalidInputException e) {
      finish(id, progress, "failed", e.getMessage());
      delete(part);
    } catch (IOException | RuntimeException e) {
      log.warn("Export job {} ({}) failed", id, request.fileName(), e);
      finish(id, progress, "failed", "The export could not be completed");
      delete(part);
    }
  }

  private void finish(String id, Reporter progress, String state, String error) {
    jdbc.sql("""
        UPDATE export_job SET state = :state, error = :error, written = :written, total = :total,
               heartbeat_at = now(), finished_at = now()
        WHERE id = CAST(:id AS uuid)""")
        .param("state", state).param("error", error).param("written", progress.written.get())
        .param("total", progress.total < 0 ? null : progress.total).param("id", id).update();
  }

  /** Counts the features written and reports them to the row at most once a second. */
  private final class Reporter implements Exports.Progress {
    private final String id;
    private final AtomicLong written = new AtomicLong();
    private volatile long total = -1;
    private volatile long reportedAt = System.nanoTime();

    Reporter(String id) {
      this.id = id;
    }

    @Override
    public void total(long features) {
      total = features;
      report();
    }

    @Override
    public void written() {
      written.incrementAndGet();
      if (System.nanoTime() - reportedAt > 1_000_000_000L) {
        report();
      }
    }

    private void report() {
      reportedAt = System.nanoTime();
      apart.executeWithoutResult(status -> jdbc.sql("UPDATE export_job SET written = :written, total = :total,"
          + " heartbeat_at = now() WHERE id = CAST(:id AS uuid) AND state = 'running'")
          .param("written", written.get()).param("total", total < 0 ? null : total).param("id", id).update());
    }
  }

  /**
   * The job, if it exists and is the caller's own (another staff member's job is not found); a
   * running job whose node has stopped reporting is failed.
   */
  Optional<ExportJob> find(String id, String owner) {
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return jdbc.sql("""
            SELECT id::text, owner, state, error, file_name, format, crs, described::text, dialogue_id, written, total,
                   state = 'running' AND heartbeat_at < now() - make_interval(secs => :stalled) AS stalled
            FROM export_job WHERE id = CAST(:id AS uuid) AND owner = :owner""")
        .param("id", id).param("owner", owner).param("stalled", STALLED.toSeconds())
        .query((rs, row) -> {
          boolean stalled = rs.getBoolean("stalled");
          return new ExportJob(rs.getString("id"), rs.getString("owner"),
              stalled ? ExportJob.State.FAILED : ExportJob.State.of(rs.getString("state")), rs.getString("file_name"),
              rs.getString("format"), rs.getString("crs"), described(rs.getString("described")),
              rs.getObject("dialogue_id", Long.class), rs.getLong("written"), rs.getObject("total", Long.class),
              stalled ? "The app node running the export stopped; start it again" : rs.getString("error"));
        })
        .optional();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> described(String json) {
    return JSON.readValue(json, Map.class);
  }

  /** Once per cluster: finished jobs of more than an hour ago go, with their files and any stray file. */
  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
  @SchedulerLock(name = "export-job-cleanup")
  void deleteOld() {
    Instant before = Instant.now().minus(KEEP);
    for (String id : jdbc.sql("DELETE FROM export_job WHERE coalesce(finished_at, heartbeat_at) < :before"
        + " AND (state <> 'running' OR heartbeat_at < :before) RETURNING id::text")
        .param("before", java.sql.Timestamp.from(before)).query(String.class).list()) {
      delete(file(id));
    }
    // Files no job row knows (from before a restart, or a node that stopped): gone after the same hour.
    try (java.util.stream.Stream<Path> files = Files.list(work)) {
      files.filter(f -> f.getFileName().toString().matches("[0-9a-f-]{36}\\.(file|part)"))
          .filter(f -> {
            try {
              return Files.getLastModifiedTime(f).toInstant().isBefore(before);
            } catch (IOException e) {
              return false;
            }
          })
          .forEach(ExportJobs::delete);
    } catch (IOException e) {
      log.warn("Could not list {}", work, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
