package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.kernel.ForbiddenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule itself, without a database: who gets pins of a profile group, and which counts are hidden. */
class ProfileDisclosureTest {

  private static final AnalysisFilter NONE = AnalysisFilter.none();
  private static final AnalysisFilter WOMEN = new AnalysisFilter(null, List.of(), List.of(), null, null, List.of(),
      List.of(), null, List.of(), List.of("woman"), List.of());

  /** Counts in, hidden ones marked with *: under 5, then the smallest shown while the hidden sum to 1..4. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      9 2       | 9* 2*
      9 0 0     | 9 0* 0*
      5 5 1     | 5* 5 1*
      12 3 2    | 12 3* 2*
      20 6 7    | 20 6 7
      4         | 4*
      0         | 0*
      3 1 8 20  | 3* 1* 8* 20
      """)
  void smallCountsAreHiddenAndCannotBeSubtracted(String counts, String expected) {
    long[] given = java.util.Arrays.stream(counts.trim().split(" +")).mapToLong(Long::parseLong).toArray();
    boolean[] hidden = new ProfileDisclosure.Decision(WOMEN, false).masked(given);
    StringBuilder written = new StringBuilder();
    for (int i = 0; i < given.length; i++) {
      written.append(i == 0 ? "" : " ").append(given[i]).append(hidden[i] ? "*" : "");
    }
    assertThat(written.toString()).isEqualTo(expected.trim());
  }

  @Test
  void withoutAProfileGroupNothingIsHiddenOrRefused() {
    ProfileDisclosure.Decision d = ProfileDisclosure.withoutPlannerRole(NONE);
    assertThat(d.requirePinLevel()).isSameAs(d);
    assertThat(d.masked(1, 2, 0)).containsExactly(false, false, false);
    assertThat(d.count(1)).isEqualTo(1L);
  }

  @Test
  void aProfileGroupIsRefusedToAnyoneButAPlannerAndHiddenUnderFiveForEveryone() {
    assertThatThrownBy(() -> ProfileDisclosure.withoutPlannerRole(WOMEN).requirePinLevel())
        .isInstanceOfSatisfying(ForbiddenException.class, e -> {
          assertThat(e.code()).isEqualTo(ProfileDisclosure.REFUSED);
          assertThat(e.violations()).extracting(v -> v.field()).containsExactly("gender");
        });
    ProfileDisclosure.Decision planner = new ProfileDisclosure.Decision(WOMEN, true);
    assertThat(planner.requirePinLevel()).isSameAs(planner);
    assertThat(planner.count(4)).isNull();
    assertThat(planner.count(5)).isEqualTo(5L);
    Map<String, Object> out = new LinkedHashMap<>();
    planner.putCount(out, "pinCount", 3);
    assertThat(out).containsEntry("pinCount", null).containsEntry("masked", "fewer than 5");
  }

  @Test
  void thePartsOfAMaskedCountAreAllHidden() {
    Map<String, Long> parts = new LinkedHashMap<>();
    parts.put("suggestion", 9L);
    parts.put("safety_concern", 6L);
    ProfileDisclosure.Decision d = new ProfileDisclosure.Decision(WOMEN, true);
    assertThat(d.counts(parts)).containsEntry("suggestion", 9L).containsEntry("safety_concern", 6L);
    assertThat(d.counts(parts, true)).containsEntry("suggestion", null).containsEntry("safety_concern", null);
  }
}
