package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.shredzone.commons.suncalc.SunPosition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day/dark split of the statistics rests on V7's SQL {@code sun_altitude}: it must agree with
 * an independent implementation (commons-suncalc, the geometric altitude without refraction) to
 * 0.1 degree from Malmö to Kiruna, in every season, by day and by night; and the generated
 * {@code pin.time_of_day} must say dark exactly when the sun is more than 6 degrees down.
 */
@IntegrationTest
class StatisticsSunTest {

  @Autowired JdbcClient jdbc;

  record Place(String name, double lon, double lat) {}

  private static final List<Place> PLACES = List.of(new Place("Malmö", 13.0038, 55.6050),
      new Place("Norrköping", 16.1826, 58.5877), new Place("Kiruna", 20.2253, 67.8558),
      new Place("Greenwich", 0.0, 51.4779), new Place("Quito", -78.4678, -0.1807));

  private static final List<String> TIMES = List.of("2026-03-20T12:00:00Z", "2026-06-21T10:30:00Z",
      "2026-06-21T22:00:00Z", "2026-09-23T05:45:00Z", "2026-12-21T15:00:00Z", "2026-12-21T00:00:00Z",
      "2030-01-01T08:00:00Z", "2000-01-01T12:00:00Z");

  @Test
  void agreesWithSuncalcToATenthOfADegree() {
    for (Place p : PLACES) {
      for (String time : TIMES) {
        Instant at = Instant.parse(time);
        double sql = jdbc.sql("SELECT sun_altitude(CAST(:at AS timestamptz), :lon, :lat)")
            .param("at", time).param("lon", p.lon()).param("lat", p.lat()).query(Double.class).single();
        double reference = SunPosition.compute().on(at).at(p.lat(), p.lon()).execute().getTrueAltitude();
        assertThat(sql).as("%s at %s", p.name(), time).isCloseTo(reference, within(0.1));
      }
    }
  }

  @Test
  void pinsAreDarkWhenTheSunIsMoreThanSixDegreesDown() {
    TestData.Dialogue d = new TestData(jdbc).dialogue("ongoing", TestData.NORRKOPING_CENTRE, List.of("suggestion"));
    // Norrköping: noon in December is day; midnight in December dark; midnight at midsummer is
    // twilight (the sun about 8 degrees down at 58.6 N, so dark by the civil rule); a walk pin recorded at night but stored at noon is dark.
    assertThat(timeOfDay(d, "2026-12-21T11:00:00Z", null)).isEqualTo("day");
    assertThat(timeOfDay(d, "2026-12-21T23:00:00Z", null)).isEqualTo("dark");
    assertThat(timeOfDay(d, "2026-06-10T10:00:00Z", "2026-01-14T22:00:00Z")).isEqualTo("dark");
    String midsummerMidnight = "2026-06-21T22:00:00Z";
    double reference = SunPosition.compute().on(Instant.parse(midsummerMidnight)).at(58.59, 16.18).execute()
        .getTrueAltitude();
    assertThat(reference).isBetween(-8.5, -6.0);
    assertThat(timeOfDay(d, midsummerMidnight, null)).isEqualTo("dark");
    // Half an hour after sunset in March the sun is still above -6 degrees: civil twilight is day.
    String dusk = "2026-03-20T17:30:00Z";
    double duskAltitude = SunPosition.compute().on(Instant.parse(dusk)).at(58.59, 16.18).execute().getTrueAltitude();
    assertThat(duskAltitude).isBetween(-6.0, 0.0);
    assertThat(timeOfDay(d, dusk, null)).isEqualTo("day");
  }

  private String timeOfDay(TestData.Dialogue d, String createdAt, String recordedAt) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, created_at, recorded_at, source)
            VALUES (:d, ST_SetSRID(ST_MakePoint(16.18, 58.59), 4326), 'suggestion', 'Här',
                    CAST(:created AS timestamptz), CAST(:recorded AS timestamptz), 'walk')
            RETURNING time_of_day""")
        .param("d", d.id()).param("created", createdAt).param("recorded", recordedAt)
        .query(String.class).single();
  }
}
