package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Multipart;
import org.dialogkarta.support.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The optional photo of a group's checklist ratings at a stop (issue 16): cleaned like pin photos,
 * stored once with the set's photo token, refused with nothing stored, served to staff only and
 * listed per stop in the walk's method.
 */
class WalkRatingPhotoTest extends WalkApiTest {

  private static final String SECRET = "Hemlig kommentar i bildfilen";

  record Rated(long walkId, long setId, String token, long stopId) {}

  /** A walk on now with one stop and one rating set there. */
  Rated rated() {
    long walkId = walkNow();
    Api.Response r = asPlanner("PUT", "/api/v1/staff/walks/" + walkId + "/stops", """
        {"stops": [{"name": "Gångtunneln", "location": {"type": "Point", "coordinates": [16.181, 58.5901]}}]}""");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode checklist = api.get("/api/v1/walks/" + walkId + "/checklist").json();
    List<String> scores = new ArrayList<>();
    for (JsonNode item : checklist.get("items")) {
      scores.add("{\"itemId\": " + item.get("id").asLong() + ", \"score\": 2}");
    }
    long stopId = checklist.get("stops").get(0).get("id").asLong();
    Api.Response set = api.postJson("/api/v1/walks/" + walkId + "/ratings", "{\"stopId\": " + stopId
        + ", \"recordedAt\": \"" + Instant.now().minusSeconds(60) + "\", \"ratings\": [" + String.join(", ", scores) + "]}",
        "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(set.status()).as(set.body()).isEqualTo(201);
    return new Rated(walkId, set.json().get("id").asLong(), set.json().get("photoToken").asString(), stopId);
  }

  Api.Response upload(Rated rated, long setId, String token, byte[] photo) {
    Multipart form = new Multipart();
    if (token != null) {
      form.field("token", token);
    }
    if (photo != null) {
      form.file("photo", "stopp.jpg", photo);
    }
    return form.post(api, "/api/v1/walks/" + rated.walkId() + "/ratings/" + setId + "/photo", null);
  }

  long photoRows(long walkId) {
    return jdbc.sql("SELECT count(*) FROM walk_rating_photo p JOIN walk_rating_set s ON s.id = p.set_id WHERE s.walk_id = :w")
        .param("w", walkId).query(Long.class).single();
  }

  static byte[] withComment(byte[] jpeg, String comment) {
    byte[] text = comment.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xFE);
    out.write((text.length + 2) >> 8);
    out.write((text.length + 2) & 0xFF);
    out.write(text, 0, text.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.ISO_8859_1));
  }

  @Test
  void aRatingSetsPhotoIsCleanedStoredOnceAndServedToStaffPerStop() throws IOException {
    Rated rated = rated();
    byte[] sent = withComment(jpeg(Color.ORANGE), SECRET);
    assertThat(contains(sent, SECRET)).isTrue();

    Api.Response first = upload(rated, rated.setId(), rated.token(), sent);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("setId").asLong()).isEqualTo(rated.setId());
    // The phone lost the answer and sends the same photo again: the same answer, nothing more stored.
    Api.Response again = upload(rated, rated.setId(), rated.token(), sent);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(photoRows(rated.walkId())).isEqualTo(1);
    // Another photo for the same set is a conflict.
    Api.Response other = upload(rated, rated.setId(), rated.token(), jpeg(Color.BLUE));
    assertThat(other.status()).as(other.body()).isEqualTo(409);
    assertThat(other.json().get("code").asString()).isEqualTo("rating.photo_exists");

    String url = "/api/v1/staff/walks/" + rated.walkId() + "/ratings/" + rated.setId() + "/photo";
    assertThat(api.get(url).status()).isEqualTo(401);
    HttpResponse<byte[]> image = staffBytes(url);
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    byte[] stored = image.body();
    assertThat(contains(stored, SECRET)).as("the comment in the file is stripped").isFalse();
    assertThat(ImageIO.read(new ByteArrayInputStream(stored))).isNotNull();
    assertThat(staffBytes(url + "/thumbnail").statusCode()).isEqualTo(200);

    JsonNode stop = asPlanner("GET", "/api/v1/staff/walks/" + rated.walkId() + "/method", null).json().get("stops").get(0);
    assertThat(stop.get("photos")).hasSize(1);
    assertThat(stop.get("photos").get(0).get("url").asString()).isEqualTo(url);
  }

  HttpResponse<byte[]> staffBytes(String path) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", planner).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void badPhotosAndUnknownSetsAreRefusedAndNothingIsStored() {
    Rated rated = rated();
    byte[] good = jpeg(Color.GREEN);
    record Case(String what, long setId, String token, byte[] photo, int status, String field, String code) {}
    List<Case> cases = List.of(
        new Case("not an image", rated.setId(), rated.token(), "inte ett foto".getBytes(StandardCharsets.UTF_8), 422,
            "photo", "photo.not_image"),
        new Case("too large", rated.setId(), rated.token(), Arrays.copyOf(good, 10 * 1024 * 1024 + 1), 413, "photo",
            "photo.too_large"),
        new Case("no photo", rated.setId(), rated.token(), null, 422, "photo", "photo.missing"),
        new Case("no token", rated.setId(), null, good, 422, "token", "rating.photo_token"),
        new Case("wrong token", rated.setId(), UUID.randomUUID().toString(), good, 404, null, null),
        new Case("unknown rating set", rated.setId() + 1000, rated.token(), good, 404, null, null));
    for (Case c : cases) {
      Api.Response r = upload(rated, c.setId(), c.token(), c.photo());
      if (c.code() != null) {
        Problems.assertProblem(r, c.status(), c.code(), c.field());
      } else {
        assertThat(r.status()).as(c.what() + ": " + r.body()).isEqualTo(c.status());
        assertThat(r.contentType()).as(c.what()).startsWith("application/problem+json");
      }
    }
    assertThat(photoRows(rated.walkId())).isZero();
    assertThat(staffBytes("/api/v1/staff/walks/" + rated.walkId() + "/ratings/" + rated.setId() + "/photo").statusCode())
        .isEqualTo(404);
  }

  @Autowired WalkReports reports;
  @Autowired WalkReportPdf pdf;

  /** The number of images {@code pdfimages -list} finds in the walk's report PDF. */
  int pdfImages(long walkId) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = staffBytes("/api/v1/staff/walks/" + walkId + "/report.pdf");
    assertThat(r.statusCode()).isEqualTo(200);
    Path file = Files.createTempFile("walk", ".pdf");
    try {
      Files.write(file, r.body());
      String list = WalkActionPlanTest.run("pdfimages", "-list", file.toString());
      // Two header lines, then one line per image.
      return (int) list.lines().skip(2).filter(l -> !l.isBlank()).count();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void theReportPdfEmbedsTheRatingPhotosAndThePinPhotosWithAltText() throws Exception {
    Rated rated = rated();
    Pinned pin = pinned(rated.walkId(), "safety_concern", "Mörkt vid garagen", null);
    int before = pdfImages(rated.walkId());
    assertThat(upload(rated, rated.setId(), rated.token(), jpeg(Color.RED)).status()).isEqualTo(201);
    Api.Response pinPhoto = uploadPhoto(pin.id(), pin.receipt(), jpeg(Color.CYAN), null);
    assertThat(pinPhoto.status()).as(pinPhoto.body()).isEqualTo(201);

    assertThat(pdfImages(rated.walkId())).as("the map, then one rating photo and one pin photo").isEqualTo(before + 2);
    String xhtml = pdf.xhtml(reports.of(rated.walkId()));
    assertThat(xhtml).contains("alt=\"Foto som en grupp tog när den bedömde stopp 1, Gångtunneln (1 av 1).\"")
        .contains("alt=\"Foto 1 av 1 till synpunkt 1 längs vägen: ");
  }
}
