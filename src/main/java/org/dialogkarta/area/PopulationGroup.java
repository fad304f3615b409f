package org.dialogkarta.area;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cell of a neighbourhood's population table, named by the pin profile's own codes. In a file
 * it is the property {@code pop_<ageBand>_<gender>}, e.g. {@code pop_25_44_woman} or
 * {@code pop_80_plus_man}: a flat name, so that the same file layout works as GeoJSON properties
 * and as GeoPackage (or shapefile-derived) columns.
 */
record PopulationGroup(String ageBand, String gender) {

  static final List<String> AGE_BANDS = List.of("under_16", "16_24", "25_44", "45_64", "65_79", "80_plus");
  static final List<String> GENDERS = List.of("woman", "man", "other");
  static final String PREFIX = "pop_";
  private static final Pattern PROPERTY =
      Pattern.compile("pop_(under_16|16_24|25_44|45_64|65_79|80_plus)_(woman|man|other)");

  /** The group a property names, or null when the name is not one (a typo is refused by the caller). */
  static PopulationGroup ofProperty(String name) {
    Matcher m = PROPERTY.matcher(name);
    return m.matches() ? new PopulationGroup(m.group(1), m.group(2)) : null;
  }

  String property() {
    return PREFIX + ageBand + "_" + gender;
  }
}
