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
import java.util.concurrent.ConcurrentHashMap;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Exports that run in the background: each on its own virtual thread, writing to
 * {@code <id>.part} and renamed to the finished file only when complete, so a download never
 * gets half a file. Jobs live in memory (a restart forgets them, like a browser's downloads);
 * finished files are deleted an hour after they were made. At most {@link #MAX_RUNNING} run at
 * once, so exports cannot crowd out the citizens' service.
 */
@Component
class ExportJobs {

  static final int MAX_RUNNING = 4;
  static final Duration KEEP = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

  private final Exports exports;
  private final Path work;
  private final Map<String, ExportJob> jobs = new ConcurrentHashMap<>();

  ExportJobs(Exports exports) throws IOException {
    this.exports = exports;
    this.work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "dialogkarta-exports"));
  }

  Path work() {
    return work;
  }

  synchronized ExportJob start(ExportRequest request, String owner) {
    long running = jobs.values().stream().filter(j -> j.state() == ExportJob.State.RUNNING).count();
    if (running >= MAX_RUNNING) {
      throw new ConflictException("export.jobs.busy",
          running + " exports are running already; try again when one has finished");
    }
    String id = UUID.randomUUID().toString();
    ExportJob job = new ExportJob(id, owner, request, work.resolve(id + ".file"));
    jobs.put(id, job);
    Thread.ofVirtual().name("export-" + id).start(() -> run(job));
    return job;
  }

  private void run(ExportJob job) {
    Path part = work.resolve(job.id + ".part");
    try {
      try (OutputStream out = Files.newOutputStream(part)) {
        exports.write(job.request, out, work, job.progress());
      }
      Files.move(part, job.file, StandardCopyOption.ATOMIC_MOVE);
      job.finish(ExportJob.State.DONE);
    } catch (InvalidInputException e) {
      job.fail(e.getMessage());
      delete(part);
    } catch (IOException | RuntimeException e) {
      log.warn("Export job {} ({}) failed", job.id, job.request.fileName(), e);
      job.fail("The export could not be completed");
      delete(part);
    }
  }

  /** The job, if it exists and is the caller's own; another staff member's job is not found. */
  Optional<ExportJob> find(String id, String owner) {
    return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(owner));
  }

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
  void deleteOld() {
    Instant before = Instant.now().minus(KEEP);
    jobs.values().removeIf(job -> {
      if (job.finishedAt() != null && job.finishedAt().isBefore(before)) {
        delete(job.file);
        return true;
      }
      return false;
    });
    // Files of jobs from before a restart are known to no one: gone after the same hour.
    try (java.util.stream.Stream<Path> files = Files.list(work)) {
      files.filter(f -> f.getFileName().toString().matches("[0-9a-f-]{36}\\.(file|part)"))
          .filter(f -> !jobs.containsKey(f.getFileName().toString().substring(0, 36)))
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
