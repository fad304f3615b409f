package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The citizen's pin flow through the public API, on the real PostGIS test database. */
@IntegrationTest
class PinApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Api api;
  private TestData data;
  private TestData.Dialogue dialogue;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    data.subtag(dialogue, "safety_concern", "lighting");
  }

  @Test
  void aPinIsStoredAndShownAsGeoJson() {
    String body = """
        {"category": "safety_concern", "subtags": ["lighting"], "text": "Mörkt <b>här</b> & läskigt",
         "location": {"type": "Point", "coordinates": [16.1812345, 58.5923456]},
         "profile": {"ageBand": "25_44", "gender": "woman", "relations": ["lives"]}}""";
    Api.Response created = api.postJson(pinsPath(), body);

    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(created.location()).isEqualTo("/api/v1/pins/" + id);
    assertThat(created.json().get("receipt").asString()).matches("[A-Za-z0-9_-]{43}");

    Api.Response list = api.get(pinsPath());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.contentType()).startsWith("application/geo+json");
    JsonNode feature = list.json().get("features").get(0);
    assertThat(list.json().get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(feature.get("id").asLong()).isEqualTo(id);
    assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(16.1812345);
    assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(58.5923456);
    assertThat(feature.get("properties").get("text").asString()).isEqualTo("Mörkt <b>här</b> & läskigt");
    assertThat(feature.get("properties").get("category").asString()).isEqualTo("safety_concern");
    assertThat(feature.get("properties").get("subtags").get(0).asString()).isEqualTo("lighting");
    assertThat(feature.get("properties").has("ageBand")).as("profile answers are not public").isFalse();

    String stored = jdbc.sql("SELECT ST_AsText(location) || ' ' || ST_SRID(location) FROM pin WHERE id = :id")
        .param("id", id).query(String.class).single();
    assertThat(stored).isEqualTo("POINT(16.1812345 58.5923456) 4326");
    assertThat(api.get("/api/v1/pins/" + id).json().get("id").asLong()).isEqualTo(id);
  }

  @Test
  void bboxAndCategoryFilterThePins() {
    long inside = create("safety_concern", "Trasig lampa", 16.15, 58.58);
    long outside = create("suggestion", "Bänk behövs", 16.21, 58.60);

    assertThat(ids(api.get(pinsPath() + "?bbox=16.14,58.57,16.16,58.59"))).containsExactly(inside);
    assertThat(ids(api.get(pinsPath() + "?category=suggestion"))).containsExactly(outside);
    assertThat(ids(api.get(pinsPath() + "?category=suggestion,safety_concern"))).containsExactlyInAnyOrder(inside, outside);
    assertThat(ids(api.get(pinsPath() + "?bbox=16.14,58.57,16.16,58.59&category=suggestion"))).isEmpty();
    assertThat(ids(api.get("/api/v1/dialogues/" + dialogue.id() + "/pins"))).hasSize(2);
  }

  @Test
  void theReceiptGathersTheSubmittersPins() {
    Api.Response first = api.postJson(pinsPath(), Api.pinJson("suggestion", "Fler bänkar", 16.18, 58.59));
    String token = first.json().get("receipt").asString();
    Api.Response second = api.postJson(pinsPath(), """
        {"category": "service_gap", "text": "Ingen brevlåda", "receipt": "%s",
         "location": {"type": "Point", "coordinates": [16.19, 58.59]}}""".formatted(token));
    assertThat(second.json().get("receipt").asString()).isEqualTo(token);

    JsonNode receipt = api.receipt(token).json();
    assertThat(receipt.get("pins")).hasSize(2);
    assertThat(receipt.get("pins").get(0).get("text").asString()).isEqualTo("Ingen brevlåda");
    assertThat(receipt.get("pins").get(0).get("status").asString()).isEqualTo("received");
    assertThat(receipt.get("pins").get(0).get("moderationState").asString()).isEqualTo("published");
    assertThat(receipt.get("pins").get(0).get("dialogue").get("slug").asString()).isEqualTo(dialogue.slug());
    // The one dialogue.DialogueRef: the same fields wherever an answer names its dialogue.
    assertThat(receipt.get("pins").get(0).get("dialogue").propertyNames())
        .containsExactly("id", "slug", "title", "status", "moderationMode");
    assertThat(receipt.get("pins").get(0).get("dialogue").get("status").asString()).isEqualTo("ongoing");

    byte[] storedHash = jdbc.sql("SELECT r.token_hash FROM receipt r JOIN pin p ON p.receipt_id = r.id WHERE p.id = :id")
        .param("id", first.json().get("id").asLong()).query(byte[].class).single();
    assertThat(storedHash).isEqualTo(sha256(token)).isNotEqualTo(token.getBytes());
  }

  @Test
  void anUnknownOrStaleReceiptTokenStartsANewReceipt() {
    String stale = "A".repeat(43);
    Api.Response r = api.postJson(pinsPath(), """
        {"category": "suggestion", "text": "Hej", "receipt": "%s",
         "location": {"type": "Point", "coordinates": [16.19, 58.59]}}""".formatted(stale));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("receipt").asString()).isNotEqualTo(stale);
    assertThat(api.receipt(stale).status()).isEqualTo(404);
    assertThat(api.receipt("not-a-token").status()).isEqualTo(404);
  }

  @Test
  void pendingAndHiddenPinsNeverAppearInPublicReads() {
    long published = create("suggestion", "Synlig", 16.18, 58.59);
    long pending = create("suggestion", "Väntar", 16.18, 58.59);
    long hidden = create("suggestion", "Dold", 16.18, 58.59);
    setState(pending, "pending");
    setState(hidden, "hidden");

    assertThat(ids(api.get(pinsPath()))).containsExactly(published);
    assertThat(api.get("/api/v1/pins/" + pending).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/pins/" + hidden).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/dialogues/" + dialogue.slug()).json().get("pinCount").asLong()).isEqualTo(1);
  }

  private void setState(long pin, String state) {
    jdbc.sql("UPDATE pin SET moderation_state = :s WHERE id = :id").param("s", state).param("id", pin).update();
  }

  private long create(String category, String text, double lon, double lat) {
    Api.Response r = api.postJson(pinsPath(), Api.pinJson(category, text, lon, lat));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  private List<Long> ids(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    r.json().get("features").forEach(f -> ids.add(f.get("id").asLong()));
    return ids;
  }

  private String pinsPath() {
    return "/api/v1/dialogues/" + dialogue.slug() + "/pins";
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
