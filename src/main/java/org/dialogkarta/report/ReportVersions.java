package org.dialogkarta.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.ConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published versions of the report ({@code report_version}): numbered 1, 2, 3 per dialogue, and
 * never changed once written (a database trigger refuses it). Publishing names the number it
 * expects to create, so a second click, or a second planner, gets a clear conflict instead of a
 * second version. With each version goes what every map pin ended up under, for the citizen's
 * receipt.
 */
@Repository
class ReportVersions {

  private static final String COLUMNS = """
      number, published_at, published_by, conclusions, next_steps, view_count, topic_count""";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;
  private final AuditLog audit;

  ReportVersions(JdbcClient jdbc, NamedParameterJdbcTemplate batch, AuditLog audit) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.audit = audit;
  }

  int latestNumber(long dialogueId) {
    return jdbc.sql("SELECT coalesce(max(number), 0) FROM report_version WHERE dialogue_id = :d")
        .param("d", dialogueId).query(Integer.class).single();
  }

  /** Refuses a number other than the next one: the version exists already, or the page is stale. */
  void requireNext(long dialogueId, int number) {
    int latest = latestNumber(dialogueId);
    if (number <= latest) {
      throw new ConflictException("report.published", "Version " + number + " of this report is published already"
          + " (the latest is " + latest + "); a published version never changes. Publish version " + (latest + 1)
          + " to publish the report as it is now.");
    }
    if (number != latest + 1) {
      throw new ConflictException("report.number", "The next version of this report is " + (latest + 1)
          + ", not " + number + ". Reload the page.");
    }
  }

  @Transactional
  void publish(UUID buildId, long dialogueId, int number, ReportAssembler.Compiled compiled,
      Map<ReportFormat, byte[]> files, String actor) {
    requireNext(dialogueId, number);
    var about = compiled.document().about();
    long versionId = jdbc.sql("""
            INSERT INTO report_version (dialogue_id, number, published_by, conclusions, next_steps, view_count,
                                        topic_count, html, pdf, docx)
            VALUES (:dialogue, :number, :actor, :conclusions, :nextSteps, :views, :topics, :html, :pdf, :docx)
            RETURNING id""")
        .param("dialogue", dialogueId).param("number", number).param("actor", actor)
        .param("conclusions", about.conclusions()).param("nextSteps", about.nextSteps())
        .param("views", compiled.views().size()).param("topics", compiled.topics().size())
        .param("html", files.get(ReportFormat.HTML)).param("pdf", files.get(ReportFormat.PDF))
        .param("docx", files.get(ReportFormat.DOCX))
        .query(Long.class).single();
    List<SqlParameterSource> pins = new ArrayList<>();
    for (ReportView v : compiled.views()) {
      if (v.isPin()) {
        Topic topic = v.topicId() == null ? null : compiled.topics().get(v.topicId());
        Stance stance = Stance.of(v, topic);
        pins.add(new MapSqlParameterSource().addValue("version", versionId).addValue("pin", v.ref().id())
            .addValue("topic", topic == null ? null : topic.title())
            .addValue("effect", stance.effect() == null ? null : stance.effect().code())
            .addValue("answer", stance.answer()));
      }
    }
    batch.batchUpdate("""
        INSERT INTO report_version_pin (version_id, pin_id, topic, effect, answer)
        VALUES (:version, :pin, :topic, :effect, :answer)""", pins.toArray(SqlParameterSource[]::new));
    jdbc.sql("""
            UPDATE report_build SET state = 'done', step = 'done', done = total, finished_at = now(),
                   touched_at = now() WHERE id = :id""")
        .param("id", buildId).update();
    audit.record("report.publish", "report_version", versionId, null,
        Map.of("dialogue", dialogueId, "number", number, "views", compiled.views().size()));
  }

  List<PublishedReport> list(long dialogueId, String filesBase) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM report_version WHERE dialogue_id = :d ORDER BY number DESC")
        .param("d", dialogueId)
        .query((rs, row) -> version(rs, filesBase)).list();
  }

  Optional<ReportFile> file(long dialogueId, int number, ReportFormat format) {
    return jdbc.sql("SELECT " + format.column() + " AS content FROM report_version"
            + " WHERE dialogue_id = :d AND number = :n")
        .param("d", dialogueId).param("n", number)
        .query((rs, row) -> new ReportFile(format, rs.getBytes("content"))).optional();
  }

  private static PublishedReport version(ResultSet rs, String filesBase) throws SQLException {
    int number = rs.getInt("number");
    Map<String, String> urls = new LinkedHashMap<>();
    for (ReportFormat f : ReportFormat.values()) {
      urls.put(f.code(), filesBase + number + "." + f.code());
    }
    return new PublishedReport(number, rs.getObject("published_at", OffsetDateTime.class),
        rs.getString("published_by"), rs.getString("conclusions"), rs.getString("next_steps"),
        rs.getInt("view_count"), rs.getInt("topic_count"), urls);
  }
}
