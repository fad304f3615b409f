package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The analysis map lists the pins of a clicked cluster with {@code ids=...} in the address: 2,000
 * seven-digit ids with encoded commas are about 20 KB, more than a server's usual 8 KB request
 * line, so the service accepts longer ones (server.max-http-request-header-size).
 */
class AnalysisPinIdsHttpTest extends AnalysisApiTestBase {

  @Test
  void twoThousandLongIdsFitInOneRequest() {
    long first = pin(0, 0, "safety_concern");
    long second = pin(5, 5, "suggestion");
    List<String> ids = new ArrayList<>(List.of(Long.toString(first), Long.toString(second)));
    for (int i = 0; ids.size() < 2000; i++) {
      ids.add(Long.toString(9_000_000 + i));
    }
    String query = String.join("%2C", ids);
    assertThat(query.length()).isGreaterThan(18_000);

    var r = get(planner, "/api/v1/analysis/pins?dialogue=" + dialogue.slug() + "&ids=" + query);
    assertThat(r.status()).isEqualTo(200);
    List<Long> found = new ArrayList<>();
    for (JsonNode f : r.json().get("features")) {
      found.add(f.at("/properties/id").asLong());
    }
    assertThat(found).containsExactlyInAnyOrder(first, second);
  }
}
