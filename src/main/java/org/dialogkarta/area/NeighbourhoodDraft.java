package org.dialogkarta.area;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A neighbourhood as it will be stored: checked code, name, population and population by group,
 * and a valid WGS84 boundary. {@code repair} says what was repaired in the boundary, or is null.
 */
record NeighbourhoodDraft(String code, String name, Integer population,
    Map<PopulationGroup, Integer> groups, MultiPolygon boundary, String repair) {

  static final int MAX_CODE = 64;
  static final int MAX_NAME = 200;

  /** Checks the properties of a feature; the boundary is checked by {@link Boundaries}. */
  static NeighbourhoodDraft of(UploadedFeature f, MultiPolygon boundary, String repair) {
    String code = text(f, "code", MAX_CODE);
    String name = text(f, "name", MAX_NAME);
    Integer population = count(f, "population", f.properties().get("population"));
    Map<PopulationGroup, Integer> groups = new LinkedHashMap<>();
    for (Map.Entry<String, Object> p : f.properties().entrySet()) {
      if (!p.getKey().startsWith(PopulationGroup.PREFIX)) {
        continue;
      }
      PopulationGroup group = PopulationGroup.ofProperty(p.getKey());
      if (group == null) {
        throw refuse(f, "neighbourhoods.population_group", "has the property " + p.getKey()
            + ", which is not pop_<age band>_<gender> (age bands " + PopulationGroup.AGE_BANDS
            + ", genders " + PopulationGroup.GENDERS + ")");
      }
      Integer n = count(f, p.getKey(), p.getValue());
      if (n != null) {
        groups.put(group, n);
      }
    }
    return new NeighbourhoodDraft(code, name, population, groups, boundary, repair);
  }

  private static String text(UploadedFeature f, String property, int max) {
    Object v = f.properties().get(property);
    String s = v instanceof Number n ? whole(n) : v instanceof String t ? t.strip() : null;
    if (s == null || s.isEmpty()) {
      throw refuse(f, "neighbourhoods." + property + "_missing", "has no " + property
          + (v == null ? "" : " (the property is " + v.getClass().getSimpleName() + ", not text)"));
    }
    if (s.length() > max) {
      throw refuse(f, "neighbourhoods." + property + "_too_long", "has a " + property + " longer than " + max + " characters");
    }
    return s;
  }

  /** A head count: a whole number from 0, given as a number or as digits in text. */
  private static Integer count(UploadedFeature f, String property, Object v) {
    if (v == null || (v instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(((String) v).strip());
      if (d >= 0 && d <= Integer.MAX_VALUE && d == Math.rint(d)) {
        return (int) d;
      }
    } catch (ClassCastException | NumberFormatException e) {
      // falls through to the refusal
    }
    throw refuse(f, "neighbourhoods.population_invalid", "has " + property + " = " + v
        + ", which is not a whole number of people from 0");
  }

  private static String whole(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : n.toString();
  }

  static InvalidInputException refuse(UploadedFeature f, String code, String reason) {
    return InvalidInputException.of(f.field(), code, f.label() + " " + reason);
  }
}
