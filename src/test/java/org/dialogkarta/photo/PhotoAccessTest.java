package org.dialogkarta.photo;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Who may add a photo (the holder of the pin's receipt), who may see it (everyone while the pin
 * is published, the receipt holder always), and where photos show up in the pin reads.
 */
@IntegrationTest
class PhotoAccessTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private PhotoClient client;
  private TestData.Dialogue dialogue;
  private PhotoClient.OwnPin pin;

  @BeforeEach
  void setUp() {
    client = new PhotoClient(port);
    dialogue = new TestData(jdbc).openDialogue();
    pin = client.pin(dialogue);
  }

  @Test
  void onlyTheReceiptOfThePinMayAddPhotos() {
    PhotoClient.OwnPin other = client.pin(dialogue);
    byte[] jpeg = TestPhotos.jpeg(120, 90);
    List<Api.Response> refused = List.of(
        client.upload(pin.id(), other.receipt(), PhotoClient.Part.photo("a.jpg", "image/jpeg", jpeg)),
        client.upload(pin.id(), "A".repeat(43), PhotoClient.Part.photo("a.jpg", "image/jpeg", jpeg)),
        client.upload(pin.id(), "not a token", PhotoClient.Part.photo("a.jpg", "image/jpeg", jpeg)),
        client.upload(pin.id(), null, PhotoClient.Part.photo("a.jpg", "image/jpeg", jpeg)));
    for (Api.Response r : refused) {
      assertThat(r.status()).as(r.body()).isEqualTo(404);
      assertThat(r.json().get("code").asString()).isEqualTo("not_found");
      assertThat(r.json().get("detail").asString()).isEqualTo("No pin " + pin.id() + " for this receipt");
    }
    // An unknown pin answers the same way as a pin that is not yours.
    long unknown = pin.id() + 1_000_000;
    Api.Response r = client.upload(unknown, pin.receipt(), PhotoClient.Part.photo("a.jpg", "image/jpeg", jpeg));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("detail").asString()).isEqualTo("No pin " + unknown + " for this receipt");
    assertThat(photoCount(pin.id())).isZero();
  }

  @Test
  void aPinHasAtMostThreePhotos() {
    for (int i = 0; i < 3; i++) {
      client.uploaded(pin, TestPhotos.jpeg(120 + i, 90));
    }
    Api.Response fourth = client.upload(pin, TestPhotos.jpeg(120, 90));
    assertThat(fourth.status()).as(fourth.body()).isEqualTo(409);
    assertThat(fourth.json().get("code").asString()).isEqualTo("photo.too_many");
    assertThat(photoCount(pin.id())).isEqualTo(3);
  }

  @Test
  void aClosedDialogueTakesNoNewPhotos() {
    jdbc.sql("UPDATE dialogue SET status = 'completed' WHERE id = :id").param("id", dialogue.id()).update();
    Api.Response r = client.upload(pin, TestPhotos.jpeg(120, 90));
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("code").asString()).isEqualTo("dialogue.closed");
    assertThat(photoCount(pin.id())).isZero();
  }

  @Test
  void photosOfPendingAndHiddenPinsAreSeenOnlyThroughTheirReceipt() {
    for (String state : List.of("pending", "hidden")) {
      PhotoClient.OwnPin own = client.pin(dialogue);
      setState(own.id(), state);
      long photo = client.uploaded(own, TestPhotos.jpeg(120, 90));

      assertThat(client.get("/api/v1/photos/" + photo).statusCode()).as(state).isEqualTo(404);
      assertThat(client.get("/api/v1/photos/" + photo + "/thumbnail").statusCode()).as(state).isEqualTo(404);
      String mine = "/api/v1/receipt/photos/" + photo;
      client.jpegAt(mine, own.receipt());
      client.jpegAt(mine + "/thumbnail", own.receipt());
      assertThat(client.get(mine, own.receipt()).headers().firstValue("Cache-Control").orElse("")).contains("no-store");
      assertThat(client.get(mine, pin.receipt()).statusCode()).as("another receipt").isEqualTo(404);
      assertThat(client.get(mine, "B".repeat(43)).statusCode()).isEqualTo(404);
      assertThat(client.get(mine).statusCode()).as("no token").isEqualTo(404);

      JsonNode ownPin = client.api().receipt(own.receipt()).json().get("pins").get(0);
      assertThat(ownPin.get("moderationState").asString()).isEqualTo(state);
      assertThat(ownPin.get("photos").get(0).get("id").asLong()).isEqualTo(photo);
      assertThat(ownPin.get("photos").get(0).get("url").asString()).isEqualTo(mine);
      assertThat(ownPin.get("photos").get(0).get("thumbnailUrl").asString()).isEqualTo(mine + "/thumbnail");
      assertThat(featureIds()).doesNotContain(own.id());
    }
  }

  @Test
  void aPublishedPinsPhotosAreInItsGeoJsonProperties() {
    long first = client.uploaded(pin, TestPhotos.jpeg(120, 90));
    long second = client.uploaded(pin, TestPhotos.jpeg(90, 120));
    PhotoClient.OwnPin without = client.pin(dialogue);

    JsonNode features = client.api().get("/api/v1/dialogues/" + dialogue.slug() + "/pins").json().get("features");
    for (JsonNode feature : features) {
      JsonNode photos = feature.get("properties").get("photos");
      if (feature.get("id").asLong() == without.id()) {
        assertThat(photos).isEmpty();
      } else {
        assertThat(photos).hasSize(2);
        assertThat(photos.get(0).get("id").asLong()).isEqualTo(first);
        assertThat(photos.get(0).get("url").asString()).isEqualTo("/api/v1/photos/" + first);
        assertThat(photos.get(0).get("thumbnailUrl").asString()).isEqualTo("/api/v1/photos/" + first + "/thumbnail");
        assertThat(photos.get(1).get("id").asLong()).isEqualTo(second);
      }
    }
    JsonNode single = client.api().get("/api/v1/pins/" + pin.id()).json();
    assertThat(single.get("properties").get("photos").get(1).get("url").asString()).isEqualTo("/api/v1/photos/" + second);
    client.jpegAt(single.get("properties").get("photos").get(1).get("thumbnailUrl").asString());

    // Hidden later: the photos go with the pin, and the database removes them with it.
    setState(pin.id(), "hidden");
    assertThat(client.get("/api/v1/photos/" + first).statusCode()).isEqualTo(404);
    jdbc.sql("DELETE FROM pin WHERE id = :id").param("id", pin.id()).update();
    assertThat(photoCount(pin.id())).isZero();
  }

  @Test
  void unknownPhotosAre404Problems() {
    Api.Response r = client.api().get("/api/v1/photos/987654321");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(client.api().get("/api/v1/photos/abc").status()).isEqualTo(400);
  }

  private List<Long> featureIds() {
    List<Long> ids = new ArrayList<>();
    client.api().get("/api/v1/dialogues/" + dialogue.slug() + "/pins").json().get("features")
        .forEach(f -> ids.add(f.get("id").asLong()));
    return ids;
  }

  private void setState(long pinId, String state) {
    jdbc.sql("UPDATE pin SET moderation_state = :s WHERE id = :id").param("s", state).param("id", pinId).update();
  }

  private long photoCount(long pinId) {
    return jdbc.sql("SELECT count(*) FROM photo WHERE pin_id = :pin").param("pin", pinId).query(Long.class).single();
  }
}
