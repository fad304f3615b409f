package org.dialogkarta.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DialogueApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void dialoguesAreListedOngoingThenPlannedThenCompleted() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue completed = data.dialogue("completed", TestData.NORRKOPING_CENTRE, List.of("suggestion"));
    TestData.Dialogue planned = data.dialogue("planned", TestData.NORRKOPING_CENTRE, List.of("suggestion"));
    TestData.Dialogue ongoing = data.dialogue("ongoing", TestData.NORRKOPING_CENTRE, List.of("suggestion"));

    JsonNode list = new Api(port).get("/api/v1/dialogues").json();
    List<String> slugs = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    list.forEach(d -> {
      slugs.add(d.get("slug").asString());
      statuses.add(d.get("status").asString());
    });
    assertThat(slugs.indexOf(ongoing.slug())).isLessThan(slugs.indexOf(planned.slug()));
    assertThat(slugs.indexOf(planned.slug())).isLessThan(slugs.indexOf(completed.slug()));
    assertThat(String.join(",", statuses)).matches("(ongoing,)*(planned,)*(completed,?)*");
  }

  @Test
  void oneDialogueByIdOrSlugWithItsStudyAreaAsGeoJson() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue d = data.dialogue("ongoing", TestData.NORRKOPING_CENTRE, List.of("suggestion", "safety_concern"));
    data.subtag(d, "safety_concern", "lighting");
    Api api = new Api(port);

    JsonNode bySlug = api.get("/api/v1/dialogues/" + d.slug()).json();
    JsonNode byId = api.get("/api/v1/dialogues/" + d.id()).json();
    assertThat(byId).isEqualTo(bySlug);
    assertThat(bySlug.get("participationLevel").asString()).isEqualTo("consultation");
    assertThat(bySlug.get("categories").toString()).isEqualTo("[\"suggestion\",\"safety_concern\"]");
    assertThat(bySlug.get("subtags").get("safety_concern").get(0).asString()).isEqualTo("lighting");
    assertThat(bySlug.get("page").asString()).isEqualTo("/dialoger/" + d.slug());
    JsonNode area = bySlug.get("studyArea");
    assertThat(area.get("type").asString()).isEqualTo("MultiPolygon");
    JsonNode ring = area.get("coordinates").get(0).get(0);
    assertThat(ring).hasSize(5);
    assertThat(ring.get(0)).isEqualTo(ring.get(4));
    assertThat(signedArea(ring)).as("RFC 7946: exterior rings counter-clockwise").isPositive();
  }

  @Test
  void anUnknownDialogueIsAProblem404() {
    Api.Response r = new Api(port).get("/api/v1/dialogues/finns-inte");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("detail").asString()).contains("finns-inte");
  }

  private static double signedArea(JsonNode ring) {
    double sum = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      sum += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
          - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
    }
    return sum / 2;
  }
}
