package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A planner translates a walk's title and meeting point; walk mode reads them in the page's language. */
class WalkTranslationTest extends WalkApiTest {

  @Test
  void walkModeShowsTheTranslationInThePagesLanguageAndSwedishOtherwise() {
    long id = walkNow();
    Api.Response saved = asPlanner("PUT", "/api/v1/staff/walks/" + id + "/translations/en",
        "{\"title\": \"Safety walk around the square\", \"meetingPointName\": \"\"}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().toString()).isEqualTo("{\"title\":\"Safety walk around the square\"}");

    // The page's language travels in its cookie (walk mode keeps one address per walk offline).
    JsonNode en = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/walks/" + id))
        .header("Cookie", "dk-lang=en")).json();
    assertThat(en.get("title").asString()).isEqualTo("Safety walk around the square");
    assertThat(en.get("titleLang").asString()).isEqualTo("en");
    assertThat(en.get("meetingPointName").asString()).isEqualTo("Vid fontänen");
    assertThat(en.get("meetingPointNameLang").asString()).isEqualTo("sv");
    JsonNode sv = api.get("/api/v1/walks/" + id).json();
    assertThat(sv.get("title").asString()).isEqualTo("Trygghetsvandring kring torget");
    assertThat(sv.get("titleLang").asString()).isEqualTo("sv");
    assertThat(api.get("/api/v1/walks/" + id + "?lang=en").json().get("title").asString())
        .isEqualTo("Safety walk around the square");
    assertThat(asPlanner("GET", "/api/v1/staff/walks/" + id + "/translations", null).json().get("en").get("title").asString())
        .isEqualTo("Safety walk around the square");
    assertThat(auditRows("walk.translation", id)).isEqualTo(1);
    // The dialogue's texts follow the same cookie.
    assertThat(api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dialogues/" + dialogue.slug()))
        .header("Cookie", "dk-lang=en")).json().get("language").asString()).isEqualTo("en");
  }

  @Test
  void badWalkTranslationsAreRefusedByField() {
    long id = walkNow();
    Problems.assertProblem(asPlanner("PUT", "/api/v1/staff/walks/" + id + "/translations/de", "{\"title\": \"Spaziergang\"}"),
        422, "language.unknown", "language");
    Problems.assertProblem(asPlanner("PUT", "/api/v1/staff/walks/" + id + "/translations/en",
        "{\"title\": \"" + "x".repeat(201) + "\"}"), 422, "text.too_long", "texts.title");
    Problems.assertProblem(asPlanner("PUT", "/api/v1/staff/walks/" + id + "/translations/en",
        "{\"facilitator\": \"Karin\"}"), 422, "translation.field_unknown", "texts.facilitator");
    Problems.assertProblem(api.get("/api/v1/walks/" + id + "?lang=xx"), 422, "language.unknown", "lang");
    assertThat(jdbc.sql("SELECT count(*) FROM walk_translation WHERE walk_id = :w").param("w", id).query(Long.class).single())
        .isZero();
    assertThat(staff("PUT", "/api/v1/staff/walks/" + id + "/translations/en", "{}", null).status()).isIn(401, 403);
  }
}
