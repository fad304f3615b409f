package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Merging duplicates loses nobody: supporters add up and every submitter gets the kept pin's answer. */
class MergeTest extends StaffApiTest {

  @Test
  void aMergeKeepsEverySupporterAndAnswersEverySubmitter() {
    Submitted kept = pin("Gatlampan är trasig vid Hagaparken", 16.18, 58.59);
    Submitted dup1 = pin("Lampan vid parken lyser inte", 16.1801, 58.5901);
    Submitted dup2 = pin("Mörkt vid Hagaparken", 16.1802, 58.5899);
    supports(kept, 2);
    supports(dup1, 1);

    Api.Response r = planner.post("/api/v1/staff/pins/merge",
        "{\"into\": %d, \"duplicates\": [%d, %d]}".formatted(kept.id(), dup1.id(), dup2.id()));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    // 2 of its own, dup1's writer and supporter, dup2's writer.
    assertThat(r.json().get("into").get("supports").asInt()).isEqualTo(2 + (1 + 1) + (0 + 1));
    assertThat(r.json().get("merged").toString()).isEqualTo("[%d,%d]".formatted(dup1.id(), dup2.id()));

    assertThat(publicPinIds(dialogue)).containsExactly(kept.id());
    assertThat(api.get("/api/v1/pins/" + dup1.id()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/dialogues/" + dialogue.slug()).json().get("pinCount").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/pins/" + kept.id()).json().get("properties").get("supports").asInt()).isEqualTo(5);
    assertThat(receiptPin(dup1).get("mergedInto").asLong()).isEqualTo(kept.id());
    assertThat(receiptPin(dup1).get("mergedIntoOnMap").asBoolean()).as("the kept pin is published").isTrue();
    assertThat(planner.get("/api/v1/staff/moderation/pins/" + kept.id()).json().get("duplicates").toString())
        .isEqualTo("[%d,%d]".formatted(dup1.id(), dup2.id()));
    assertThat(auditRows("pin.merge", "pin", kept.id())).isEqualTo(1);

    long streets = department("Gatukontoret");
    Api.Response reply = planner.post("/api/v1/staff/pins/replies", """
        {"pinIds": [%d], "text": "Lampan byts nästa vecka.", "status": "forwarded", "departmentId": %d}"""
        .formatted(kept.id(), streets));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    for (Submitted pin : new Submitted[] {kept, dup1, dup2}) {
      JsonNode own = receiptPin(pin);
      assertThat(own.get("replies").get(0).get("text").asString()).as("pin " + pin.id()).isEqualTo("Lampan byts nästa vecka.");
      assertThat(own.get("status").asString()).isEqualTo("forwarded");
      assertThat(own.get("department").asString()).isEqualTo(departmentName(streets));
    }
    planner.post("/api/v1/staff/pins/" + kept.id() + "/status", "{\"status\": \"done\"}");
    JsonNode own = receiptPin(dup2);
    assertThat(own.get("status").asString()).isEqualTo("done");
    assertThat(own.get("history").toString()).contains("merged_into").contains("\"to\":\"done\"");

    // A status change on a duplicate is refused: it follows the kept pin.
    Api.Response onDuplicate = planner.post("/api/v1/staff/pins/" + dup1.id() + "/status", "{\"status\": \"in_review\"}");
    assertThat(onDuplicate.status()).isEqualTo(409);
    assertThat(onDuplicate.json().get("code").asString()).isEqualTo("pin.merged");
  }

  @Test
  void whoeverSupportedADuplicateGetsTheKeptPinsReplyToo() {
    Submitted kept = pin("Övergångsstället behöver ljus", 16.18, 58.59);
    Submitted duplicate = pin("Mörkt övergångsställe", 16.18, 58.59);
    Submitted supporter = pin(data.openDialogue(), "suggestion", "Något annat", 16.18, 58.59);
    jdbc.sql("""
            INSERT INTO pin_support (pin_id, receipt_id)
            SELECT :pin, receipt_id FROM pin WHERE id = :supporter""")
        .param("pin", duplicate.id()).param("supporter", supporter.id()).update();
    jdbc.sql("UPDATE pin SET supports = 1 WHERE id = :id").param("id", duplicate.id()).update();

    planner.post("/api/v1/staff/pins/merge", "{\"into\": %d, \"duplicates\": [%d]}".formatted(kept.id(), duplicate.id()));
    planner.post("/api/v1/staff/pins/replies", "{\"pinIds\": [%d], \"text\": \"Belysning kommer.\", \"status\": \"planned\"}"
        .formatted(kept.id()));

    JsonNode receipt = api.receipt(supporter.receipt()).json();
    JsonNode supported = receipt.get("supported").get(0);
    assertThat(supported.get("id").asLong()).isEqualTo(duplicate.id());
    assertThat(supported.get("mergedInto").asLong()).isEqualTo(kept.id());
    assertThat(supported.get("text").asString()).isEqualTo("Övergångsstället behöver ljus");
    assertThat(supported.get("status").asString()).isEqualTo("planned");
    assertThat(supported.get("replies").get(0).get("text").asString()).isEqualTo("Belysning kommer.");
    assertThat(supported.get("history").get(0).get("to").asString()).isEqualTo("planned");
    assertThat(api.get("/api/v1/pins/" + kept.id()).json().get("properties").get("supports").asInt())
        .as("the writer and the supporter of the duplicate").isEqualTo(2);

    // Once the pin that carries the matter is hidden, it is nobody's business but its writer's.
    moderator.post("/api/v1/staff/moderation/pins/" + kept.id() + "/hide", "{\"reason\": \"Fel\"}");
    assertThat(api.receipt(supporter.receipt()).json().get("supported")).isEmpty();
  }

  @Test
  void mergingAPinThatHasDuplicatesMovesThemToo() {
    Submitted a = pin("A", 16.18, 58.59);
    Submitted b = pin("B", 16.18, 58.59);
    Submitted c = pin("C", 16.18, 58.59);
    planner.post("/api/v1/staff/pins/merge", "{\"into\": %d, \"duplicates\": [%d]}".formatted(b.id(), c.id()));
    Api.Response r = planner.post("/api/v1/staff/pins/merge", "{\"into\": %d, \"duplicates\": [%d]}".formatted(a.id(), b.id()));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("into").get("supports").asInt()).as("b's writer, and c's counted in b").isEqualTo(2);
    assertThat(receiptPin(c).get("mergedInto").asLong()).isEqualTo(a.id());

    // A reply naming a duplicate answers the kept pin, and so reaches all three.
    Api.Response reply = planner.post("/api/v1/staff/pins/replies",
        "{\"pinIds\": [%d], \"text\": \"Vi tittar på det.\"}".formatted(c.id()));
    assertThat(reply.json().get("pinIds").toString()).isEqualTo("[" + a.id() + "]");
    for (Submitted pin : new Submitted[] {a, b, c}) {
      assertThat(receiptPin(pin).get("replies").get(0).get("text").asString()).isEqualTo("Vi tittar på det.");
    }
  }

  private void supports(Submitted pin, int n) {
    jdbc.sql("UPDATE pin SET supports = :n WHERE id = :id").param("n", n).param("id", pin.id()).update();
  }
}
