package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/analysis/themes} on pins written into the real PostGIS: two clear topics,
 * and hidden, pending, merged and redacted pins whose (original) words must never come back.
 */
class ThemeApiTest extends AnalysisApiTestBase {

  private static final String[] LIGHTS = {
      "Lamporna vid gångvägen är trasiga och det är mörkt", "Gatlampan lyser inte, mörkt på kvällen",
      "Mer belysning behövs, lamporna är släckta", "Mörkt i tunneln, lampan är trasig",
      "Belysningen vid skolan är trasig och det är mörkt", "Lamporna i parken släcks för tidigt, mörkt",
      "Trasig lampa och mörk gångväg", "Det är mörkt, sätt upp fler lampor"};
  private static final String[] BUSES = {
      "Bussen går för sällan till centrum", "Busshållplatsen saknar väderskydd, bussen är sen",
      "Fler bussturer på kvällen, bussen är alltid full", "Bussen stannar inte vid hållplatsen",
      "Sista bussen går för tidigt", "Hållplatsen behöver en bänk, bussen dröjer",
      "Bussen till sjukhuset går för sällan", "Busskuren vid hållplatsen är trasig, bussen kommer sent"};

  @Test
  void themesOfPublicPinsOnlyWithTheirPinsAndExamples() {
    List<Long> lights = new ArrayList<>();
    List<Long> buses = new ArrayList<>();
    for (int i = 0; i < LIGHTS.length; i++) {
      lights.add(said(i, 0, LIGHTS[i]));
      buses.add(said(i, 500, BUSES[i]));
    }
    long hidden = said(1, 1, "Hemligheten zebraspöke bussen lamporna");
    long pending = said(2, 2, "Väntande zebraspöke bussen lamporna");
    long merged = said(3, 3, "Dubbletten zebraspöke bussen lamporna");
    long redacted = said(4, 4, "Grannen Kalle Zebraspöke har släckt lamporna");
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden', moderation_reason = 'Spam' WHERE id = :id").param("id", hidden).update();
    jdbc.sql("UPDATE pin SET moderation_state = 'pending' WHERE id = :id").param("id", pending).update();
    jdbc.sql("UPDATE pin SET merged_into = :kept WHERE id = :id").param("kept", lights.getFirst()).param("id", merged).update();
    jdbc.sql("INSERT INTO pin_redaction (pin_id, previous_text, redacted_by) SELECT id, text, 'test' FROM pin WHERE id = :id")
        .param("id", redacted).update();
    jdbc.sql("UPDATE pin SET text = 'Lamporna är släckta [borttaget]' WHERE id = :id").param("id", redacted).update();

    Api.Response r = get(planner, "/api/v1/analysis/themes?dialogue=" + dialogue.slug() + "&k=2");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).doesNotContainIgnoringCase("zebraspöke").doesNotContain("Kalle");
    JsonNode body = r.json();
    assertThat(body.get("k").asInt()).isEqualTo(2);
    assertThat(body.get("commentCount").asInt()).isEqualTo(17);
    assertThat(body.get("method").get("sv").asString()).contains("TF-IDF").doesNotContain("{");
    assertThat(body.get("method").get("en").asString()).contains("spherical k-means").doesNotContain("{");
    Set<Long> all = new HashSet<>();
    List<Set<Long>> groups = new ArrayList<>();
    for (JsonNode theme : body.get("themes")) {
      Set<Long> ids = ids(theme.get("pinIds"));
      assertThat(theme.get("count").asInt()).isEqualTo(ids.size());
      assertThat(theme.get("examples")).hasSizeLessThanOrEqualTo(3).isNotEmpty();
      for (JsonNode example : theme.get("examples")) {
        assertThat(ids).contains(example.get("pinId").asLong());
      }
      assertThat(theme.get("label").asString()).isNotBlank();
      groups.add(ids);
      all.addAll(ids);
    }
    all.addAll(ids(body.get("unclear").get("pinIds")));
    assertThat(all).doesNotContain(hidden, pending, merged).contains(redacted).containsAll(lights).containsAll(buses);
    assertThat(groups).anySatisfy(g -> assertThat(g).containsAll(buses));
    assertThat(groups).anySatisfy(g -> assertThat(g).containsAll(lights));

    // "What is said here": only the given pins, and hidden ones stay out even when asked for.
    String here = buses.subList(0, 3).stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
    JsonNode local = get(gis, "/api/v1/analysis/themes?pinIds=" + here + "," + hidden + "," + pending).json();
    assertThat(local.get("commentCount").asInt()).isEqualTo(3);
    assertThat(local.toString()).doesNotContainIgnoringCase("zebraspöke");
    assertThat(local.get("themes")).hasSize(1);
  }

  @Test
  void anEmptySelectionIsAnEmptyAnswer() {
    JsonNode body = get(planner, "/api/v1/analysis/themes?dialogue=" + dialogue.slug()).json();
    assertThat(body.get("themes")).isEmpty();
    assertThat(body.get("commentCount").asInt()).isZero();
    assertThat(body.get("unclear").get("count").asInt()).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      k=0           ; k ; k.range
      k=13          ; k ; k.range
      k=three       ; k ; k.invalid
      pinIds=1,x    ; pinIds ; pinIds.invalid
      theme=1       ; theme ; parameter.unknown
      category=nope ; category ; category.unknown
      """)
  void badInputIsA422NamingTheField(String query, String field, String code) {
    assertProblem(get(planner, "/api/v1/analysis/themes?" + query), 422, code, field);
  }

  @Test
  void tooManyPinIdsAndAnUnknownDialogueAreRefused() {
    StringBuilder ids = new StringBuilder("1");
    for (int i = 2; i <= ThemeController.MAX_PIN_IDS + 1; i++) {
      ids.append(',').append(i);
    }
    assertProblem(get(planner, "/api/v1/analysis/themes?pinIds=" + ids), 422, "pinIds.tooMany", "pinIds");
    assertProblem(get(planner, "/api/v1/analysis/themes?dialogue=no-such-dialogue-x"), 422, "dialogue.unknown", "dialogue");
  }

  private long said(double dx, double dy, String text) {
    long id = pin(dx, dy, "suggestion");
    jdbc.sql("UPDATE pin SET text = :t WHERE id = :id").param("t", text).param("id", id).update();
    return id;
  }

  private static Set<Long> ids(JsonNode array) {
    Set<Long> ids = new HashSet<>();
    for (JsonNode id : array) {
      ids.add(id.asLong());
    }
    return ids;
  }
}
