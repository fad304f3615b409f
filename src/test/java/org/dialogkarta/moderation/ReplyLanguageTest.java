package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A public reply carries the language it is written in: Swedish unless the planner chose another,
 * stored, shown to the submitter, on the map and to staff; a language that is not a content
 * language is refused naming the field, and nothing is stored. Replies made before the column
 * (NULL) read as Swedish.
 */
class ReplyLanguageTest extends StaffApiTest {

  @Test
  void aReplyInEnglishIsStoredAndShownAsEnglish() {
    Submitted pin = pin("The lamp by the bridge is broken", 16.18, 58.59);
    Api.Response r = planner.post("/api/v1/staff/pins/replies",
        "{\"pinIds\": [%d], \"text\": \"We will mend the lamp in May.\", \"language\": \"en\"}".formatted(pin.id()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("reply").get("language").asString()).isEqualTo("en");
    long reply = r.json().get("reply").get("id").asLong();
    assertThat(jdbc.sql("SELECT language FROM reply WHERE id = :id").param("id", reply).query(String.class).single())
        .isEqualTo("en");

    assertThat(receiptPin(pin).get("replies").get(0).get("language").asString()).isEqualTo("en");
    JsonNode properties = api.get("/api/v1/pins/" + pin.id()).json().get("properties");
    assertThat(properties.get("replies").get(0).get("language").asString()).isEqualTo("en");
    JsonNode features = api.get("/api/v1/dialogues/" + dialogue.slug() + "/pins").json().get("features");
    assertThat(features.get(0).get("properties").get("replies").get(0).get("language").asString()).isEqualTo("en");
    JsonNode detail = planner.get("/api/v1/staff/moderation/pins/" + pin.id()).json();
    assertThat(detail.get("replies").get(0).get("language").asString()).isEqualTo("en");
    assertThat(auditRows("reply.create", "reply", reply)).isEqualTo(1);
  }

  @Test
  void aReplyWithoutALanguageIsSwedishAndSoIsAnOldOne() {
    Submitted pin = pin("Mörkt vid ån", 16.18, 58.59);
    Api.Response r = planner.post("/api/v1/staff/pins/replies",
        "{\"pinIds\": [%d], \"text\": \"Vi byter lampan i maj.\"}".formatted(pin.id()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(receiptPin(pin).get("replies").get(0).get("language").asString()).isEqualTo("sv");

    // A reply stored before replies had a language reads as Swedish everywhere.
    jdbc.sql("UPDATE reply SET language = NULL WHERE id = :id").param("id", r.json().get("reply").get("id").asLong()).update();
    assertThat(receiptPin(pin).get("replies").get(0).get("language").asString()).isEqualTo("sv");
    JsonNode properties = api.get("/api/v1/pins/" + pin.id()).json().get("properties");
    assertThat(properties.get("replies").get(0).get("language").asString()).isEqualTo("sv");
  }

  @Test
  void anUnknownLanguageIsRefusedNamingTheFieldAndNothingIsStored() {
    Submitted pin = pin("Mörkt vid ån", 16.18, 58.59);
    for (String bad : new String[] {"de", "lattlast", "sv-SE; DROP"}) {
      Api.Response r = planner.post("/api/v1/staff/pins/replies",
          "{\"pinIds\": [%d], \"text\": \"Vi tittar på det.\", \"language\": \"%s\"}".formatted(pin.id(), bad));
      assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(422);
      assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("language");
      assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("language.unknown");
    }
    assertThat(receiptPin(pin).get("replies")).isEmpty();
    assertThat(jdbc.sql("SELECT count(*) FROM pin_reply WHERE pin_id = :p").param("p", pin.id()).query(Long.class).single())
        .isZero();
  }
}
