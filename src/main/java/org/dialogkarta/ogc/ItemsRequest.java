package org.dialogkarta.ogc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.pin.PinStatus;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.ogc.filter.CqlJson;
import org.dialogkarta.ogc.filter.CqlText;
import org.dialogkarta.ogc.filter.Expression;
import org.dialogkarta.ogc.filter.SortBy;
import org.springframework.util.MultiValueMap;

/**
 * The query of an items request, parsed and checked at the edge (every fault is a 400, as OGC
 * API – Features asks): a page ({@code limit}, {@code offset}), a box in some CRS, a time filter,
 * the CRS of the answer, and the pins' {@code category} and {@code status} (comma-separated
 * lists). A parameter the API does not define is refused rather than silently ignored, so a typo
 * never returns unfiltered data.
 */
record ItemsRequest(int limit, long offset, Long after, Box bbox, TimeFilter datetime, OgcCrs crs,
    List<String> categories, List<String> statuses, Expression filter, OgcCrs filterCrs, SortBy sortby) {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 10_000;
  static final Set<String> PARAMETERS = Set.of("f", "limit", "offset", "after", "bbox", "bbox-crs", "crs", "datetime",
      "category", "status", "filter", "filter-lang", "filter-crs", "sortby");

  static final Set<String> PROFILE_PARAMETERS = Set.of("ageBand", "gender");

  /** A box in the x/y (east/north) order of its CRS, whatever order the parameter had. */
  /**
   * A bbox in its CRS. In degrees a west edge east of the east edge is a box across the
   * antimeridian (177,65,-177,70 is six degrees wide), as OGC API – Features Core allows.
   */
  record Box(double minX, double minY, double maxX, double maxY, OgcCrs crs) {
    boolean acrossAntimeridian() {
      return crs.degrees() && minX > maxX;
    }
  }

  /** Whether the request narrows the layer (then an exact count would mean counting). */
  boolean filtered() {
    return bbox != null || datetime != null || !categories.isEmpty() || !statuses.isEmpty() || filter != null;
  }

  static ItemsRequest parse(MultiValueMap<String, String> query) {
    for (String name : query.keySet()) {
      if (PROFILE_PARAMETERS.contains(name)) {
        // The analysis API's profile filters: pins of a profile group are never public.
        throw OgcBadRequest.of(name, "'" + name + "' is not offered here: the OGC API is public, and pins, clusters"
            + " and hexagons are never selected by profile answers");
      }
      if (!PARAMETERS.contains(name)) {
        throw OgcBadRequest.of(name, "Unknown parameter '" + name + "'; items take " + String.join(", ",
            PARAMETERS.stream().sorted().toList()));
      }
    }
    int limit = (int) integer(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    long offset = integer(query, "offset", 0, 0, Long.MAX_VALUE / 2);
    // Keyset paging: the features after this id (what the "next" links of stored layers carry).
    Long after = single(query, "after") == null ? null : integer(query, "after", 0, 0, Long.MAX_VALUE);
    if (after != null && offset > 0) {
      throw OgcBadRequest.of("after", "Use either 'after' (from a next link) or 'offset', not both");
    }
    OgcCrs bboxCrs = OgcCrs.parse("bbox-crs", single(query, "bbox-crs"));
    SortBy sortby = single(query, "sortby") == null ? null : OgcBadRequest.filtering(() -> SortBy.parse(single(query, "sortby")));
    if (sortby != null && after != null) {
      throw OgcBadRequest.of("after", "'after' pages in id order; with sortby, pages go by 'offset'");
    }
    return new ItemsRequest(limit, offset, after, box(single(query, "bbox"), bboxCrs),
        TimeFilter.parse(single(query, "datetime")), OgcCrs.parse("crs", single(query, "crs")),
        codes(query, "category", Category.values()), codes(query, "status", PinStatus.values()),
        filter(query), OgcCrs.parse("filter-crs", single(query, "filter-crs")), sortby);
  }

  /** The CQL2 filter in its language (cql2-text unless filter-lang says cql2-json), or null. */
  private static Expression filter(MultiValueMap<String, String> query) {
    String lang = single(query, "filter-lang");
    String text = single(query, "filter");
    if (lang != null && !lang.equals("cql2-text") && !lang.equals("cql2-json")) {
      throw OgcBadRequest.of("filter-lang", "Unknown filter-lang '" + lang + "'; use cql2-text or cql2-json");
    }
    if (text == null) {
      return null;
    }
    return OgcBadRequest.filtering(() -> "cql2-json".equals(lang) ? CqlJson.parse(text) : CqlText.parse(text));
  }


  static String single(MultiValueMap<String, String> query, String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw OgcBadRequest.of(name, "'" + name + "' may be given once");
    }
    return values.getFirst();
  }

  private static long integer(MultiValueMap<String, String> query, String name, long absent, long min, long max) {
    String value = single(query, name);
    if (value == null) {
      return absent;
    }
    long n;
    try {
      n = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw OgcBadRequest.of(name, "'" + value + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw OgcBadRequest.of(name, "'" + name + "' must be between " + min + " and " + max);
    }
    return n;
  }

  private static Box box(String value, OgcCrs crs) {
    if (value == null) {
      return null;
    }
    String[] parts = value.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw OgcBadRequest.of("bbox", "Expected four numbers, lower left and upper right corner in the"
          + " axis order of bbox-crs (CRS84: minLon,minLat,maxLon,maxLat), or six with heights"
          + " (minLon,minLat,minHeight,maxLon,maxLat,maxHeight)");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw OgcBadRequest.of("bbox", "'" + parts[i] + "' is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw OgcBadRequest.of("bbox", "'" + parts[i] + "' is not a finite number");
      }
    }
    if (v.length == 6) {
      // Heights: every feature here lies on the ground, so they only have to be in order.
      if (v[2] > v[5]) {
        throw OgcBadRequest.of("bbox", "The lower height must come first");
      }
      v = new double[] {v[0], v[1], v[3], v[4]};
    }
    Box box = crs.northingFirst() ? new Box(v[1], v[0], v[3], v[2], crs) : new Box(v[0], v[1], v[2], v[3], crs);
    if ((box.minX() > box.maxX() && !crs.degrees()) || box.minY() > box.maxY()) {
      throw OgcBadRequest.of("bbox", "The lower corner must come first, with no value greater than the"
          + " upper corner's (only a longitude may be greater: a box across the antimeridian)");
    }
    if (crs.degrees() && (box.minX() < -180 || box.maxX() > 180 || box.minY() < -90 || box.maxY() > 90)) {
      throw OgcBadRequest.of("bbox", "Longitudes must be within -180..180 and latitudes within -90..90");
    }
    if (crs.srid() == 3857 && (Math.abs(box.minX()) > 20_037_508.35 || Math.abs(box.maxX()) > 20_037_508.35
        || Math.abs(box.minY()) > 20_048_966.11 || Math.abs(box.maxY()) > 20_048_966.11)) {
      throw OgcBadRequest.of("bbox", "The box lies outside the Web Mercator plane");
    }
    return box;
  }

  private static <T extends Enum<T> & Coded> List<String> codes(MultiValueMap<String, String> query, String name, T[] values) {
    String value = single(query, name);
    if (value == null) {
      return List.of();
    }
    List<String> known = Arrays.stream(values).map(Coded::code).toList();
    Set<String> out = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      String code = part.strip();
      if (!known.contains(code)) {
        throw OgcBadRequest.of(name, "Unknown " + name + " '" + code + "'; one of " + String.join(", ", known));
      }
      out.add(code);
    }
    return new ArrayList<>(out);
  }
}
