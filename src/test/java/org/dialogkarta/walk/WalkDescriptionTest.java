package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A walk's description (V40): a planner writes it with the walk and translates it (at most 2000
 * characters in either), walk mode reads it in the page's language; bad input is refused by field
 * and nothing is stored.
 */
class WalkDescriptionTest extends WalkApiTest {

  static final String SWEDISH = "Vi går runt torget och pratar om belysningen.\nRundan är 2 km, utan trappor.\n\nTa med ficklampa.";

  /** The walk body with a description (null: none). */
  String withDescription(String description) {
    Instant now = Instant.now();
    ObjectNode body = (ObjectNode) JSON.readTree(walkJson(dialogue, now.minusSeconds(1800), now.plusSeconds(5400)));
    body.put("description", description);
    return body.toString();
  }

  long walkWith(String description) {
    Api.Response r = asPlanner("POST", "/api/v1/staff/walks", withDescription(description));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  String stored(long id) {
    return jdbc.sql("SELECT description FROM walk WHERE id = :id").param("id", id)
        .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
  }

  @Test
  void theDescriptionIsStoredReturnedAndReplaced() {
    long id = walkWith("  " + SWEDISH.replace("\n", "\r\n") + "  ");
    assertThat(stored(id)).as("trimmed, Windows line ends made one").isEqualTo(SWEDISH);
    assertThat(asPlanner("GET", "/api/v1/staff/walks/" + id, null).json().get("description").asString()).isEqualTo(SWEDISH);
    JsonNode publicWalk = api.get("/api/v1/walks/" + id + "?lang=sv").json();
    assertThat(publicWalk.get("description").asString()).isEqualTo(SWEDISH);
    assertThat(publicWalk.get("descriptionLang").asString()).isEqualTo("sv");

    String longest = "å".repeat(WalkDescription.MAX);
    Api.Response replaced = asPlanner("PUT", "/api/v1/staff/walks/" + id, withDescription(longest));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(stored(id)).isEqualTo(longest);
    assertThat(auditRows("walk.change", id)).isEqualTo(1);

    Api.Response cleared = asPlanner("PUT", "/api/v1/staff/walks/" + id, withDescription("   \n "));
    assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
    assertThat(stored(id)).as("blank is no description").isNull();
    JsonNode none = api.get("/api/v1/walks/" + id).json();
    assertThat(none.get("description").isNull()).isTrue();
    assertThat(none.get("descriptionLang").isNull()).isTrue();
  }

  @Test
  void aBadDescriptionIsRefusedByFieldAndNothingIsStored() {
    long id = walkWith(SWEDISH);
    Problems.assertProblem(asPlanner("PUT", "/api/v1/staff/walks/" + id, withDescription("x".repeat(WalkDescription.MAX + 1))),
        422, "text.too_long", "description");
    Problems.assertProblem(asPlanner("PUT", "/api/v1/staff/walks/" + id, withDescription("Ta med\u0007 ficklampa")),
        422, "text.invalid", "description");
    Problems.assertProblem(asPlanner("POST", "/api/v1/staff/walks", withDescription("\u001b[31mRött")),
        422, "text.invalid", "description");
    assertThat(stored(id)).isEqualTo(SWEDISH);
    assertThat(auditRows("walk.change", id)).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM walk WHERE dialogue_id = :d").param("d", dialogue.id()).query(Long.class).single())
        .isEqualTo(1);
    // The database holds the same bound, whatever writes to it.
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DataIntegrityViolationException.class,
        () -> jdbc.sql("UPDATE walk SET description = :d WHERE id = :id").param("d", "x".repeat(2001)).param("id", id).update()))
        .hasMessageContaining("walk_description_check");
  }

  @Test
  void theDescriptionIsTranslatedUpTo2000CharactersAndWalkModeReadsIt() {
    long id = walkWith(SWEDISH);
    String finnish = "Kävelemme torin ympäri ja puhumme valaistuksesta.\nKierros on 2 km.";
    Api.Response saved = asPlanner("PUT", "/api/v1/staff/walks/" + id + "/translations/fi",
        JSON.writeValueAsString(java.util.Map.of("title", "Turvallisuuskävely", "description", finnish)));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(asPlanner("GET", "/api/v1/staff/walks/" + id + "/translations", null).json().get("fi").get("description").asString())
        .isEqualTo(finnish);
    JsonNode fi = api.get("/api/v1/walks/" + id + "?lang=fi").json();
    assertThat(fi.get("description").asString()).isEqualTo(finnish);
    assertThat(fi.get("descriptionLang").asString()).isEqualTo("fi");
    JsonNode ar = api.get("/api/v1/walks/" + id + "?lang=ar").json();
    assertThat(ar.get("description").asString()).isEqualTo(SWEDISH);
    assertThat(ar.get("descriptionLang").asString()).isEqualTo("sv");

    String longest = "ä".repeat(WalkDescription.MAX);
    Api.Response atBound = asPlanner("PUT", "/api/v1/staff/walks/" + id + "/translations/en",
        "{\"description\": \"" + longest + "\"}");
    assertThat(atBound.status()).as(atBound.body()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT char_length(text) FROM walk_translation WHERE walk_id = :w AND language = 'en' AND field = 'description'")
        .param("w", id).query(Integer.class).single()).isEqualTo(WalkDescription.MAX);
  }

  @Test
  void aBadTranslatedDescriptionIsRefusedByFieldAndNothingIsStored() {
    long id = walkWith(SWEDISH);
    Problems.assertProblem(asPlanner("PUT", "/api/v1/staff/walks/" + id + "/translations/en",
        "{\"title\": \"Safety walk\", \"description\": \"" + "x".repeat(WalkDescription.MAX + 1) + "\"}"),
        422, "text.too_long", "texts.description");
    Problems.assertProblem(asPlanner("PUT", "/api/v1/staff/walks/" + id + "/translations/en",
        "{\"description\": \"Bring a torch\\u0007\"}"), 422, "text.invalid", "texts.description");
    // The title keeps its own bound of 200, the description's 2000 does not widen it.
    Problems.assertProblem(asPlanner("PUT", "/api/v1/staff/walks/" + id + "/translations/en",
        "{\"title\": \"" + "x".repeat(201) + "\"}"), 422, "text.too_long", "texts.title");
    assertThat(jdbc.sql("SELECT count(*) FROM walk_translation WHERE walk_id = :w").param("w", id).query(Long.class).single())
        .isZero();
    // The database keeps 200 for the one-line texts and 2000 for the description.
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DataIntegrityViolationException.class,
        () -> jdbc.sql("INSERT INTO walk_translation (walk_id, language, field, text) VALUES (:w, 'en', 'title', :t)")
            .param("w", id).param("t", "x".repeat(201)).update())).hasMessageContaining("walk_translation_text_check");
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DataIntegrityViolationException.class,
        () -> jdbc.sql("INSERT INTO walk_translation (walk_id, language, field, text) VALUES (:w, 'en', 'description', :t)")
            .param("w", id).param("t", "x".repeat(2001)).update())).hasMessageContaining("walk_translation_text_check");
  }
}
