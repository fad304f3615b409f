package org.dialogkarta.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.demo.DemoMunicipality.Contents;
import org.dialogkarta.demo.DemoMunicipality.Dialogue;
import org.dialogkarta.demo.DemoMunicipality.Neighbourhood;
import org.dialogkarta.demo.DemoPins.Pin;
import org.dialogkarta.kernel.DialogkartaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo municipality ({@link DemoMunicipality}: Norrköping's geography, fictional
 * dialogues and pins) at start when {@code dialogkarta.demo-data} is true, so that a fresh
 * installation has something to show. It loads once: everything goes in one transaction under an
 * advisory lock, and nothing happens when a demo dialogue is already there, so restarts and two
 * instances starting together never duplicate it. The lock rather than the unique slugs alone:
 * a second node loading at the same moment would wait on the first one's rows and then fail on
 * them, and not start; under the lock it waits, finds the demo and starts. It runs after
 * {@code security.FirstAdmin} ({@code @Order}), on every node alike, as
 * {@code TwoNodesStartTogetherTest} checks with two nodes starting at once.
 */
@Component
@Order(2)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  /** Any number will do; it only keeps two starting instances from loading at the same time. */
  private static final long LOCK = 0x6469_616c_6465_6d6fL;
  private static final SecureRandom TOKENS = new SecureRandom();

  private final DialogkartaProperties properties;
  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;
  private final TransactionTemplate transaction;

  DemoData(DialogkartaProperties properties, JdbcClient jdbc, NamedParameterJdbcTemplate batch,
      TransactionTemplate transaction) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.batch = batch;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.demoData()) {
      return;
    }
    long started = System.nanoTime();
    Contents demo = DemoMunicipality.norrkoping();
    if (Boolean.TRUE.equals(transaction.execute(status -> load(demo)))) {
      log.info("Demo data loaded in {} ms: {} neighbourhoods, {} dialogues, {} walks, {} pins",
          (System.nanoTime() - started) / 1_000_000, demo.neighbourhoods().size(),
          demo.dialogues().size(), demo.walks().size(), demo.pins().size());
    } else {
      log.info("Demo data is already in the database; nothing loaded");
    }
  }

  /** Loads everything, or nothing when the demo dialogues are there already. */
  private boolean load(Contents demo) {
    jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:lock)").param("lock", LOCK)
        .query(Integer.class).single();
    DemoGazetteer.addIfEmpty(jdbc);
    List<String> slugs = demo.dialogues().stream().map(Dialogue::slug).toList();
    long present = jdbc.sql("SELECT count(*) FROM dialogue WHERE slug IN (:slugs)")
        .param("slugs", slugs).query(Long.class).single();
    if (present > 0) {
      addReportToEarlierDemo(demo);
      DemoSafetyWalk.add(jdbc);
      DemoQuestionnaire.addIfMissing(jdbc, DemoMunicipality.VILLAGES);
      return false;
    }
    demo.neighbourhoods().forEach(this::insert);
    Map<String, Long> dialogueIds = new HashMap<>();
    demo.dialogues().forEach(d -> dialogueIds.put(d.slug(), insert(d)));
    List<Long> walkIds = demo.walks().stream().map(w -> insert(w, dialogueIds.get(w.dialogueSlug()))).toList();
    insertPins(demo.pins(), dialogueIds, walkIds, insertReceipts(demo.pins()));
    DemoSafetyWalk.add(jdbc);
    DemoShapes.add(jdbc, dialogueIds.get(DemoMunicipality.VILLAGES));
    DemoTranslations.add(jdbc, dialogueIds);
    DemoTranslations.addWalks(jdbc, DemoMunicipality.WALK, walkIds);
    demo.dialogues().stream().filter(d -> "completed".equals(d.status())).findFirst()
        .ifPresent(d -> {
          DemoFeedback.add(jdbc, dialogueIds.get(d.slug()));
          DemoReport.add(jdbc, dialogueIds.get(d.slug()));
        });
    DemoQuestionnaire.addIfMissing(jdbc, DemoMunicipality.VILLAGES);
    return true;
  }

  /**
   * A demo loaded by a version before the dialogue report gets the report's preparations once:
   * when its completed dialogue has no topics and no registered views yet.
   */
  private void addReportToEarlierDemo(Contents demo) {
    demo.dialogues().stream().filter(d -> "completed".equals(d.status())).findFirst().ifPresent(d -> {
      Long id = jdbc.sql("""
              SELECT id FROM dialogue WHERE slug = :slug
                AND NOT EXISTS (SELECT 1 FROM report_topic t WHERE t.dialogue_id = dialogue.id)
                AND NOT EXISTS (SELECT 1 FROM incoming_view v WHERE v.dialogue_id = dialogue.id)""")
          .param("slug", d.slug()).query(Long.class).optional().orElse(null);
      if (id != null) {
        DemoReport.add(jdbc, id);
        log.info("Demo data from an earlier version: the completed dialogue's report preparations added");
      }
    });
  }

  private void insert(Neighbourhood n) {
    // A district an administrator has already entered under the same code is left as it is.
    int inserted = jdbc.sql("""
            INSERT INTO neighbourhood (code, name, population, boundary)
            VALUES (:code, :name, :population, ST_Multi(ST_GeomFromText(:wkt, 4326)))
            ON CONFLICT (code) DO NOTHING""")
        .param("code", n.code()).param("name", n.name()).param("population", n.population())
        .param("wkt", n.boundary().toText())
        .update();
    if (inserted == 1) {
      // Invented but plausible: the age and gender make-up of a Swedish town spread over every
      // district alike, so "who has been heard" has something to compare with.
      jdbc.sql("""
              INSERT INTO neighbourhood_population (neighbourhood_id, age_band, gender, population)
              SELECT n.id, share.age_band, g.gender, round(n.population * share.part * g.part)
              FROM neighbourhood n,
                   (VALUES ('under_16', 0.18), ('16_24', 0.11), ('25_44', 0.27),
                           ('45_64', 0.24), ('65_79', 0.15), ('80_plus', 0.05)) share (age_band, part),
                   (VALUES ('woman', 0.5), ('man', 0.5)) g (gender, part)
              WHERE n.code = :code""")
          .param("code", n.code())
          .update();
    }
  }

  private long insert(Dialogue d) {
    long id = jdbc.sql("""
            INSERT INTO dialogue (slug, title, summary, status, starts_on, ends_on,
                                  participation_level, study_area, categories, outcome, next_steps,
                                  responsible_unit, contact, created_at)
            VALUES (:slug, :title, :summary, :status, :startsOn, :endsOn, :level,
                    ST_Multi(ST_GeomFromText(:area, 4326)), :categories, :outcome, :nextSteps,
                    :unit, :contact, :createdAt)
            RETURNING id""")
        .param("slug", d.slug()).param("title", d.title()).param("summary", d.summary())
        .param("status", d.status()).param("startsOn", d.startsOn()).param("endsOn", d.endsOn())
        .param("level", d.participationLevel()).param("area", d.studyArea().toText())
        .param("categories", d.categories().toArray(String[]::new))
        .param("outcome", d.outcome(), Types.VARCHAR)
        .param("nextSteps", d.nextSteps(), Types.VARCHAR)
        .param("unit", d.responsibleUnit()).param("contact", d.contact())
        .param("createdAt", utc(d.createdAt()))
        .query(Long.class).single();
    d.subtags().forEach((category, tags) -> {
      for (int i = 0; i < tags.size(); i++) {
        jdbc.sql("INSERT INTO dialogue_subtag (dialogue_id, category, tag, position)"
                + " VALUES (:id, :category, :tag, :position)")
            .param("id", id).param("category", category).param("tag", tags.get(i))
            .param("position", i)
            .update();
      }
    });
    return id;
  }

  /**
   * One receipt per submitter, dated at their first pin. The tokens are random and thrown away
   * (only their hash is stored, as for real receipts), so no demo receipt link can be opened.
   */
  private Map<Integer, Long> insertReceipts(List<Pin> pins) {
    Map<Integer, Instant> firstPin = new LinkedHashMap<>();
    pins.forEach(p -> firstPin.merge(p.submitter(), p.createdAt(),
        (a, b) -> a.isBefore(b) ? a : b));
    // Ids taken from the identity's sequence up front, so that the receipts go in one batch.
    List<Long> reserved = jdbc.sql("""
            SELECT nextval(pg_get_serial_sequence('receipt', 'id'))
            FROM generate_series(1, :n) ORDER BY 1""")
        .param("n", firstPin.size()).query(Long.class).list();
    Map<Integer, Long> ids = new HashMap<>();
    List<SqlParameterSource> rows = new ArrayList<>();
    firstPin.forEach((submitter, at) -> {
      long id = reserved.get(ids.size());
      ids.put(submitter, id);
      rows.add(new MapSqlParameterSource().addValue("id", id)
          .addValue("hash", sha256(randomToken()))
          .addValue("at", utc(at), Types.TIMESTAMP_WITH_TIMEZONE));
    });
    batch.batchUpdate("INSERT INTO receipt (id, token_hash, created_at) VALUES (:id, :hash, :at)",
        rows.toArray(SqlParameterSource[]::new));
    return ids;
  }

  private long insert(DemoWalks.Walk w, long dialogueId) {
    return jdbc.sql("""
            INSERT INTO walk (dialogue_id, kind, title, starts_at, ends_at, closed_at, meeting_point,
                              meeting_point_name, planned_route, participant_count, groups, facilitator,
                              light, weather, note, description, created_at)
            VALUES (:dialogue, :kind, :title, :startsAt, :endsAt, :closedAt, ST_GeomFromText(:point, 4326),
                    :pointName, ST_GeomFromText(:route, 4326), :participants, :groups, :facilitator,
                    :light, :weather, :note, :description, :createdAt)
            RETURNING id""")
        .param("dialogue", dialogueId).param("kind", w.kind()).param("title", w.title())
        .param("startsAt", utc(w.startsAt())).param("endsAt", utc(w.endsAt()))
        .param("closedAt", utc(w.closedAt())).param("point", w.meetingPoint().toText())
        .param("pointName", w.meetingPointName()).param("route", w.plannedRoute().toText())
        .param("participants", w.participantCount()).param("groups", w.groups().toArray(String[]::new))
        .param("facilitator", w.facilitator()).param("light", w.light()).param("weather", w.weather())
        .param("note", w.note()).param("description", w.description()).param("createdAt", utc(w.startsAt().minus(Duration.ofDays(14))))
        .query(Long.class).single();
  }

  private void insertPins(List<Pin> pins, Map<String, Long> dialogueIds, List<Long> walkIds,
      Map<Integer, Long> receiptIds) {
    SqlParameterSource[] rows = pins.stream().map(p -> new MapSqlParameterSource()
            .addValue("dialogue", dialogueIds.get(p.dialogueSlug()))
            .addValue("receipt", receiptIds.get(p.submitter()))
            .addValue("lon", p.location().getX())
            .addValue("lat", p.location().getY())
            .addValue("category", p.category())
            .addValue("subtags", p.subtags().toArray(String[]::new))
            .addValue("text", p.text())
            .addValue("age", p.ageBand(), Types.VARCHAR)
            .addValue("gender", p.gender(), Types.VARCHAR)
            .addValue("relations", p.relations().toArray(String[]::new))
            .addValue("source", p.source())
            .addValue("moderation", p.moderationState())
            .addValue("reason", p.moderationReason(), Types.VARCHAR)
            .addValue("status", p.status())
            .addValue("supports", p.supports())
            .addValue("createdAt", utc(p.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE)
            .addValue("walk", p.walk() == null ? null : walkIds.get(p.walk()), Types.BIGINT)
            .addValue("recordedAt", p.recordedAt() == null ? null : utc(p.recordedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
            .addValue("accuracy", p.accuracyM(), Types.REAL))
        .toArray(SqlParameterSource[]::new);
    batch.batchUpdate("""
        INSERT INTO pin (dialogue_id, receipt_id, location, category, subtags, text, age_band,
                         gender, relations, source, moderation_state, moderation_reason, status,
                         supports, created_at, walk_id, recorded_at, accuracy_m)
        VALUES (:dialogue, :receipt, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :category,
                CAST(:subtags AS text[]), :text, :age, :gender, CAST(:relations AS text[]),
                :source, :moderation, :reason, :status, :supports, :createdAt, :walk, :recordedAt,
                :accuracy)""", rows);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    TOKENS.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
