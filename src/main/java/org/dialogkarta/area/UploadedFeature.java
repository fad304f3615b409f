package org.dialogkarta.area;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of an uploaded neighbourhood file as the file had it: its place in the file (0-based),
 * its properties with lower-case names, its geometry (null when it had none) and the EPSG code of
 * the coordinate system the file declares for it.
 */
public record UploadedFeature(int index, Map<String, Object> properties, Geometry geometry, int srid) {

  /** How the feature is named in a refusal: its place in the file, and its code when it has one. */
  String label() {
    Object code = properties.get("code");
    return "Feature " + index + (code == null ? "" : " (code " + code + ")");
  }

  public String field() {
    return "features[" + index + "]";
  }
}
