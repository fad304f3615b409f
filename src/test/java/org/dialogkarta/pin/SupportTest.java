package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** "Me too" instead of a repeated pin: counted once per receipt, only on public pins of open dialogues. */
@IntegrationTest
class SupportTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aSupportCountsOncePerReceiptAndGivesTheSupporterAReceipt() {
    Api api = new Api(port);
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    Api.Response written = api.postJson("/api/v1/dialogues/" + d.slug() + "/pins", Api.pinJson("safety_concern", "Mörk tunnel", 16.18, 58.59));
    long pin = written.json().get("id").asLong();
    String writerReceipt = written.json().get("receipt").asString();

    Api.Response first = api.postJson("/api/v1/pins/" + pin + "/supports", "{}");
    assertThat(first.status()).isEqualTo(201);
    String receipt = first.json().get("receipt").asString();
    assertThat(first.json().get("supports").asInt()).isEqualTo(1);

    Api.Response again = api.postJson("/api/v1/pins/" + pin + "/supports", "{\"receipt\": \"" + receipt + "\"}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("supports").asInt()).isEqualTo(1);

    assertThat(api.postJson("/api/v1/pins/" + pin + "/supports", "{}").json().get("supports").asInt()).isEqualTo(2);

    Api.Response own = api.postJson("/api/v1/pins/" + pin + "/supports", "{\"receipt\": \"" + writerReceipt + "\"}");
    assertThat(own.status()).isEqualTo(409);
    assertThat(own.json().get("code").asString()).isEqualTo("support.own_pin");
    JsonNode pinRead = api.get("/api/v1/pins/" + pin).json();
    assertThat(pinRead.get("properties").get("supports").asInt()).isEqualTo(2);
  }

  @Test
  void hiddenPendingAndClosedPinsCannotBeSupported() {
    Api api = new Api(port);
    TestData data = new TestData(jdbc);
    TestData.Dialogue d = data.openDialogue();
    long pin = api.postJson("/api/v1/dialogues/" + d.slug() + "/pins", Api.pinJson("suggestion", "Bänk", 16.18, 58.59))
        .json().get("id").asLong();
    for (String state : List.of("hidden", "pending")) {
      jdbc.sql("UPDATE pin SET moderation_state = :s WHERE id = :id").param("s", state).param("id", pin).update();
      assertThat(api.postJson("/api/v1/pins/" + pin + "/supports", "{}").status()).isEqualTo(404);
    }
    jdbc.sql("UPDATE pin SET moderation_state = 'published' WHERE id = :id").param("id", pin).update();
    jdbc.sql("UPDATE dialogue SET status = 'completed' WHERE id = :id").param("id", d.id()).update();
    Api.Response closed = api.postJson("/api/v1/pins/" + pin + "/supports", "{}");
    assertThat(closed.status()).isEqualTo(409);
    assertThat(jdbc.sql("SELECT supports FROM pin WHERE id = :id").param("id", pin).query(Integer.class).single()).isZero();
    assertThat(api.postJson("/api/v1/pins/999999999/supports", "{}").status()).isEqualTo(404);
  }

  @Test
  void nearbyOffersPublishedPinsOfTheSameCategoryWithinFiftyMetresNearestFirst() {
    Api api = new Api(port);
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    String path = "/api/v1/dialogues/" + d.slug() + "/pins";
    // One metre of latitude is about 1/111 000 degree.
    long twentyMetres = id(api.postJson(path, Api.pinJson("safety_concern", "20 m bort", 16.18, 58.59 + 20 / 111_000.0)));
    long tenMetres = id(api.postJson(path, Api.pinJson("safety_concern", "10 m bort", 16.18, 58.59 + 10 / 111_000.0)));
    id(api.postJson(path, Api.pinJson("safety_concern", "80 m bort", 16.18, 58.59 + 80 / 111_000.0)));
    id(api.postJson(path, Api.pinJson("suggestion", "Annan kategori", 16.18, 58.59)));
    long hidden = id(api.postJson(path, Api.pinJson("safety_concern", "Dold", 16.18, 58.59)));
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden' WHERE id = :id").param("id", hidden).update();

    JsonNode near = api.get(path + "/nearby?lon=16.18&lat=58.59&category=safety_concern").json();
    List<Long> ids = new java.util.ArrayList<>();
    near.get("features").forEach(f -> ids.add(f.get("id").asLong()));
    assertThat(ids).containsExactly(tenMetres, twentyMetres);

    assertThat(api.get(path + "/nearby?lon=16.18&lat=958&category=safety_concern").status()).isEqualTo(422);
    assertThat(api.get(path + "/nearby?lon=16.18&lat=58.59").status()).isEqualTo(422);
    assertThat(api.get(path + "/nearby?lon=16.18&lat=58.59&category=gossip").status()).isEqualTo(422);
  }

  private static long id(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }
}
