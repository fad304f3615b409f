package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The track filter alone: fixes in, kept positions and the count of dropped ones out. */
class TrackFilterTest {

  private static final Instant FROM = Instant.parse("2026-10-14T16:00:00Z");
  private static final Instant UNTIL = Instant.parse("2026-10-14T21:00:00Z");
  private static final double T0 = Instant.parse("2026-10-14T18:00:00Z").toEpochMilli();

  @Test
  void aSteadyWalkKeepsEveryPoint() {
    check(List.of(fix(16.18, 58.59, 0, 5.0), fix(16.18, 58.5901, 10, 5.0), fix(16.18, 58.5902, 20, null)), 3, 0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", textBlock = """
      'a kilometre east, five seconds later',     16.1975, 58.5901, 15,   5
      'the same moment again',                    16.18,   58.5902, 10,   5
      'earlier than the last kept point',         16.18,   58.5902, 5,    5
      'longitude out of range',                   181,     58.5902, 15,   5
      'latitude out of range',                    16.18,   -91,     15,   5
      'a fix worse than a hundred metres',        16.18,   58.5902, 15,   150
      'a negative accuracy',                      16.18,   58.5902, 15,   -1
      """)
  void aBadFixInTheMiddleIsDroppedAndTheWalkGoesOn(String why, double lon, double lat, int second, Double accuracy) {
    check(List.of(fix(16.18, 58.59, 0, 5.0), fix(16.18, 58.5901, 10, 5.0), fix(lon, lat, second, accuracy),
        fix(16.18, 58.5902, 20, 5.0)), 3, 1);
  }

  @Test
  void aCoarseFirstFixDoesNotCostTheWholeTrack() {
    check(List.of(fix(16.3, 58.7, 0, 2000.0), fix(16.18, 58.59, 5, 8.0), fix(16.18, 58.5901, 15, 8.0)), 2, 1);
  }

  @Test
  void pointsOutsideTheWalksWindowAreDropped() {
    double before = FROM.toEpochMilli() - 1;
    double after = UNTIL.toEpochMilli() + 1;
    TrackFilter.Result r = TrackFilter.filter(List.of(new TrackFilter.Fix(16.18, 58.59, before, null),
        fix(16.18, 58.59, 0, null), fix(16.18, 58.5901, 10, null),
        new TrackFilter.Fix(16.18, 58.5902, after, null)), FROM, UNTIL);
    assertThat(r.kept()).hasSize(2);
    assertThat(r.dropped()).isEqualTo(2);
  }

  @Test
  void twelveMetresASecondIsTheLimit() {
    // 0.001 degrees of latitude is about 111.2 m: fine in 10 s, too fast in 9 s.
    check(List.of(fix(16.18, 58.59, 0, null), fix(16.18, 58.591, 10, null)), 2, 0);
    check(List.of(fix(16.18, 58.59, 0, null), fix(16.18, 58.591, 9, null)), 1, 1);
  }

  @Test
  void distancesAreGreatCircleMetres() {
    double oneDegreeOfLatitude = TrackFilter.metresBetween(new TrackFilter.Fix(16, 58, 0, null),
        new TrackFilter.Fix(16, 59, 0, null));
    assertThat(oneDegreeOfLatitude).isCloseTo(111_195, within(10.0));
  }

  private static TrackFilter.Fix fix(double lon, double lat, int second, Double accuracy) {
    return new TrackFilter.Fix(lon, lat, T0 + second * 1000.0, accuracy);
  }

  private static void check(List<TrackFilter.Fix> fixes, int kept, int dropped) {
    TrackFilter.Result r = TrackFilter.filter(fixes, FROM, UNTIL);
    assertThat(r.kept()).hasSize(kept);
    assertThat(r.dropped()).isEqualTo(dropped);
  }
}
