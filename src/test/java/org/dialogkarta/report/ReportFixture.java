package org.dialogkarta.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pins and registered views for report tests: pins through the public API (so they have receipts). */
final class ReportFixture {

  record Pinned(long id, String receipt) {
    String ref() {
      return "K-" + id;
    }
  }

  private final Api api;
  private final JdbcClient jdbc;

  ReportFixture(Api api, JdbcClient jdbc) {
    this.api = api;
    this.jdbc = jdbc;
  }

  Pinned pin(TestData.Dialogue d, String category, String text, double lon, double lat) {
    Api.Response r = api.postJson("/api/v1/dialogues/" + d.slug() + "/pins", Api.pinJson(category, text, lon, lat));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Pinned(r.json().get("id").asLong(), r.json().get("receipt").asString());
  }

  void hide(long pinId, String reason) {
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden', moderation_reason = :reason WHERE id = :id")
        .param("reason", reason).param("id", pinId).update();
  }

  void status(long pinId, String status) {
    jdbc.sql("UPDATE pin SET status = :status WHERE id = :id").param("status", status).param("id", pinId).update();
  }

  /** A registered letter with a sender; its report number. */
  String letter(long dialogue, String text, String senderName) {
    long id = jdbc.sql("""
            INSERT INTO incoming_view (dialogue_id, received_on, channel, sender_type, text, registered_by, changed_by)
            VALUES (:d, DATE '2026-10-01', 'letter', 'private_person', :text, 'test', 'test') RETURNING id""")
        .param("d", dialogue).param("text", text).query(Long.class).single();
    if (senderName != null) {
      jdbc.sql("INSERT INTO incoming_view_sender (view_id, name, postal_address) VALUES (:id, :name, 'Storgatan 1')")
          .param("id", id).param("name", senderName).update();
    }
    return "I-" + id;
  }

  /** A remiss answer from an authority, about the whole area. */
  String remiss(long dialogue, String text, String organisation) {
    long id = jdbc.sql("""
            INSERT INTO incoming_view (dialogue_id, received_on, channel, sender_type, text, registered_by, changed_by)
            VALUES (:d, DATE '2026-10-02', 'remiss', 'authority', :text, 'test', 'test') RETURNING id""")
        .param("d", dialogue).param("text", text).query(Long.class).single();
    jdbc.sql("INSERT INTO incoming_view_sender (view_id, organisation) VALUES (:id, :org)")
        .param("id", id).param("org", organisation).update();
    return "I-" + id;
  }
}
