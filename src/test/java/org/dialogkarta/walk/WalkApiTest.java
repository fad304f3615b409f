package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks over plain HTTP against the whole service and the real PostGIS: a fresh open dialogue and
 * a fresh planner per test; citizens pin and send tracks through the public API as walk mode does.
 */
@IntegrationTest
abstract class WalkApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  /** Inside {@link TestData#NORRKOPING_CENTRE}. */
  static final double LON = 16.18;
  static final double LAT = 58.59;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accountRepository;
  @Autowired PasswordEncoder encoder;

  Api api;
  TestData data;
  TestData.Dialogue dialogue;
  StaffAccounts accounts;
  String planner;

  @BeforeEach
  void setUpWalkApi() {
    api = new Api(port);
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    accounts = new StaffAccounts(accountRepository, encoder);
    planner = StaffAccounts.basic(accounts.create(StaffRole.PLANNER));
  }

  Api.Response staff(String method, String path, String json, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return api.send(b);
  }

  Api.Response asPlanner(String method, String path, String json) {
    return staff(method, path, json, planner);
  }

  /** A walk body with the given times; everything else as a facilitator would fill it in. */
  static String walkJson(TestData.Dialogue d, Instant startsAt, Instant endsAt) {
    return """
        {"dialogue": "%s", "kind": "safety_walk", "title": "Trygghetsvandring kring torget",
         "startsAt": "%s", "endsAt": "%s",
         "meetingPoint": {"type": "Point", "coordinates": [16.18, 58.59]}, "meetingPointName": "Vid fontänen",
         "plannedRoute": {"type": "LineString", "coordinates": [[16.18, 58.59], [16.185, 58.591], [16.19, 58.592]]},
         "groups": ["residents", "police", "housing_company"], "facilitator": "Karin Lund", "light": "dark"}"""
        .formatted(d.slug(), startsAt, endsAt);
  }

  long walk(TestData.Dialogue d, Instant startsAt, Instant endsAt) {
    Api.Response r = asPlanner("POST", "/api/v1/staff/walks", walkJson(d, startsAt, endsAt));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  /** A walk that is on now: started half an hour ago, ends in an hour and a half. */
  long walkNow() {
    Instant now = Instant.now();
    return walk(dialogue, now.minusSeconds(1800), now.plusSeconds(5400));
  }

  static String walkPinJson(long walkId, String category, String text, double lon, double lat, Instant recordedAt) {
    return """
        {"category": %s, "text": %s, "location": {"type": "Point", "coordinates": [%s, %s]},
         "walkId": %d, "accuracy": 8.5%s}"""
        .formatted(JSON.writeValueAsString(category), JSON.writeValueAsString(text), lon, lat, walkId,
            recordedAt == null ? "" : ", \"recordedAt\": \"" + recordedAt + "\"");
  }

  Api.Response walkPin(long walkId, String category, String text, Instant recordedAt, String... headers) {
    return api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        walkPinJson(walkId, category, text, LON, LAT, recordedAt), headers);
  }

  /** A pin as its submitter holds it. */
  record Pinned(long id, String receipt) {}

  /** Pins and insists on 201. */
  Pinned pinned(long walkId, String category, String text, Instant recordedAt) {
    Api.Response r = walkPin(walkId, category, text, recordedAt);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Pinned(r.json().get("id").asLong(), r.json().get("receipt").asString());
  }

  long walkPinCount(long walkId) {
    return jdbc.sql("SELECT count(*) FROM pin WHERE walk_id = :w").param("w", walkId).query(Long.class).single();
  }

  long auditRows(String action, long walkId) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND target_type = 'walk' AND target_id = :id")
        .param("a", action).param("id", walkId).query(Long.class).single();
  }

  /** A photo upload as a browser form sends it, with the receipt token and optionally a key. */
  Api.Response uploadPhoto(long pinId, String receipt, byte[] jpeg, String idempotencyKey) {
    String boundary = "----dialogkarta" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"IMG.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(jpeg);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/pins/" + pinId + "/photos"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("X-Receipt-Token", receipt)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return api.send(b);
  }

  static byte[] jpeg(Color colour) {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "jpeg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
