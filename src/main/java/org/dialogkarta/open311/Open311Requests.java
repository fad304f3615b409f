package org.dialogkarta.open311;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.pin.PinSubmission;
import org.dialogkarta.pin.PinSubmissions;
import org.dialogkarta.pin.PublicPins;
import org.dialogkarta.pin.SubmittedPin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * GeoReport service requests: our published pins (never hidden, pending or merged:
 * {@link PublicPins#condition}) read in the spec's fields, and new requests taken in as citizens'
 * pins through {@link PinSubmissions#submit}, under exactly the rules of the citizens' API.
 *
 * <p>Status: a pin that is {@code done}, {@code not_feasible} or {@code out_of_scope} is
 * {@code closed}; {@code received}, {@code in_review}, {@code forwarded} and {@code planned} are
 * {@code open}. {@code status_notes} is the newest public reply; {@code updated_datetime} the
 * newest public event or reply, else when the pin was made.
 */
@Component
class Open311Requests {

  static final Set<String> CLOSED = Set.of("done", "not_feasible", "out_of_scope");
  static final int MAX = 1000;

  /** The filters of {@code GET requests}; {@code ids} non-empty overrides the others (as the spec says). */
  record Query(List<Long> ids, Open311Services.Code code, OffsetDateTime start, OffsetDateTime end, String status) {}

  private final JdbcClient jdbc;
  private final PinSubmissions submissions;

  Open311Requests(JdbcClient jdbc, PinSubmissions submissions) {
    this.jdbc = jdbc;
    this.submissions = submissions;
  }

  List<Map<String, Object>> find(String lang, Query q) {
    boolean byId = q.ids() != null && !q.ids().isEmpty();
    OffsetDateTime start = byId ? null : q.start() != null ? q.start()
        : (q.end() != null ? q.end() : OffsetDateTime.now(ZoneOffset.UTC)).minusDays(90);
    return jdbc.sql("""
            SELECT p.id, d.slug, p.category, p.subtags, p.text, p.status, p.created_at,
                   ST_Y(p.location) AS lat, ST_X(p.location) AS lon,
                   (SELECT r.text FROM pin_reply pr JOIN reply r ON r.id = pr.reply_id
                     WHERE pr.pin_id = p.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS notes,
                   greatest(p.created_at,
                            (SELECT max(e.at) FROM pin_event e WHERE e.pin_id = p.id AND e.public),
                            (SELECT max(r.created_at) FROM pin_reply pr JOIN reply r ON r.id = pr.reply_id
                              WHERE pr.pin_id = p.id)) AS updated
            FROM pin p JOIN dialogue d ON d.id = p.dialogue_id
            WHERE %s
              AND (NOT :byId OR p.id IN (:ids))
              AND (:byId OR CAST(:slug AS text) IS NULL OR (d.slug = :slug AND p.category = :category
                   AND (CAST(:subtag AS text) IS NULL OR :subtag = ANY(p.subtags))))
              AND (:byId OR CAST(:start AS timestamptz) IS NULL OR p.created_at >= :start)
              AND (:byId OR CAST(:end AS timestamptz) IS NULL OR p.created_at <= :end)
              AND (:byId OR CAST(:status AS text) IS NULL
                   OR (:status = 'closed') = (p.status IN ('done', 'not_feasible', 'out_of_scope')))
            ORDER BY p.created_at DESC, p.id DESC
            LIMIT %d""".formatted(PublicPins.condition("p"), MAX))
        .param("byId", byId)
        .param("ids", byId ? q.ids() : List.of(-1L))
        .param("slug", q.code() == null ? null : q.code().slug())
        .param("category", q.code() == null ? null : q.code().category())
        .param("subtag", q.code() == null ? null : q.code().subtag())
        .param("start", start)
        .param("end", byId ? null : q.end())
        .param("status", q.status())
        .query((rs, i) -> {
          String[] subtags = (String[]) rs.getArray("subtags").getArray();
          String code = rs.getString("slug") + ":" + rs.getString("category") + (subtags.length == 1 ? ":" + subtags[0] : "");
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("service_request_id", rs.getLong("id"));
          r.put("status", CLOSED.contains(rs.getString("status")) ? "closed" : "open");
          r.put("status_notes", rs.getString("notes"));
          r.put("service_name", Open311Services.categoryLabel(lang, rs.getString("category")));
          r.put("service_code", code);
          r.put("description", rs.getString("text"));
          r.put("agency_responsible", null);
          r.put("service_notice", null);
          r.put("requested_datetime", time(rs.getObject("created_at", OffsetDateTime.class)));
          r.put("updated_datetime", time(rs.getObject("updated", OffsetDateTime.class)));
          r.put("expected_datetime", null);
          r.put("address", null);
          r.put("address_id", null);
          r.put("zipcode", null);
          r.put("lat", rs.getDouble("lat"));
          r.put("long", rs.getDouble("lon"));
          r.put("media_url", null);
          return r;
        })
        .list();
  }

  /**
   * Takes a request in as a pin of the code's dialogue, in one transaction with the record of
   * which client sent it. Names, e-mail and phone numbers the spec allows are not read: the
   * request is as anonymous as a pin from the map.
   */
  @Transactional
  long submit(Open311Clients.Client client, Open311Services.Code code, double lat, double lon, String description) {
    List<String> subtags = new ArrayList<>();
    if (code.subtag() != null) {
      subtags.add(code.subtag());
    }
    PinSubmission submission = new PinSubmission(code.category(), subtags, description,
        new PinSubmission.Location("Point", List.of(lon, lat)), null, null, null, null, null);
    SubmittedPin pin = submissions.submit(code.slug(), submission, null);
    jdbc.sql("INSERT INTO open311_request (pin_id, client_id) VALUES (:pin, :client)")
        .param("pin", pin.id()).param("client", client.id()).update();
    return pin.id();
  }

  static String time(OffsetDateTime at) {
    return at == null ? null
        : at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
