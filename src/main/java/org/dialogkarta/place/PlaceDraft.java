package org.dialogkarta.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * One place of an imported file, checked: its name, kind and optional municipality and district,
 * and where it is as the file gives it ({@code x}, {@code y} in the EPSG system {@code srid}: 4326
 * for lon/lat, 3006 for SWEREF 99 TM). {@code where} names it in a refusal ("rows[12]" for line 12
 * of a CSV file, "features[3]" for a GeoPackage's fourth feature).
 */
record PlaceDraft(String where, String name, PlaceKind kind, String municipality, String district,
    double x, double y, int srid) {

  static final int MAX_NAME = 200;
  static final int MAX_AREA_NAME = 100;
  /** Swedish words for the kinds, so that a municipality's own column can be used as it is. */
  private static final Map<String, PlaceKind> SWEDISH_KINDS = Map.of("adress", PlaceKind.ADDRESS,
      "gata", PlaceKind.STREET, "väg", PlaceKind.STREET, "torg", PlaceKind.SQUARE, "by", PlaceKind.VILLAGE,
      "ort", PlaceKind.LOCALITY, "tätort", PlaceKind.LOCALITY, "stadsdel", PlaceKind.DISTRICT,
      "plats", PlaceKind.LANDMARK);

  /** Checks every value and throws one refusal naming each one at fault. */
  static PlaceDraft of(String where, String name, String kind, String municipality, String district,
      Double x, Double y, int srid, List<FieldViolation> coordinateFaults) {
    List<FieldViolation> faults = new ArrayList<>(coordinateFaults);
    if (name == null || name.isBlank()) {
      faults.add(FieldViolation.of(where + ".name", "places.name_missing", where + ": the name is empty"));
    } else if (name.strip().length() > MAX_NAME) {
      faults.add(FieldViolation.of(where + ".name", "places.name_too_long",
          where + ": the name is longer than " + MAX_NAME + " characters"));
    } else if (name.codePoints().anyMatch(Character::isISOControl)) {
      faults.add(FieldViolation.of(where + ".name", "places.name_invalid", where + ": the name holds control characters"));
    }
    Optional<PlaceKind> k = kind(kind, name);
    if (k.isEmpty()) {
      faults.add(FieldViolation.of(where + ".kind", "places.kind_unknown", where + ": the kind '" + kind
          + "' is not one of " + Coded.codesOf(PlaceKind.class)));
    }
    for (String[] area : new String[][] {{"municipality", municipality}, {"district", district}}) {
      if (area[1] != null && area[1].strip().length() > MAX_AREA_NAME) {
        faults.add(FieldViolation.of(where + "." + area[0], "places.area_too_long",
            where + ": the " + area[0] + " is longer than " + MAX_AREA_NAME + " characters"));
      }
    }
    if (coordinateFaults.isEmpty() && (x == null || y == null)) {
      faults.add(FieldViolation.of(where + ".location", "places.location_missing", where
          + ": no position (give lon and lat in WGS84, or x and y in SWEREF 99 TM)"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new PlaceDraft(where, name.strip(), k.orElseThrow(), blankToNull(municipality), blankToNull(district),
        x, y, srid);
  }

  /**
   * The kind as a code or its Swedish word; when the file has no kind, an address if the name ends
   * with a number ("Storgatan 12", "Storgatan 12 B"), a landmark otherwise.
   */
  private static Optional<PlaceKind> kind(String kind, String name) {
    if (kind == null || kind.isBlank()) {
      return Optional.of(name != null && name.strip().matches(".*\\s\\d+\\s?[A-Za-z]?") ? PlaceKind.ADDRESS
          : PlaceKind.LANDMARK);
    }
    String k = kind.strip().toLowerCase(Locale.ROOT);
    return Coded.fromCode(PlaceKind.class, k).or(() -> Optional.ofNullable(SWEDISH_KINDS.get(k)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
