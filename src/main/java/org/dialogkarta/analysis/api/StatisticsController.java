package org.dialogkarta.analysis.api;

import java.util.Map;
import java.util.Set;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics of the filtered pins, and the neighbourhood layer of the analysis map. Both are
 * counts only, so a profile group may narrow them for every analysis role; its small counts are
 * then masked ({@link ProfileDisclosure}, {@link MaskedStatistics}).
 */
@RestController
class StatisticsController {

  static final int DEFAULT_MINIMUM_GROUP = 5;
  /** Below three, a "group" of two could tell each other's answers apart. */
  static final int SMALLEST_MINIMUM_GROUP = 3;
  static final int LARGEST_MINIMUM_GROUP = 1000;

  private final Statistics statistics;
  private final NeighbourhoodLayer layer;
  private final ProfileDisclosure disclosure;

  StatisticsController(Statistics statistics, NeighbourhoodLayer layer, ProfileDisclosure disclosure) {
    this.statistics = statistics;
    this.layer = layer;
    this.disclosure = disclosure;
  }

  @GetMapping("/api/v1/analysis/statistics")
  Object statistics(@RequestParam MultiValueMap<String, String> params) {
    AnalysisFilter filter = AnalysisFilter.from(params, Set.of("minimumGroup"));
    int minimumGroup = minimumGroup(params);
    ProfileDisclosure.Decision profile = disclosure.of(filter);
    if (!profile.profileGroup()) {
      return statistics.of(filter, minimumGroup);
    }
    // Within a profile group "who has been heard" is as small as any other count.
    return MaskedStatistics.of(statistics.of(filter, Math.max(minimumGroup, ProfileDisclosure.MIN_GROUP)), profile);
  }

  @GetMapping("/api/v1/analysis/neighbourhoods")
  Map<String, Object> neighbourhoods(@RequestParam MultiValueMap<String, String> params) {
    AnalysisFilter filter = AnalysisFilter.from(params, Set.of());
    return layer.of(filter, disclosure.of(filter));
  }

  private static int minimumGroup(MultiValueMap<String, String> params) {
    String given = params.getFirst("minimumGroup");
    if (given == null || given.isBlank()) {
      return DEFAULT_MINIMUM_GROUP;
    }
    try {
      int n = Integer.parseInt(given.strip());
      if (n >= SMALLEST_MINIMUM_GROUP && n <= LARGEST_MINIMUM_GROUP) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw InvalidInputException.of("minimumGroup", "minimumGroup.invalid", "minimumGroup must be a whole number from "
        + SMALLEST_MINIMUM_GROUP + " to " + LARGEST_MINIMUM_GROUP + ", not '" + given + "'");
  }
}
