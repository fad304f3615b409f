package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One reply to many pins, selected by list, by a drawn polygon or as a DBSCAN cluster, reaches
 * every submitter's receipt (each pin here has its own submitter) and the public map.
 */
class BulkReplyTest extends StaffApiTest {

  private static final String REPLY = "Tack! Belysningen längs gångvägen byts ut under hösten.";

  @Test
  void aReplyToAListReachesEverySubmitter() {
    List<Submitted> pins = List.of(pin("Mörkt 1", 16.18, 58.59), pin("Mörkt 2", 16.19, 58.59), pin("Mörkt 3", 16.2, 58.6));
    long streets = department("Gatukontoret");

    Api.Response r = planner.post("/api/v1/staff/pins/replies", """
        {"pinIds": [%d, %d, %d], "text": "%s", "status": "forwarded", "departmentId": %d}"""
        .formatted(pins.get(0).id(), pins.get(1).id(), pins.get(2).id(), REPLY, streets));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(longs(r.json().get("pinIds"))).containsExactly(pins.get(0).id(), pins.get(1).id(), pins.get(2).id());
    assertThat(r.json().get("reply").get("text").asString()).isEqualTo(REPLY);
    assertThat(r.json().get("pins").get(0).get("status").asString()).isEqualTo("forwarded");

    for (Submitted pin : pins) {
      JsonNode own = receiptPin(pin);
      assertThat(own.get("replies")).hasSize(1);
      assertThat(own.get("replies").get(0).get("text").asString()).isEqualTo(REPLY);
      assertThat(own.get("replies").get(0).get("createdAt").asString()).isNotBlank();
      assertThat(own.get("status").asString()).isEqualTo("forwarded");
      assertThat(own.get("department").asString()).isEqualTo(departmentName(streets));
      JsonNode properties = api.get("/api/v1/pins/" + pin.id()).json().get("properties");
      assertThat(properties.get("replies").get(0).get("text").asString()).isEqualTo(REPLY);
    }
    JsonNode features = api.get("/api/v1/dialogues/" + dialogue.slug() + "/pins").json().get("features");
    features.forEach(f -> assertThat(f.get("properties").get("replies").get(0).get("text").asString()).isEqualTo(REPLY));
    long reply = r.json().get("reply").get("id").asLong();
    assertThat(auditRows("reply.create", "reply", reply)).isEqualTo(1);
    assertThat(auditRows("pin.status", "pin", pins.get(1).id())).isEqualTo(1);
  }

  @Test
  void aReplyThatKeepsTheStatusIsNotBlockedByAnOldForwardedPinWithoutDepartment() {
    Submitted old = pin("Gammal", 16.18, 58.59);
    jdbc.sql("UPDATE pin SET status = 'forwarded' WHERE id = :id").param("id", old.id()).update();
    Api.Response r = planner.post("/api/v1/staff/pins/replies",
        "{\"pinIds\": [%d], \"text\": \"Vi tittar på det.\"}".formatted(old.id()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(receiptPin(old).get("replies").get(0).get("text").asString()).isEqualTo("Vi tittar på det.");
  }

  @Test
  void aReplyToADrawnAreaTakesTheVisiblePinsOfThatDialogueInside() {
    Submitted inside1 = pin("Inne 1", 16.172, 58.582);
    Submitted inside2 = pin("Inne 2", 16.173, 58.583);
    Submitted hiddenInside = pin("Dold", 16.172, 58.583);
    Submitted outside = pin("Ute", 16.18, 58.59);
    moderator.post("/api/v1/staff/moderation/pins/" + hiddenInside.id() + "/hide", "{\"reason\": \"Spam\"}");
    TestData.Dialogue other = data.openDialogue();
    Submitted otherDialogue = pin(other, "safety_concern", "Annan dialog", 16.172, 58.582);

    String selection = """
        "dialogue": "%s", "area": {"type": "Polygon", "coordinates":
          [[[16.17, 58.58], [16.175, 58.58], [16.175, 58.585], [16.17, 58.585], [16.17, 58.58]]]}"""
        .formatted(dialogue.slug());
    Api.Response preview = planner.post("/api/v1/staff/pins/selection", "{" + selection + "}");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(ids(preview.json().get("pins"))).containsExactly(inside1.id(), inside2.id());

    Api.Response r = planner.post("/api/v1/staff/pins/replies", "{" + selection + ", \"text\": \"" + REPLY + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(longs(r.json().get("pinIds"))).containsExactly(inside1.id(), inside2.id());

    assertThat(receiptPin(inside1).get("replies").get(0).get("text").asString()).isEqualTo(REPLY);
    assertThat(receiptPin(inside2).get("replies").get(0).get("text").asString()).isEqualTo(REPLY);
    assertThat(receiptPin(hiddenInside).get("replies")).isEmpty();
    assertThat(receiptPin(outside).get("replies")).isEmpty();
    assertThat(receiptPin(otherDialogue).get("replies")).isEmpty();
    assertThat(receiptPin(inside1).get("status").asString()).as("no status asked for").isEqualTo("received");
  }

  @Test
  void aReplyToAClusterTakesEveryPinOfIt() {
    // Three pins within about 20 m of each other, one 600 m away.
    Submitted a = pin("Kluster a", 16.1800, 58.5900);
    Submitted b = pin("Kluster b", 16.1803, 58.5901);
    Submitted c = pin("Kluster c", 16.1806, 58.5900);
    Submitted far = pin("Långt bort", 16.19, 58.59);
    String cluster = "{\"dialogue\": %d, \"eps\": 30, \"minPoints\": 2, \"clusterOf\": %d}";

    Api.Response r = planner.post("/api/v1/staff/pins/replies", """
        {"cluster": %s, "text": "%s", "status": "planned"}""".formatted(cluster.formatted(dialogue.id(), b.id()), REPLY));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(longs(r.json().get("pinIds"))).containsExactly(a.id(), b.id(), c.id());
    for (Submitted pin : List.of(a, b, c)) {
      JsonNode own = receiptPin(pin);
      assertThat(own.get("replies").get(0).get("text").asString()).isEqualTo(REPLY);
      assertThat(own.get("status").asString()).isEqualTo("planned");
    }
    assertThat(receiptPin(far).get("replies")).isEmpty();

    String before = footprint();
    Api.Response noise = planner.post("/api/v1/staff/pins/replies", """
        {"cluster": %s, "text": "%s"}""".formatted(cluster.formatted(dialogue.id(), far.id()), REPLY));
    assertThat(noise.status()).as(noise.body()).isEqualTo(422);
    assertThat(noise.json().get("errors").get(0).get("code").asString()).isEqualTo("cluster.noise");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void ifOnePinCannotTakeTheStatusNothingIsStored() {
    Submitted ok = pin("Ok", 16.18, 58.59);
    Submitted done = pin("Klar", 16.18, 58.59);
    planner.post("/api/v1/staff/pins/" + done.id() + "/status", "{\"status\": \"done\"}");
    String before = footprint();
    Api.Response r = planner.post("/api/v1/staff/pins/replies", """
        {"pinIds": [%d, %d], "text": "%s", "status": "not_feasible"}""".formatted(ok.id(), done.id(), REPLY));
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("status.transition");
    assertThat(r.json().get("errors").get(0).get("message").asString()).contains("Pin " + done.id());
    assertThat(footprint()).isEqualTo(before);
    assertThat(receiptPin(ok).get("replies")).isEmpty();
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asLong()));
    return out;
  }

  private static List<Long> ids(JsonNode pins) {
    List<Long> out = new ArrayList<>();
    pins.forEach(p -> out.add(p.get("id").asLong()));
    return out;
  }
}
