package org.dialogkarta.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Area subscriptions: checked input, double opt-in, and digests that group, count and respect one a day. */
@IntegrationTest
class FollowDigestTest extends FollowTestSupport {

  static final String AREA = "{\"type\": \"Polygon\", \"coordinates\": [[[16.17, 58.58], [16.19, 58.58], [16.19, 58.6],"
      + " [16.17, 58.6], [16.17, 58.58]]]}";

  @Autowired Digests digests;

  Api.Response subscribe(String json) {
    return api.postJson("/api/v1/follow/subscriptions", json);
  }

  String subscribeConfirmed(String to, String target, String frequency) {
    Api.Response r = subscribe("{\"email\": \"" + to + "\", \"language\": \"sv\", \"frequency\": \"" + frequency + "\", "
        + target + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    Api.Response c = confirm(confirmToken(to));
    assertThat(c.status()).as(c.body()).isEqualTo(200);
    return to;
  }

  static OffsetDateTime inDays(double days) {
    return OffsetDateTime.now(ZoneOffset.UTC).plusMinutes((long) (days * 24 * 60));
  }

  @Test
  void badInputIsRefusedByFieldAndStoresNothing() {
    long before = jdbc.sql("SELECT count(*) FROM follow_subscription").query(Long.class).single();
    String to = address();
    assertField(subscribe("{\"email\": \"nej\", \"frequency\": \"daily\", \"area\": " + AREA + "}"), "email");
    assertField(subscribe("{\"email\": \"" + to + "\", \"frequency\": \"hourly\", \"area\": " + AREA + "}"), "frequency");
    assertField(subscribe("{\"email\": \"" + to + "\", \"frequency\": \"daily\", \"dialogue\": \"finns-inte-alls\"}"), "dialogue");
    assertField(subscribe("{\"email\": \"" + to + "\", \"frequency\": \"daily\", \"neighbourhoodId\": 987654321}"),
        "neighbourhoodId");
    assertField(subscribe("{\"email\": \"" + to + "\", \"frequency\": \"daily\"}"), "target");
    assertField(subscribe("{\"email\": \"" + to + "\", \"frequency\": \"daily\", \"dialogue\": \"" + dialogue.slug()
        + "\", \"area\": " + AREA + "}"), "target");
    Api.Response large = subscribe("{\"email\": \"" + to + "\", \"frequency\": \"daily\", \"area\": {\"type\": \"Polygon\","
        + " \"coordinates\": [[[16.0, 58.4], [16.5, 58.4], [16.5, 58.8], [16.0, 58.8], [16.0, 58.4]]]}}");
    assertField(large, "area");
    assertThat(large.json().get("errors").get(0).get("code").asString()).isEqualTo("follow.area_too_large");
    Api.Response bowtie = subscribe("{\"email\": \"" + to + "\", \"frequency\": \"daily\", \"area\": {\"type\": \"Polygon\","
        + " \"coordinates\": [[[16.17, 58.58], [16.19, 58.6], [16.19, 58.58], [16.17, 58.6], [16.17, 58.58]]]}}");
    assertField(bowtie, "area");
    assertThat(bowtie.json().get("errors").get(0).get("code").asString()).isEqualTo("follow.area_invalid");
    assertField(subscribe("{\"email\": \"" + to + "\", \"frequency\": \"daily\", \"area\": {\"type\": \"Polygon\","
        + " \"coordinates\": \"x\"}}"), "area.coordinates");
    assertField(subscribe("{\"email\": \"a@example.se\\nBcc: b@example.se\", \"frequency\": \"daily\", \"area\": " + AREA + "}"),
        "email");
    assertThat(jdbc.sql("SELECT count(*) FROM follow_subscription").query(Long.class).single()).isEqualTo(before);
    assertThat(sentTo(to)).isEmpty();
  }

  private static void assertField(Api.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
  }

  @Test
  void aDigestCountsWhatHappenedInsideTheAreaAndNeverAHiddenPin() {
    String to = subscribeConfirmed(address(), "\"area\": " + AREA, "daily");
    String onlyHidden = subscribeConfirmed(address(), "\"area\": {\"type\": \"Polygon\", \"coordinates\": [[[16.2, 58.6],"
        + " [16.21, 58.6], [16.21, 58.605], [16.2, 58.605], [16.2, 58.6]]]}", "daily");
    digests.send(inDays(1.1));
    assertThat(sentTo(to, "follow_digest")).as("nothing new, nothing sent").isEmpty();
    jdbc.sql("UPDATE follow_subscription SET last_digest_at = NULL WHERE lower(address) IN (lower(:a), lower(:b))")
        .param("a", to).param("b", onlyHidden).update();

    Submitted inside = pin("Mörk passage under bron");
    Submitted hidden = pinAt("Reklam för klockor", 16.205, 58.602);
    Submitted hiddenInArea = pinAt("Mer reklam", 16.185, 58.595);
    pinAt("Utanför området", 16.15, 58.575);
    for (Submitted h : List.of(hidden, hiddenInArea)) {
      assertThat(staffPost(moderator, "/api/v1/staff/moderation/pins/" + h.id() + "/hide", "{\"reason\": \"Reklam\"}")
          .status()).isEqualTo(200);
    }
    status(inside.id(), "in_review");
    assertThat(staffPost(planner, "/api/v1/staff/pins/replies", "{\"pinIds\": [" + inside.id()
        + "], \"text\": \"Vi ser över belysningen\"}").status()).isEqualTo(201);

    digests.send(inDays(1.1));
    List<Sent> sent = sentTo(to, "follow_digest");
    assertThat(sent).hasSize(1);
    Sent digest = sent.getFirst();
    assertThat(digest.text()).contains("1 ny synpunkt", "1 nytt svar", "1 synpunkt har fått ny status",
        "/dialoger/" + dialogue.slug(), "ett område du ritat");
    assertThat(digest.text()).doesNotContain("2 nya synpunkter").doesNotContain("Reklam");
    assertThat(digest.unsubscribeUrl()).contains("/api/v1/follow/unsubscribe?token=").contains(".all.");
    assertThat(sentTo(onlyHidden, "follow_digest")).as("a hidden pin is never news").isEmpty();
  }

  @Test
  void oneAddressGetsOneDigestADayForAllItsSubscriptions() {
    String to = address();
    long neighbourhood = jdbc.sql("""
            INSERT INTO neighbourhood (code, name, boundary)
            VALUES (:code, 'Testområdet', ST_Multi(ST_GeomFromText('POLYGON((16.17 58.58, 16.19 58.58, 16.19 58.6,
                    16.17 58.6, 16.17 58.58))', 4326))) RETURNING id""")
        .param("code", "t-" + UUID.randomUUID()).query(Long.class).single();
    subscribeConfirmed(to, "\"dialogue\": \"" + dialogue.slug() + "\"", "daily");
    subscribeConfirmed(to, "\"neighbourhoodId\": " + neighbourhood, "daily");
    pin("Trasig gatlykta");
    pin("Saknar cykelställ");

    digests.send(inDays(1.1));
    List<Sent> first = sentTo(to, "follow_digest");
    assertThat(first).hasSize(1);
    assertThat(first.getFirst().text()).contains("dialogen Testdialog " + dialogue.slug(), "området Testområdet",
        "2 nya synpunkter");

    pin("Ännu en synpunkt");
    digests.send(inDays(1.5));
    assertThat(sentTo(to, "follow_digest")).as("not twice in a day").hasSize(1);
    // The clock is the digest's: start the next day from now, then one more pin comes.
    jdbc.sql("UPDATE follow_subscription SET last_digest_at = now() WHERE address = :a")
        .param("a", to).update();
    jdbc.sql("UPDATE follow_digest_sent SET sent_at = now() WHERE address_hash = :h")
        .param("h", FollowTokens.addressHash(to)).update();
    pin("Den sista synpunkten");
    digests.send(inDays(0.5));
    assertThat(sentTo(to, "follow_digest")).as("not twice in a day").hasSize(1);
    digests.send(inDays(1.1));
    List<Sent> second = sentTo(to, "follow_digest");
    assertThat(second).hasSize(2);
    assertThat(second.getLast().text()).contains("1 ny synpunkt").doesNotContain("2 nya synpunkter");
  }

  @Test
  void aWeeklyDigestWaitsAWeekAndStopsAfterUnsubscribe() {
    String to = subscribeConfirmed(address(), "\"dialogue\": \"" + dialogue.slug() + "\"", "weekly");
    pin("Grusig cykelbana");
    digests.send(inDays(1.1));
    assertThat(sentTo(to, "follow_digest")).as("a weekly digest waits a week").isEmpty();
    digests.send(inDays(7.1));
    assertThat(sentTo(to, "follow_digest")).hasSize(1);
    Sent digest = sentTo(to, "follow_digest").getFirst();
    String path = digest.unsubscribeUrl().substring(api.base().length());
    assertThat(api.post(path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM follow_subscription WHERE address = :a").param("a", to)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aNewDialogueWhoseAreaTouchesTheDrawnAreaIsNews() {
    String to = subscribeConfirmed(address(), "\"area\": " + AREA, "daily");
    org.dialogkarta.support.TestData.Dialogue touching = data.dialogue("planned",
        "POLYGON((16.18 58.59, 16.25 58.59, 16.25 58.62, 16.18 58.62, 16.18 58.59))", List.of("suggestion"));
    data.dialogue("planned", "POLYGON((17.0 59.0, 17.1 59.0, 17.1 59.1, 17.0 59.1, 17.0 59.0))", List.of("suggestion"));
    digests.send(inDays(1.1));
    Sent digest = sentTo(to, "follow_digest").getFirst();
    assertThat(digest.text()).contains("Ny dialog: Testdialog " + touching.slug(), "/dialoger/" + touching.slug());
    assertThat(digest.text().split("Ny dialog:", -1)).as("only the dialogue that touches the area").hasSize(2);
  }

  @Test
  void anUnconfirmedSubscriptionGetsNoDigest() {
    String to = address();
    assertThat(subscribe("{\"email\": \"" + to + "\", \"frequency\": \"daily\", \"dialogue\": \"" + dialogue.slug() + "\"}")
        .status()).isEqualTo(202);
    pin("Något nytt");
    digests.send(inDays(3));
    assertThat(sentTo(to).stream().map(Sent::kind)).containsExactly("follow_confirm");
  }

  @Test
  void anAddressNeverConfirmedIsForgottenADayAfterItsLinkExpired() {
    String late = address();
    String fresh = address();
    for (String to : List.of(late, fresh)) {
      subscribe("{\"email\": \"" + to + "\", \"frequency\": \"daily\", \"dialogue\": \"" + dialogue.slug() + "\"}");
    }
    jdbc.sql("UPDATE follow_subscription SET confirm_expires_at = now() - interval '25 hours' WHERE address = :a")
        .param("a", late).update();
    assertThat(digests.forgetUnconfirmed()).isPositive();
    assertThat(jdbc.sql("SELECT address FROM follow_subscription WHERE address IN (:a, :b)")
        .param("a", late).param("b", fresh).query(String.class).list()).containsExactly(fresh);
  }

  Submitted pinAt(String text, double lon, double lat) {
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        Api.pinJson("safety_concern", text, lon, lat));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Submitted(r.json().get("id").asLong(), r.json().get("receipt").asString());
  }
}
