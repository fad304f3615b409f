package org.dialogkarta.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.dialogkarta.pin.PinStatus;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * One pin with everything staff know about it: its history, internal notes, replies, the pins
 * merged into it, and the statuses it may move to. The citizen's words before a redaction are
 * added only for administrators; for anyone else the fields are absent, not empty.
 */
@Component
class PinDetails {

  record Detail(
      StaffPin pin,
      Profile profile,
      List<PinStatus> nextStatuses,
      List<PinEvents.Event> events,
      List<Note> notes,
      List<Reply> replies,
      List<Long> duplicates,
      @JsonInclude(JsonInclude.Include.NON_NULL) String originalText,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Redaction> redactions,
      /** The language of the page the pin was written on (V36); null for older pins. */
      String language) {}

  /** The anonymous profile answers; any may be unanswered. */
  record Profile(String ageBand, String gender, List<String> relations) {}

  record Note(long id, String author, String text, Instant createdAt) {}

  record Reply(long id, String author, String text, Instant createdAt, String language) {}

  /** One redaction: the text as it was before, who replaced it and when. */
  record Redaction(long id, String previousText, String redactedBy, Instant redactedAt) {}

  private final StaffPins pins;
  private final PinEvents events;
  private final JdbcClient jdbc;

  PinDetails(StaffPins pins, PinEvents events, JdbcClient jdbc) {
    this.pins = pins;
    this.events = events;
    this.jdbc = jdbc;
  }

  /** Only administrators read what a citizen wrote before it was redacted. */
  static boolean forAdmin(Authentication auth) {
    return auth != null && auth.getAuthorities().stream()
        .anyMatch(a -> StaffRole.ADMIN.authority().equals(a.getAuthority()));
  }

  Detail of(long id, boolean forAdmin) {
    StaffPin pin = pins.byId(id).orElseThrow(() -> new NotFoundException("No pin " + id));
    Profile profile = jdbc.sql("SELECT age_band, gender, relations FROM pin WHERE id = :id").param("id", id)
        .query((rs, row) -> new Profile(rs.getString("age_band"), rs.getString("gender"),
            Arrays.asList((String[]) rs.getArray("relations").getArray())))
        .single();
    List<Note> notes = jdbc.sql("""
            SELECT id, author, text, created_at FROM pin_note WHERE pin_id = :id ORDER BY created_at, id""")
        .param("id", id)
        .query((rs, row) -> new Note(rs.getLong("id"), rs.getString("author"), rs.getString("text"),
            rs.getTimestamp("created_at").toInstant()))
        .list();
    List<Reply> replies = jdbc.sql("""
            SELECT r.id, r.author, r.text, r.created_at, COALESCE(r.language, 'sv') AS language FROM reply r JOIN pin_reply pr ON pr.reply_id = r.id
            WHERE pr.pin_id = :id ORDER BY r.created_at, r.id""")
        .param("id", id)
        .query((rs, row) -> new Reply(rs.getLong("id"), rs.getString("author"), rs.getString("text"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("language")))
        .list();
    List<Long> duplicates = jdbc.sql("SELECT id FROM pin WHERE merged_into = :id ORDER BY id")
        .param("id", id).query(Long.class).list();
    PinStatus status = Coded.fromCode(PinStatus.class, pin.status()).orElseThrow();
    List<PinStatus> next = pin.mergedInto() != null ? List.of()
        : StatusTransitions.next(status).stream().toList();
    List<Redaction> redactions = forAdmin ? redactions(id) : null;
    String originalText = !forAdmin ? null
        : redactions.isEmpty() ? pin.text() : redactions.getFirst().previousText();
    String language = jdbc.sql("SELECT language FROM pin WHERE id = :id").param("id", id)
        .query((rs, row) -> rs.getString(1)).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    return new Detail(pin, profile, next, events.of(id), notes, replies, duplicates, originalText, redactions, language);
  }

  private List<Redaction> redactions(long id) {
    return jdbc.sql("""
            SELECT id, previous_text, redacted_by, redacted_at FROM pin_redaction
            WHERE pin_id = :id ORDER BY redacted_at, id""")
        .param("id", id)
        .query((rs, row) -> new Redaction(rs.getLong("id"), rs.getString("previous_text"),
            rs.getString("redacted_by"), rs.getTimestamp("redacted_at").toInstant()))
        .list();
  }
}
