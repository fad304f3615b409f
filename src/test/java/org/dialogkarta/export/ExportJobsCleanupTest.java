package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Files of jobs nobody knows (from before a restart) are deleted after an hour, fresh ones kept. */
class ExportJobsCleanupTest {

  @Test
  void strayJobFilesGoAfterAnHour() throws Exception {
    ExportJobs jobs = new ExportJobs(null);
    Path old = jobs.work().resolve(UUID.randomUUID() + ".file");
    Path oldPart = jobs.work().resolve(UUID.randomUUID() + ".part");
    Path fresh = jobs.work().resolve(UUID.randomUUID() + ".file");
    Path other = jobs.work().resolve("keep-" + UUID.randomUUID() + ".txt");
    for (Path p : new Path[] {old, oldPart, fresh, other}) {
      Files.writeString(p, "x");
    }
    FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    for (Path p : new Path[] {old, oldPart, other}) {
      Files.setLastModifiedTime(p, twoHoursAgo);
    }
    try {
      jobs.deleteOld();
      assertThat(old).doesNotExist();
      assertThat(oldPart).doesNotExist();
      assertThat(fresh).exists();
      assertThat(other).as("not a job's file").exists();
    } finally {
      Files.deleteIfExists(fresh);
      Files.deleteIfExists(other);
    }
  }
}
