package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public clusters and hotspots are computed on request; when as many analyses run as the
 * service allows, another is answered 503 with Retry-After instead of taking another core, and
 * the same selection in another order is the same cached answer.
 */
@IntegrationTest
class OgcAnalysisBusyTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AnalysisFeatures analyses;

  @Test
  void anAnalysisBeyondTheLimitIsAnswered503WithRetryAfter() throws InterruptedException {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text)
            SELECT :d, ST_SetSRID(ST_MakePoint(16.18 + (g % 10) * 0.0001, 58.59 + (g / 10) * 0.0001), 4326),
                   (ARRAY['suggestion','safety_concern'])[1 + g % 2], 'p' || g FROM generate_series(1, 60) g""")
        .param("d", d.id()).update();
    Api api = new Api(port);
    String items = "/ogc/collections/clusters-" + d.slug() + "/items";
    assertThat(api.get(items + "?category=suggestion,safety_concern").status()).isEqualTo(200);
    // The same selection in another order comes from the cache: it needs no free analysis.
    analyses.running.acquire(AnalysisFeatures.CONCURRENT);
    try {
      assertThat(api.get(items + "?category=safety_concern,suggestion").status()).isEqualTo(200);
      Api.Response busy = api.get(items + "?category=suggestion");
      Problems.assertProblem(busy, 503, "analysis.busy", null);
      assertThat(busy.raw().headers().firstValue("Retry-After")).hasValue("5");
    } finally {
      analyses.running.release(AnalysisFeatures.CONCURRENT);
    }
    assertThat(api.get(items + "?category=suggestion").status()).isEqualTo(200);
  }
}
