package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.dialogkarta.analysis.Dbscan;
import org.dialogkarta.analysis.PinSample;
import org.dialogkarta.bench.BenchPins;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Our DBSCAN against PostGIS {@code ST_ClusterDBSCAN} on the same synthetic town with the same
 * eps and minPoints: noise and core points agree exactly, clusters correspond one to one, and a
 * border point may sit in any cluster that has a core point within eps of it.
 */
@IntegrationTest
class DbscanPostgisTest {

  private static final String SLUG = "dbscan-vs-postgis";

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired AnalysisPins pins;

  @ParameterizedTest(name = "eps {0}, minPoints {1}")
  @CsvSource({"50, 5", "25, 3", "100, 12", "10, 1"})
  void samePartitionAsPostgis(double eps, int minPoints) {
    long dialogue = BenchPins.ensure(dataSource, SLUG, 4000);
    LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("dialogue", SLUG);
    PinSample sample = pins.load(AnalysisFilter.from(params, java.util.Set.of()));
    assertThat(sample.size()).isEqualTo(4000);
    List<Integer> postgis = jdbc.sql("""
            SELECT ST_ClusterDBSCAN(ST_Transform(location, 3006), :eps, :minPoints) OVER () AS cluster
            FROM pin WHERE dialogue_id = :d AND moderation_state = 'published' AND merged_into IS NULL
            ORDER BY id""")
        .param("eps", eps).param("minPoints", minPoints).param("d", dialogue)
        .query((rs, row) -> (Integer) rs.getObject(1)).list();

    Dbscan.Result ours = Dbscan.cluster(sample, eps, minPoints);

    Agreement agreement = Agreement.of(sample, ours, postgis, eps);
    assertThat(agreement.disagreements()).isEmpty();
    assertThat(ours.clusterCount()).isEqualTo(agreement.postgisClusters()).isGreaterThan(3);
    if (minPoints > 1) {
      assertThat(ours.noiseCount()).isGreaterThan(0);
    }
  }
}
