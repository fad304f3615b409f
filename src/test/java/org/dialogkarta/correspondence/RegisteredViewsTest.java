package org.dialogkarta.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Planners register, read, correct and delete views that came by letter, e-mail, phone, meeting or remiss. */
@IntegrationTest
class RegisteredViewsTest {

  static final String SENDER = """
      {"name": "Astrid Brevskrivare", "postalAddress": "Storgatan 1, 602 22 Norrköping",
       "email": "astrid@example.se", "organisation": null}""";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  ViewClient client;
  TestData data;
  StaffAccounts staff;
  String planner;

  @BeforeEach
  void setUp() {
    client = new ViewClient(new Api(port));
    data = new TestData(jdbc);
    staff = new StaffAccounts(accounts, encoder);
    planner = StaffAccounts.basic(staff.create(StaffRole.PLANNER));
  }

  @Test
  void everyChannelIsRegisteredAndTheListFiltersByChannel() {
    TestData.Dialogue d = data.openDialogue();
    List<String> channels = List.of("letter", "email", "phone", "meeting", "remiss");
    for (String channel : channels) {
      Api.Response r = client.post(d.id(), ViewClient.body("2026-10-0" + (channels.indexOf(channel) + 1), channel,
          channel.equals("remiss") ? "authority" : "private_person", "Synpunkt via " + channel,
          channel.equals("phone") ? null : ViewClient.point(16.18, 58.59), null), planner);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.location()).isEqualTo(ViewClient.path(d.id()) + "/" + r.json().get("id").asLong());
      assertThat(r.json().get("channel").asString()).isEqualTo(channel);
      assertThat(r.json().get("version").asInt()).isZero();
    }
    JsonNode all = client.get(ViewClient.path(d.id()), planner).json();
    assertThat(all).hasSize(5);
    assertThat(all.get(0).get("receivedOn").asString()).as("newest first").isEqualTo("2026-10-05");
    JsonNode remiss = client.get(ViewClient.path(d.id()) + "?channel=remiss", planner).json();
    assertThat(remiss).hasSize(1);
    assertThat(remiss.get(0).get("senderType").asString()).isEqualTo("authority");
    assertThat(remiss.get(0).get("text").asString()).isEqualTo("Synpunkt via remiss");
    assertThat(remiss.get(0).get("location").get("coordinates").get(0).asDouble()).isEqualTo(16.18);
    JsonNode phone = client.get(ViewClient.path(d.id()) + "?channel=phone", planner).json();
    assertThat(phone.get(0).get("location").isNull()).as("no place: the whole area").isTrue();
    Problems.assertProblem(client.get(ViewClient.path(d.id()) + "?channel=fax", planner), 422, "channel.unknown", "channel");
  }

  @Test
  void aLateLetterOnACompletedDialogueKeepsItsOwnDate() {
    TestData.Dialogue d = data.dialogue("completed", TestData.NORRKOPING_CENTRE, List.of("suggestion"));
    jdbc.sql("UPDATE dialogue SET starts_on = DATE '2025-09-01', ends_on = DATE '2025-10-31' WHERE id = :id")
        .param("id", d.id()).update();
    Api.Response r = client.post(d.id(), ViewClient.body("2025-11-12", "letter", "association",
        "Föreningen hann inte svara i tid", null, null), planner);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT received_on FROM incoming_view WHERE id = :id").param("id", r.json().get("id").asLong())
        .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2025, 11, 12));
  }

  @Test
  void senderDataIsForPlannersAndAdministratorsOnly() {
    TestData.Dialogue d = data.openDialogue();
    long id = client.registered(d.id(), ViewClient.body("2026-10-01", "letter", "private_person", "Bygg en bänk",
        null, SENDER), planner);
    String one = ViewClient.path(d.id()) + "/" + id;
    String admin = StaffAccounts.basic(staff.create(StaffRole.ADMIN));
    for (String allowed : List.of(planner, admin)) {
      JsonNode view = client.get(one, allowed).json();
      assertThat(view.get("sender").get("name").asString()).isEqualTo("Astrid Brevskrivare");
      assertThat(view.get("sender").get("postalAddress").asString()).isEqualTo("Storgatan 1, 602 22 Norrköping");
      assertThat(client.get(ViewClient.path(d.id()), allowed).body()).contains("astrid@example.se");
    }
    for (StaffRole refused : List.of(StaffRole.MODERATOR, StaffRole.GIS)) {
      String auth = StaffAccounts.basic(staff.create(refused));
      for (String path : List.of(one, ViewClient.path(d.id()))) {
        Api.Response r = client.get(path, auth);
        assertThat(r.status()).as(refused + " " + path).isEqualTo(403);
        assertThat(r.body()).doesNotContain("Astrid");
      }
      assertThat(client.post(d.id(), ViewClient.body("2026-10-01", "letter", "private_person", "x", null, null), auth)
          .status()).isEqualTo(403);
    }
    Api.Response anonymous = client.get(one, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("Astrid");
    assertThat(jdbc.sql("SELECT after::text FROM audit_event WHERE action = 'view.register' AND target_id = :id")
        .param("id", id).query(String.class).single()).as("the audit log keeps no sender").doesNotContain("Astrid")
        .contains("\"hasSender\": true");
  }

  @Test
  void senderDataNeverReachesThePublicDialoguePinsOrOgc() {
    TestData.Dialogue d = data.openDialogue();
    Api api = new Api(port);
    assertThat(api.postJson("/api/v1/dialogues/" + d.slug() + "/pins", Api.pinJson("suggestion", "Publicerad pin", 16.18, 58.59))
        .status()).isEqualTo(201);
    jdbc.sql("UPDATE pin SET moderation_state = 'published' WHERE dialogue_id = :d").param("d", d.id()).update();
    client.registered(d.id(), ViewClient.body("2026-10-01", "remiss", "authority", "Remissvar om Hemliggatan",
        ViewClient.point(16.18, 58.59), """
        {"name": "Handläggare Hemligsson", "organisation": "Länsstyrelsen Hemligt", "email": "hemligsson@lst.example"}"""),
        planner);
    String gis = StaffAccounts.basic(staff.create(StaffRole.GIS));
    List<Api.Response> answers = List.of(
        api.get("/api/v1/dialogues"), api.get("/api/v1/dialogues/" + d.slug()), api.get("/api/v1/dialogues/" + d.id()),
        api.get("/api/v1/dialogues/" + d.slug() + "/pins"),
        api.get("/ogc/collections/pins/items?limit=10000&bbox=16.17,58.58,16.19,58.60"),
        api.get("/ogc/collections/pins-" + d.slug() + "/items"),
        client.get("/api/v1/exports/pins.csv?dialogue=" + d.id(), gis),
        client.get("/api/v1/exports/pins.geojson?dialogue=" + d.id(), gis));
    assertThat(answers.get(3).body()).as("the public pin is there").contains("Publicerad pin");
    for (Api.Response r : answers) {
      assertThat(r.status()).as(r.raw().uri().toString()).isLessThan(500);
      assertThat(r.body()).as(r.raw().uri().toString())
          .doesNotContain("Hemligsson").doesNotContain("Länsstyrelsen Hemligt").doesNotContain("Hemliggatan");
    }
    assertThat(answers.get(6).status()).as("the export itself answered").isEqualTo(200);
  }

  @Test
  void aStaleCorrectionIsAConflictThatNamesTheFirstEditor() {
    TestData.Dialogue d = data.openDialogue();
    long id = client.registered(d.id(), ViewClient.body("2026-10-01", "email", "company", "Bostadsbolaget önskar",
        null, SENDER), planner);
    String one = ViewClient.path(d.id()) + "/" + id;
    String first = staff.create(StaffRole.PLANNER);
    String second = StaffAccounts.basic(staff.create(StaffRole.ADMIN));

    Api.Response corrected = client.put(one, withVersion(ViewClient.body("2026-10-02", "email", "company",
        "Bostadsbolaget önskar fler cykelställ", null, null), 0), StaffAccounts.basic(first));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("version").asInt()).isOne();
    assertThat(corrected.json().get("sender").isNull()).as("the sender was removed in the correction").isTrue();
    assertThat(corrected.json().get("changedBy").asString()).isEqualTo(first);

    Api.Response stale = client.put(one, withVersion(ViewClient.body("2026-10-01", "letter", "company",
        "Något annat", null, null), 0), second);
    Problems.assertProblem(stale, 409, "view.stale", null);
    assertThat(stale.json().get("detail").asString()).contains(first).contains("version 1");
    JsonNode now = client.get(one, planner).json();
    assertThat(now.get("text").asString()).as("the first correction is not lost").isEqualTo("Bostadsbolaget önskar fler cykelställ");
    assertThat(now.get("channel").asString()).isEqualTo("email");

    Problems.assertProblem(client.put(one, ViewClient.body("2026-10-01", "letter", "company", "Utan version", null, null),
        second), 422, "version.missing", "version");
    assertThat(client.delete(one, second).status()).isEqualTo(204);
    assertThat(client.get(one, planner).status()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT count(*) FROM incoming_view_sender WHERE view_id = :id").param("id", id)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aPdfIsKeptAsSentAndAnImageLosesItsMetadata() {
    TestData.Dialogue d = data.openDialogue();
    byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
    Api.Response withPdf = client.postMultipart(d.id(), planner,
        ViewClient.view(ViewClient.body("2026-10-01", "remiss", "authority", "Trafikverkets remissvar", null, null)),
        ViewClient.attachment("remissvar.pdf", "application/pdf", pdf));
    assertThat(withPdf.status()).as(withPdf.body()).isEqualTo(201);
    JsonNode info = withPdf.json().get("attachment");
    assertThat(info.get("mediaType").asString()).isEqualTo("application/pdf");
    assertThat(info.get("fileName").asString()).isEqualTo("remissvar.pdf");
    HttpResponse<byte[]> back = client.bytes(info.get("url").asString(), planner);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(pdf);
    assertThat(back.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(back.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

    String secret = "Skannad av Astrid Brevskrivare";
    byte[] jpeg = withComment(jpeg(), secret);
    assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("Skannad av");
    Api.Response withImage = client.postMultipart(d.id(), planner,
        ViewClient.view(ViewClient.body("2026-10-01", "letter", "private_person", "Brev med bild", null, null)),
        ViewClient.attachment("brev.png", "application/octet-stream", jpeg));
    assertThat(withImage.status()).as(withImage.body()).isEqualTo(201);
    assertThat(withImage.json().get("attachment").get("mediaType").asString()).isEqualTo("image/jpeg");
    byte[] stored = client.bytes(withImage.json().get("attachment").get("url").asString(), planner).body();
    assertThat(stored[0]).isEqualTo((byte) 0xFF);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Skannad av");

    String moderator = StaffAccounts.basic(staff.create(StaffRole.MODERATOR));
    assertThat(client.bytes(info.get("url").asString(), moderator).statusCode()).isEqualTo(403);
  }

  static String withVersion(String body, int version) {
    return body.substring(0, body.lastIndexOf('}')) + ", \"version\": " + version + "}";
  }

  static byte[] jpeg() {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    img.getGraphics().fillRect(0, 0, 32, 24);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "jpeg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Inserts a JPEG comment (COM) segment right after SOI: metadata that must not survive. */
  static byte[] withComment(byte[] jpeg, String comment) {
    byte[] text = comment.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xFE);
    out.write((text.length + 2) >> 8);
    out.write((text.length + 2) & 0xFF);
    out.writeBytes(text);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
