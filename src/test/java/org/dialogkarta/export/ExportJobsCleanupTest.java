package org.dialogkarta.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finished jobs go an hour after they finished, with their files; files no job knows (from before
 * a restart) go after the same hour; fresh ones stay; a job whose node stopped reporting is
 * failed, not running for ever.
 */
@IntegrationTest
class ExportJobsCleanupTest {

  @Autowired ExportJobs jobs;
  @Autowired JdbcClient jdbc;

  private String row(String state, Duration finishedAgo, Duration heartbeatAgo) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        INSERT INTO export_job (id, owner, state, file_name, format, crs, described, finished_at, heartbeat_at)
        VALUES (CAST(:id AS uuid), 'gis-städ', :state, 'pins-3006.gpkg', 'gpkg', '3006', '{}',
                now() - make_interval(secs => :finished), now() - make_interval(secs => :heartbeat))""")
        .param("id", id).param("state", state).param("finished", finishedAgo.toSeconds())
        .param("heartbeat", heartbeatAgo.toSeconds()).update();
    return id;
  }

  @Test
  void oldJobsAndStrayFilesGoFreshOnesStay() throws Exception {
    String oldDone = row("done", Duration.ofHours(2), Duration.ofHours(2));
    String freshDone = row("done", Duration.ofMinutes(5), Duration.ofMinutes(5));
    Files.writeString(jobs.file(oldDone), "x");
    Files.writeString(jobs.file(freshDone), "x");
    Path stray = jobs.work().resolve(UUID.randomUUID() + ".part");
    Path other = jobs.work().resolve("keep-" + UUID.randomUUID() + ".txt");
    Files.writeString(stray, "x");
    Files.writeString(other, "x");
    FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    for (Path p : new Path[] {jobs.file(oldDone), stray, other}) {
      Files.setLastModifiedTime(p, twoHoursAgo);
    }
    try {
      jobs.deleteOld();
      assertThat(jobs.find(oldDone, "gis-städ")).isEmpty();
      assertThat(jobs.file(oldDone)).doesNotExist();
      assertThat(stray).doesNotExist();
      assertThat(jobs.find(freshDone, "gis-städ")).isPresent();
      assertThat(jobs.file(freshDone)).exists();
      assertThat(other).as("not a job's file").exists();
    } finally {
      Files.deleteIfExists(jobs.file(freshDone));
      Files.deleteIfExists(other);
    }
  }

  @Test
  void aJobWhoseNodeStoppedIsFailed() {
    String stalled = row("running", Duration.ofMinutes(10), ExportJobs.STALLED.plusSeconds(30));
    String alive = row("running", Duration.ofMinutes(10), Duration.ofSeconds(5));
    ExportJob gone = jobs.find(stalled, "gis-städ").orElseThrow();
    assertThat(gone.state()).isEqualTo(ExportJob.State.FAILED);
    assertThat(gone.error()).contains("stopped");
    assertThat(jobs.find(alive, "gis-städ").orElseThrow().state()).isEqualTo(ExportJob.State.RUNNING);
    assertThat(jobs.find(alive, "someone-else")).as("another's job is not found").isEmpty();
    assertThat(jobs.find("not-a-uuid", "gis-städ")).isEmpty();
  }
}
