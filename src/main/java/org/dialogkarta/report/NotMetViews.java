package org.dialogkarta.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The views that were not accommodated, or only in part, with who sent them: the list the
 * municipality needs to tell those senders, PBL 5 kap. 24 §. It holds personal data, so it is a
 * staff-only document apart from the report, and every fetch is audited. Map pins have no sender
 * on record; their writers see the position on their receipt instead, which {@code viaReceipt}
 * says.
 */
@Component
class NotMetViews {

  record Entry(String ref, LocalDate receivedOn, String channel, String effect, String reason, String answer,
      String name, String postalAddress, String email, String organisation, boolean viaReceipt) {}

  private record Sender(String name, String postalAddress, String email, String organisation) {}

  private final JdbcClient jdbc;
  private final ReportViews views;
  private final Topics topics;

  NotMetViews(JdbcClient jdbc, ReportViews views, Topics topics) {
    this.jdbc = jdbc;
    this.views = views;
    this.topics = topics;
  }

  List<Entry> of(long dialogueId) {
    Map<Long, Topic> byId = topics.byId(dialogueId);
    Map<Long, Sender> senders = new HashMap<>();
    jdbc.sql("""
            SELECT s.view_id, s.name, s.postal_address, s.email, s.organisation FROM incoming_view_sender s
            JOIN incoming_view v ON v.id = s.view_id WHERE v.dialogue_id = :d""")
        .param("d", dialogueId)
        .query(rs -> {
          senders.put(rs.getLong("view_id"), new Sender(rs.getString("name"), rs.getString("postal_address"),
              rs.getString("email"), rs.getString("organisation")));
        });
    List<Entry> out = new ArrayList<>();
    views.forEach(dialogueId, v -> {
      Stance stance = Stance.of(v, v.topicId() == null ? null : byId.get(v.topicId()));
      if (stance.effect() == null || !stance.effect().notMet()) {
        return;
      }
      Sender s = v.isPin() ? null : senders.get(v.ref().id());
      out.add(new Entry(v.ref().toString(), v.receivedOn(), Words.channel(v), Words.effect(stance.effect()),
          stance.reason(), stance.answer(), s == null ? null : s.name(), s == null ? null : s.postalAddress(),
          s == null ? null : s.email(), s == null ? null : s.organisation(), v.isPin()));
    });
    return out;
  }

  /** The list as CSV for a mail merge: semicolons (Swedish Excel), every field quoted. */
  static String csv(List<Entry> entries) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(row("Nummer", "Inkom", "Kanal", "Ställningstagande", "Skäl", "Svar", "Namn", "Postadress",
        "E-post", "Organisation", "Besked via kvittens"));
    for (Entry e : entries) {
      out.append(row(e.ref(), String.valueOf(e.receivedOn()), e.channel(), e.effect(), e.reason(), e.answer(),
          e.name(), e.postalAddress(), e.email(), e.organisation(), e.viaReceipt() ? "ja" : "nej"));
    }
    return out.toString();
  }

  private static String row(String... fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(';');
      }
      String f = fields[i] == null ? "" : fields[i];
      // A cell starting with = + - @ would be a formula in a spreadsheet: make it text.
      if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0) {
        f = "'" + f;
      }
      line.append('"').append(f.replace("\"", "\"\"")).append('"');
    }
    return line.append("\r\n").toString();
  }
}
