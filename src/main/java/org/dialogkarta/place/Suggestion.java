package org.dialogkarta.place;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One place a search suggests: its name, what it is, where it lies and whether it came from the
 * municipality's own gazetteer ({@code local}) or the external geocoder ({@code external}).
 */
public record Suggestion(String name, PlaceKind kind, String municipality, String district, double lon, double lat,
    String source) {

  /** How a list shows it: "Storgatan 12, Skärblacka" or "Storgatan 12, Norrköping", or the name alone. */
  public String label() {
    String where = district != null && !district.isBlank() && !district.equalsIgnoreCase(name) ? district
        : municipality != null && !municipality.isBlank() && !municipality.equalsIgnoreCase(name) ? municipality
        : null;
    return where == null ? name : name + ", " + where;
  }

  /** An RFC 7946 Feature: a WGS84 point and the properties the map needs, the zoom among them. */
  Map<String, Object> feature() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("name", name);
    properties.put("kind", kind.code());
    properties.put("label", label());
    properties.put("municipality", municipality);
    properties.put("district", district);
    properties.put("zoom", kind.zoom());
    properties.put("source", source);
    Map<String, Object> feature = new LinkedHashMap<>();
    feature.put("type", "Feature");
    feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
    feature.put("properties", properties);
    return feature;
  }
}
