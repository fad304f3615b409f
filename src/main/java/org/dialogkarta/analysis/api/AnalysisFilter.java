package org.dialogkarta.analysis.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.dialogue.DialogueIdOrSlug;
import org.dialogkarta.pin.AgeBand;
import org.dialogkarta.pin.Gender;
import org.dialogkarta.pin.PinStatus;
import org.dialogkarta.pin.PublicPins;
import org.dialogkarta.pin.Source;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.util.MultiValueMap;

/**
 * The planner's selection of pins for every analysis (clusters, hotspots, statistics, the
 * analysis map): dialogue, category, sub-tag, date range, source, workflow status, day or dark,
 * profile group and neighbourhood (by code; it also narrows a hotspot analysis's study area). Parsed and checked at the edge; an unknown parameter is refused rather than
 * silently ignored, so a typo never produces an analysis of the wrong pins. Empty lists mean "any".
 * Dates are whole days in Swedish time, both ends included.
 */
public record AnalysisFilter(
    String dialogue,
    List<String> categories,
    List<String> subtags,
    LocalDate from,
    LocalDate to,
    List<String> sources,
    List<String> statuses,
    String timeOfDay,
    List<String> ageBands,
    List<String> genders,
    List<String> neighbourhoods) {

  public static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");

  /** The query parameters this filter reads; an endpoint adds its own (eps, cellSize, ...). */
  public static final Set<String> PARAMETERS = Set.of("dialogue", "category", "subtag", "from", "to",
      "source", "status", "timeOfDay", "ageBand", "gender", "neighbourhood");

  public AnalysisFilter {
    categories = List.copyOf(categories);
    subtags = List.copyOf(subtags);
    sources = List.copyOf(sources);
    statuses = List.copyOf(statuses);
    ageBands = List.copyOf(ageBands);
    genders = List.copyOf(genders);
    neighbourhoods = List.copyOf(neighbourhoods);
    if (from != null && to != null && to.isBefore(from)) {
      throw InvalidInputException.of("to", "to.beforeFrom", "'to' (" + to + ") is before 'from' (" + from + ")");
    }
  }

  /**
   * Whether the filter is a dialogue and perhaps categories, nothing more: the selection the pin
   * trigger's cell counts ({@code pin.CellCounts}) already hold.
   */
  public boolean onlyDialogueAndCategories() {
    return dialogue != null && subtags.isEmpty() && from == null && to == null && sources.isEmpty()
        && statuses.isEmpty() && timeOfDay == null && ageBands.isEmpty() && genders.isEmpty() && neighbourhoods.isEmpty();
  }

  public static AnalysisFilter none() {
    return new AnalysisFilter(null, List.of(), List.of(), null, null, List.of(), List.of(), null,
        List.of(), List.of(), List.of());
  }

  /**
   * The filter in {@code params}. Parameters may repeat or hold comma-separated values
   * ({@code category=a,b}). {@code ownParameters} are the endpoint's own, allowed but not read here.
   */
  public static AnalysisFilter from(MultiValueMap<String, String> params, Set<String> ownParameters) {
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name) && !ownParameters.contains(name)) {
        List<String> known = new ArrayList<>(PARAMETERS);
        known.addAll(ownParameters);
        throw InvalidInputException.of(name, "parameter.unknown",
            "Unknown parameter '" + name + "'; known are " + known.stream().sorted().toList());
      }
    }
    String timeOfDay = single(params, "timeOfDay");
    if (timeOfDay != null && !timeOfDay.equals("day") && !timeOfDay.equals("dark")) {
      throw InvalidInputException.of("timeOfDay", "timeOfDay.unknown",
          "Unknown timeOfDay '" + timeOfDay + "'; one of day, dark");
    }
    List<String> neighbourhoods = values(params, "neighbourhood");
    for (String code : neighbourhoods) {
      if (code.length() > 64) {
        throw InvalidInputException.of("neighbourhood", "neighbourhood.invalid",
            "'neighbourhood' is a neighbourhood code of at most 64 characters");
      }
    }
    List<String> subtags = values(params, "subtag");
    for (String tag : subtags) {
      if (!tag.matches("[a-z0-9_]{1,64}")) {
        throw InvalidInputException.of("subtag", "subtag.invalid", "Sub-tag '" + tag + "' is not a tag code");
      }
    }
    return new AnalysisFilter(single(params, "dialogue"), codes(params, "category", Category.class),
        subtags, date(params, "from"), date(params, "to"), codes(params, "source", Source.class),
        codes(params, "status", PinStatus.class), timeOfDay, codes(params, "ageBand", AgeBand.class),
        codes(params, "gender", Gender.class), neighbourhoods);
  }

  /**
   * The SQL condition on table alias {@code pin} (without WHERE) and its named parameters. Only
   * published pins that are not merged duplicates are analysed: pending and hidden ones are not
   * what citizens said in public, and a merged duplicate is counted in the pin it went into.
   */
  public SqlCondition toSql() {
    StringBuilder sql = new StringBuilder(PublicPins.condition("pin"));
    Map<String, Object> params = new HashMap<>();
    if (dialogue != null) {
      DialogueIdOrSlug ref = new DialogueIdOrSlug(dialogue);
      sql.append(ref.isId() ? " AND pin.dialogue_id = :f_dialogue"
          : " AND pin.dialogue_id = (SELECT d.id FROM dialogue d WHERE d.slug = :f_dialogue)");
      params.put("f_dialogue", ref.value());
    }
    in(sql, params, "pin.category", "f_categories", categories);
    in(sql, params, "pin.source", "f_sources", sources);
    in(sql, params, "pin.status", "f_statuses", statuses);
    in(sql, params, "pin.age_band", "f_age_bands", ageBands);
    in(sql, params, "pin.gender", "f_genders", genders);
    if (!neighbourhoods.isEmpty()) {
      sql.append(" AND pin.neighbourhood_id IN (SELECT n.id FROM neighbourhood n WHERE n.code IN (:f_neighbourhoods))");
      params.put("f_neighbourhoods", neighbourhoods);
    }
    if (!subtags.isEmpty()) {
      sql.append(" AND pin.subtags && CAST(:f_subtags AS text[])");
      params.put("f_subtags", "{" + String.join(",", subtags) + "}");
    }
    if (from != null) {
      sql.append(" AND coalesce(pin.recorded_at, pin.created_at) >= CAST(:f_from AS timestamptz)");
      params.put("f_from", from.atStartOfDay(SWEDISH_TIME).toOffsetDateTime().toString());
    }
    if (to != null) {
      sql.append(" AND coalesce(pin.recorded_at, pin.created_at) < CAST(:f_to AS timestamptz)");
      params.put("f_to", to.plusDays(1).atStartOfDay(SWEDISH_TIME).toOffsetDateTime().toString());
    }
    if (timeOfDay != null) {
      sql.append(" AND pin.time_of_day = :f_time_of_day");
      params.put("f_time_of_day", timeOfDay);
    }
    return new SqlCondition(sql.toString(), params);
  }

  /** A WHERE condition and its named parameters, for {@code JdbcClient.sql(...).params(...)}. */
  public record SqlCondition(String sql, Map<String, Object> params) {
    public SqlCondition {
      params = Map.copyOf(params);
    }
  }

  private static void in(StringBuilder sql, Map<String, Object> params, String column, String name,
      List<String> codes) {
    if (!codes.isEmpty()) {
      sql.append(" AND ").append(column).append(" IN (:").append(name).append(")");
      params.put(name, codes);
    }
  }

  private static List<String> values(MultiValueMap<String, String> params, String name) {
    List<String> given = params.get(name);
    if (given == null) {
      return List.of();
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String value : given) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return List.copyOf(out);
  }

  private static String single(MultiValueMap<String, String> params, String name) {
    List<String> given = values(params, name);
    if (given.size() > 1) {
      throw InvalidInputException.of(name, name + ".multiple", "Give one '" + name + "', not " + given.size());
    }
    return given.isEmpty() ? null : given.getFirst();
  }

  private static <E extends Enum<E> & Coded> List<String> codes(MultiValueMap<String, String> params,
      String name, Class<E> type) {
    return values(params, name).stream()
        .map(code -> Coded.fromCode(type, code).orElseThrow(() -> InvalidInputException.of(name,
            name + ".unknown", "Unknown " + name + " '" + code + "'; one of " + Coded.codesOf(type))).code())
        .toList();
  }

  private static LocalDate date(MultiValueMap<String, String> params, String name) {
    String value = single(params, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(name, name + ".invalid", "'" + name + "' must be a date like 2026-05-31, not '" + value + "'");
    }
  }
}
