package org.dialogkarta.geo;

import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Envelope;

/**
 * A {@code bbox=minLon,minLat,maxLon,maxLat} query parameter in WGS84, parsed and checked at the
 * edge so that controllers only see a valid box. A box may not cross the antimeridian (no
 * Swedish municipality needs that) and must have min before max.
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

  public BoundingBox {
    if (!Wgs84.isValidLon(minLon) || !Wgs84.isValidLon(maxLon)) {
      throw invalid("Longitudes must be numbers between -180 and 180");
    }
    if (!Wgs84.isValidLat(minLat) || !Wgs84.isValidLat(maxLat)) {
      throw invalid("Latitudes must be numbers between -90 and 90");
    }
    if (minLon > maxLon || minLat > maxLat) {
      throw invalid("The order is minLon,minLat,maxLon,maxLat with min not greater than max");
    }
  }

  /** Parses the parameter; {@code null} or blank means no box. */
  public static BoundingBox parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw invalid("Expected four numbers: minLon,minLat,maxLon,maxLat");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw invalid("'" + parts[i].strip() + "' is not a number");
      }
    }
    return new BoundingBox(v[0], v[1], v[2], v[3]);
  }

  public Envelope toEnvelope() {
    return new Envelope(minLon, maxLon, minLat, maxLat);
  }

  private static InvalidInputException invalid(String message) {
    return InvalidInputException.of("bbox", "bbox.invalid", message);
  }
}
