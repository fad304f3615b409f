package org.dialogkarta.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Free text goes a set time after a dialogue ends; the anonymous point, category and status stay. */
@IntegrationTest
class RetentionTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Retention retention;

  @Test
  void textPhotosNotesAndReceiptLinksOfLongCompletedDialoguesAreDeleted() {
    Api api = new Api(port);
    TestData data = new TestData(jdbc);
    TestData.Dialogue old = data.openDialogue();
    TestData.Dialogue recent = data.openDialogue();
    long oldPin = create(api, old, "Ring mig på 070-123 45 67");
    long recentPin = create(api, recent, "Fortfarande aktuellt");
    jdbc.sql("INSERT INTO pin_note (pin_id, author, text) VALUES (:p, 'planner', 'Ringde tillbaka')").param("p", oldPin).update();
    jdbc.sql("INSERT INTO photo (pin_id, image, thumbnail, width, height, byte_size) VALUES (:p, '\\x00', '\\x00', 1, 1, 1)")
        .param("p", oldPin).update();
    long walk = jdbc.sql("""
            INSERT INTO walk (dialogue_id, kind, title, starts_at, ends_at, facilitator)
            VALUES (:d, 'safety_walk', 'Kvällsvandring', now() - interval '2 hours', now() - interval '1 hour', 'X')
            RETURNING id""").param("d", old.id()).query(Long.class).single();
    long wordless = jdbc.sql("""
            INSERT INTO pin (dialogue_id, receipt_id, location, category, text, source, walk_id)
            SELECT :d, receipt_id, location, 'safety_concern', NULL, 'walk', :w FROM pin WHERE id = :p
            RETURNING id""").param("d", old.id()).param("w", walk).param("p", oldPin).query(Long.class).single();
    close(old, "2020-06-30");
    close(recent, java.time.LocalDate.now().minusMonths(3).toString());

    Map<String, Integer> deleted = retention.run();

    assertThat(deleted.get("texts")).isGreaterThanOrEqualTo(1);
    Map<String, Object> kept = jdbc.sql("SELECT text, receipt_id, category, status, ST_AsText(location) AS wkt FROM pin WHERE id = :id")
        .param("id", oldPin).query().singleRow();
    assertThat(kept.get("text")).isNull();
    assertThat(kept.get("receipt_id")).isNull();
    assertThat(kept.get("category")).isEqualTo("suggestion");
    assertThat(kept.get("status")).isEqualTo("received");
    assertThat(kept.get("wkt")).isEqualTo("POINT(16.18 58.59)");
    assertThat(count("SELECT count(*) FROM pin_note WHERE pin_id = :p", oldPin)).isZero();
    assertThat(count("SELECT count(*) FROM pin WHERE id = :p AND receipt_id IS NULL AND text_deleted_at IS NOT NULL", wordless))
        .as("a walk pin without words loses its receipt link too").isOne();
    assertThat(count("SELECT count(*) FROM photo WHERE pin_id = :p", oldPin)).isZero();
    assertThat(jdbc.sql("SELECT text FROM pin WHERE id = :id").param("id", recentPin).query(String.class).single())
        .isEqualTo("Fortfarande aktuellt");
    assertThat(retention.run().get("texts")).as("a second run finds nothing more").isZero();
  }

  @Test
  void aSubmitterDeletesTheirOwnPinThroughTheReceipt() {
    Api api = new Api(port);
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    Api.Response created = api.postJson("/api/v1/dialogues/" + d.slug() + "/pins", Api.pinJson("suggestion", "Ångrar mig", 16.18, 58.59));
    long pin = created.json().get("id").asLong();
    String token = created.json().get("receipt").asString();
    long other = create(api, d, "Någon annans");

    assertThat(delete(api, token, other).status()).isEqualTo(404);
    assertThat(delete(api, "B".repeat(43), pin).status()).isEqualTo(404);
    assertThat(delete(api, token, pin).status()).isEqualTo(204);
    assertThat(count("SELECT count(*) FROM pin WHERE id = :p", pin)).isZero();
    assertThat(api.receipt(token).json().get("pins")).isEmpty();
    assertThat(count("SELECT count(*) FROM pin WHERE id = :p", other)).isOne();
    String audited = jdbc.sql("SELECT before::text FROM audit_event WHERE action = 'pin.deleted_by_submitter' AND target_id = :p")
        .param("p", pin).query(String.class).single();
    assertThat(audited).doesNotContain("Ångrar");
  }

  @Test
  void sendersAndAttachmentsOfRegisteredViewsGoWithTheDialoguesOtherPersonalData() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue old = data.openDialogue();
    TestData.Dialogue recent = data.openDialogue();
    long oldView = view(old, "Brev om parken");
    long recentView = view(recent, "Brev om torget");
    close(old, "2020-06-30");
    close(recent, java.time.LocalDate.now().minusMonths(3).toString());

    Map<String, Integer> deleted = retention.run();

    assertThat(deleted.get("senders")).isGreaterThanOrEqualTo(1);
    assertThat(count("SELECT count(*) FROM incoming_view_sender WHERE view_id = :p", oldView)).isZero();
    assertThat(count("SELECT count(*) FROM incoming_view_attachment WHERE view_id = :p", oldView)).isZero();
    assertThat(jdbc.sql("SELECT text FROM incoming_view WHERE id = :p").param("p", oldView).query(String.class).single())
        .as("the view itself stays for the report").isEqualTo("Brev om parken");
    assertThat(count("SELECT count(*) FROM incoming_view_sender WHERE view_id = :p", recentView)).isOne();
    assertThat(count("SELECT count(*) FROM incoming_view_attachment WHERE view_id = :p", recentView)).isOne();
    String audited = jdbc.sql("SELECT after::text FROM audit_event WHERE action = 'retention.views' ORDER BY id DESC LIMIT 1")
        .query(String.class).single();
    assertThat(audited).contains("senders").doesNotContain("Avsändare");
    assertThat(retention.run().get("senders")).as("a second run finds nothing more").isZero();
  }

  private long view(TestData.Dialogue d, String text) {
    long id = jdbc.sql("INSERT INTO incoming_view (dialogue_id, received_on, channel, sender_type, text, registered_by,"
            + " changed_by) VALUES (:d, DATE '2020-05-01', 'letter', 'private_person', :text, 'planner', 'planner')"
            + " RETURNING id")
        .param("d", d.id()).param("text", text).query(Long.class).single();
    jdbc.sql("INSERT INTO incoming_view_sender (view_id, name, postal_address) VALUES (:id, 'Avsändare Avsändarsson', 'Parkvägen 2')")
        .param("id", id).update();
    jdbc.sql("INSERT INTO incoming_view_attachment (view_id, media_type, file_name, content, byte_size)"
            + " VALUES (:id, 'application/pdf', 'brev.pdf', '\\x255044462d', 5)")
        .param("id", id).update();
    return id;
  }

  private long count(String sql, long pin) {
    return jdbc.sql(sql).param("p", pin).query(Long.class).single();
  }

  private void close(TestData.Dialogue d, String endsOn) {
    jdbc.sql("UPDATE dialogue SET status = 'completed', ends_on = CAST(:e AS date) WHERE id = :id")
        .param("e", endsOn).param("id", d.id()).update();
  }

  private static long create(Api api, TestData.Dialogue d, String text) {
    return api.postJson("/api/v1/dialogues/" + d.slug() + "/pins", Api.pinJson("suggestion", text, 16.18, 58.59))
        .json().get("id").asLong();
  }

  /** The submitter deletes a pin of their receipt, the token in its header as the receipt page sends it. */
  private static Api.Response delete(Api api, String token, long pin) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/receipt/pins/" + pin))
        .header("X-Receipt-Token", token).DELETE());
  }
}
