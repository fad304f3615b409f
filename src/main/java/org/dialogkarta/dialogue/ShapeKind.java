package org.dialogkarta.dialogue;

import java.util.Optional;
import org.dialogkarta.kernel.Coded;

/**
 * What a citizen may put on the map: a point, a line or an area. A dialogue accepts one or more
 * ({@code dialogue.accepted_shapes}, default point only).
 */
public enum ShapeKind implements Coded {
  POINT("point", "Point"),
  LINE("line", "LineString"),
  AREA("area", "Polygon");

  private final String code;
  private final String geoJsonType;

  ShapeKind(String code, String geoJsonType) {
    this.code = code;
    this.geoJsonType = geoJsonType;
  }

  @Override
  public String code() {
    return code;
  }

  /** The GeoJSON geometry type of this kind. */
  public String geoJsonType() {
    return geoJsonType;
  }

  public static Optional<ShapeKind> fromGeoJsonType(String type) {
    for (ShapeKind k : values()) {
      if (k.geoJsonType.equals(type)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
