package org.dialogkarta.area;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection of neighbourhoods. RFC 7946 GeoJSON is WGS84 longitude/latitude;
 * a file written by older tools may still declare another system in the 2008 {@code crs} member
 * ({@code urn:ogc:def:crs:EPSG::3006}), and then its coordinates are transformed like a
 * GeoPackage's. Properties are taken as they are; {@link NeighbourhoodDraft} checks them.
 */
final class GeoJsonNeighbourhoods {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern EPSG = Pattern.compile("(?i).*EPSG:(?:[0-9.]*:)?(\\d{1,9})$");
  private static final Pattern CRS84 = Pattern.compile("(?i).*OGC:(?:1\\.3:)?CRS84$");

  private GeoJsonNeighbourhoods() {}

  static List<UploadedFeature> read(byte[] content) {
    JsonNode root;
    try {
      root = JSON.readTree(new String(content, StandardCharsets.UTF_8));
    } catch (JacksonException e) {
      throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.malformed",
          "The file starts like JSON but is not valid JSON: " + e.getOriginalMessage());
    }
    if (!root.isObject() || !"FeatureCollection".equals(text(root.get("type")))
        || !root.path("features").isArray()) {
      throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.not_feature_collection",
          "A GeoJSON neighbourhood file must be a FeatureCollection with a features array");
    }
    int srid = declaredSrid(root.get("crs"));
    List<UploadedFeature> features = new ArrayList<>();
    JsonNode array = root.get("features");
    for (int i = 0; i < array.size(); i++) {
      features.add(feature(i, array.get(i), srid));
    }
    return features;
  }

  private static UploadedFeature feature(int index, JsonNode node, int srid) {
    String field = "features[" + index + "]";
    if (!node.isObject() || !"Feature".equals(text(node.get("type")))) {
      throw InvalidInputException.of(field, "neighbourhoods.not_feature", "Feature " + index + " is not a GeoJSON Feature");
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    JsonNode props = node.get("properties");
    if (props != null && props.isObject()) {
      for (Map.Entry<String, JsonNode> p : props.properties()) {
        properties.put(p.getKey().toLowerCase(Locale.ROOT), value(p.getValue()));
      }
    }
    JsonNode geometry = node.get("geometry");
    Geometry g = null;
    if (geometry != null && !geometry.isNull()) {
      try {
        g = new GeoJsonReader(Wgs84.FACTORY).read(geometry.toString());
      } catch (ParseException | RuntimeException e) {
        throw InvalidInputException.of(field, "neighbourhoods.geometry_malformed",
            new UploadedFeature(index, properties, null, srid).label() + " has a geometry that is not valid GeoJSON");
      }
    }
    return new UploadedFeature(index, properties, g, srid);
  }

  /** The EPSG code of a legacy {@code crs} member, 4326 when there is none. */
  private static int declaredSrid(JsonNode crs) {
    if (crs == null || crs.isNull()) {
      return Wgs84.SRID;
    }
    String name = text(crs.path("properties").get("name"));
    if (name != null && CRS84.matcher(name).matches()) {
      return Wgs84.SRID;
    }
    Matcher m = name == null ? null : EPSG.matcher(name);
    if (m == null || !m.matches()) {
      throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.crs_unknown",
          "The file declares a coordinate system that is not an EPSG code: " + crs
              + ". Export it as GeoJSON in WGS84 (EPSG:4326)");
    }
    return Integer.parseInt(m.group(1));
  }

  private static Object value(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isString()) {
      return v.stringValue();
    }
    return v; // objects and arrays: NeighbourhoodDraft refuses them where a value is expected
  }

  private static String text(JsonNode n) {
    return n != null && n.isString() ? n.stringValue() : null;
  }
}
