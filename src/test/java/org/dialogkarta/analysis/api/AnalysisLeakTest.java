package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hidden, pending and merged pins stand in the middle of a cluster and a hot hexagon, and still
 * never show up in clusters, noise, hotspots or the pin list, nor in their counts.
 */
class AnalysisLeakTest extends AnalysisApiTestBase {

  @Test
  void hiddenPendingAndMergedPinsNeverEnterAnAnalysis() {
    for (int i = 0; i < 12; i++) {
      pin(i % 4 * 3, i / 4 * 3, "safety_concern");
    }
    long kept = pin(4, 4, "safety_concern");
    long hidden = pin(5, 5, "safety_concern");
    long pending = pin(6, 6, "safety_concern");
    long merged = pin(7, 7, "safety_concern");
    long lonelyHidden = pin(3000, 3000, "suggestion");
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden', moderation_reason = 'Spam' WHERE id IN (:ids)")
        .param("ids", List.of(hidden, lonelyHidden)).update();
    jdbc.sql("UPDATE pin SET moderation_state = 'pending' WHERE id = :id").param("id", pending).update();
    jdbc.sql("UPDATE pin SET merged_into = :kept WHERE id = :id").param("kept", kept).param("id", merged).update();
    Set<Long> absent = Set.of(hidden, pending, merged, lonelyHidden);
    String filter = "dialogue=" + dialogue.slug();

    JsonNode clusters = get(planner, "/api/v1/analysis/clusters?" + filter + "&eps=10&minPoints=1").json();
    assertThat(clusters.get("pinCount").asInt()).isEqualTo(13);
    assertThat(ids(clusters.get("noise").get("pinIds"))).doesNotContainAnyElementsOf(absent);
    for (JsonNode f : clusters.get("features")) {
      assertThat(ids(f.get("properties").get("pinIds"))).doesNotContainAnyElementsOf(absent);
    }
    assertThat(clusters.get("features").get(0).get("properties").get("pinCount").asInt()).isEqualTo(13);

    // Thirty pins spread over the study area, so that there are enough for a hot spot test.
    for (int i = 0; i < 30; i++) {
      pin(-1800 + (i % 6) * 600, -1500 + (i / 6) * 600, "suggestion");
    }
    JsonNode hotspots = get(planner, "/api/v1/analysis/hotspots?" + filter + "&cellSize=100").json();
    assertThat(hotspots.get("outcome").asString()).isEqualTo("tested");
    assertThat(hotspots.get("pinCount").asInt()).isEqualTo(43);
    int counted = 0;
    for (JsonNode f : hotspots.get("features")) {
      assertThat(ids(f.get("properties").get("pinIds"))).doesNotContainAnyElementsOf(absent);
      counted += f.get("properties").get("count").asInt();
    }
    assertThat(counted).isEqualTo(43);

    JsonNode pins = get(planner, "/api/v1/analysis/pins?" + filter).json();
    assertThat(pins.get("total").asInt()).isEqualTo(43);
    Set<Long> listed = new HashSet<>();
    for (JsonNode f : pins.get("features")) {
      listed.add(f.get("id").asLong());
    }
    assertThat(listed).contains(kept).doesNotContainAnyElementsOf(absent);

    // Asking for them by id does not help either.
    JsonNode byId = get(planner, "/api/v1/analysis/pins?ids=" + hidden + "," + pending + "," + merged + "," + lonelyHidden).json();
    assertThat(byId.get("total").asInt()).isZero();
    assertThat(byId.get("features")).isEmpty();
  }

  private static Set<Long> ids(JsonNode array) {
    Set<Long> out = new HashSet<>();
    for (JsonNode id : array) {
      out.add(id.asLong());
    }
    return out;
  }
}
