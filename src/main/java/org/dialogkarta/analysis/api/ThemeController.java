package org.dialogkarta.analysis.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.analysis.theme.Comment;
import org.dialogkarta.analysis.theme.Theme;
import org.dialogkarta.analysis.theme.ThemeCount;
import org.dialogkarta.analysis.theme.ThemeResult;
import org.dialogkarta.analysis.theme.Themes;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.Messages;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Themes in what people wrote ({@code analysis.theme.Themes}) for the filtered pins, or for
 * some of them ({@code pinIds}: "what is said here" for a cluster or a hexagon), with an
 * optional fixed number of themes {@code k}. The answer holds pin ids and texts, so a profile
 * group (age band, gender) is a planner's question only, and a group of fewer than 5 comments
 * gets no themes, only "fewer than 5" ({@link ProfileDisclosure}).
 */
@RestController
class ThemeController {

  static final int MAX_PIN_IDS = 5000;
  private static final Set<String> OWN = Set.of("k", "pinIds");

  private final ThemeComments comments;
  private final ProfileDisclosure disclosure;

  ThemeController(ThemeComments comments, ProfileDisclosure disclosure) {
    this.comments = comments;
    this.disclosure = disclosure;
  }

  @GetMapping("/api/v1/analysis/themes")
  Map<String, Object> themes(@RequestParam MultiValueMap<String, String> params) {
    AnalysisFilter filter = AnalysisFilter.from(params, OWN);
    ProfileDisclosure.Decision profile = disclosure.of(filter).requirePinLevel();
    Integer k = Parameters.integer(params, "k");
    if (k != null && (k < 1 || k > ThemeCount.MAX_K)) {
      throw InvalidInputException.of("k", "k.range", "'k' must be between 1 and " + ThemeCount.MAX_K + ", not " + k);
    }
    List<Comment> loaded = comments.load(filter, pinIds(params));
    if (profile.masks(loaded.size())) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("k", null);
      profile.putCount(out, "commentCount", loaded.size());
      out.put("themes", List.of());
      return out;
    }
    ThemeResult result = Themes.of(loaded, k);
    List<Map<String, Object>> themes = result.themes().stream().map(ThemeController::theme).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("k", result.k());
    out.put("commentCount", result.commentCount());
    out.put("method", Map.of("sv", method(result.method(), "sv"), "en", method(result.method(), "en")));
    out.put("silhouettes", result.silhouettes());
    out.put("themes", themes);
    out.put("unclear", Map.of("count", result.unclearPinIds().length, "pinIds", result.unclearPinIds()));
    return out;
  }

  /** How the themes were found and why k is what it is, from the bundles' {@code analysis.themes.method.*}. */
  static String method(ThemeResult.Method m, String lang) {
    Locale locale = "sv".equals(lang) ? Locale.forLanguageTag("sv") : Locale.ROOT;
    Map<String, Object> vars = Map.of(
        "terms", m.terms(), "minDocuments", Messages.plural(lang, "analysis.count.comments", m.minDocuments(), Map.of()),
        "min", ThemeCount.MIN_FOR_SPLIT, "k", m.themes(), "minK", m.minK(), "maxK", m.maxK(),
        "silhouette", String.format(locale, "%.3f", m.silhouette()),
        "best", String.format(locale, "%.3f", m.bestSilhouette()),
        "sample", Messages.plural(lang, "analysis.count.comments", m.sampleSize(), Map.of()));
    String base = Messages.plural(lang, "analysis.themes.method", m.themes(), vars);
    String why = m.kGiven() ? "analysis.themes.method.given"
        : m.tooFewToSplit() ? "analysis.themes.method.tooFew" : "analysis.themes.method.silhouette";
    return base + " " + Messages.text(lang, why, vars);
  }

  private static Map<String, Object> theme(Theme t) {
    Map<String, Object> theme = new LinkedHashMap<>();
    theme.put("id", t.id());
    theme.put("label", t.label());
    theme.put("topWords", t.topWords());
    theme.put("count", t.count());
    theme.put("examples", t.examples().stream().map(ThemeController::example).toList());
    theme.put("pinIds", t.pinIds());
    return theme;
  }

  private static Map<String, Object> example(Comment c) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("pinId", c.pinId());
    example.put("text", c.text());
    return example;
  }

  /** The optional {@code pinIds=1,2,3} (repeatable), at most {@value #MAX_PIN_IDS}; null when absent. */
  static List<Long> pinIds(MultiValueMap<String, String> params) {
    return Parameters.pinIds(params, "pinIds", MAX_PIN_IDS);
  }
}
