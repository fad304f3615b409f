package org.dialogkarta.pin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A published pin as a GeoJSON Feature: only what the public may see, no profile answers. */
public record PinFeature(String type, long id, Map<String, Object> geometry, Properties properties) {

  public record Properties(
      long dialogueId,
      String category,
      List<String> subtags,
      String text,
      String status,
      int supports,
      Instant createdAt) {}

  /** RFC 7946 FeatureCollection of pins. */
  public record Collection(String type, List<PinFeature> features) {
    static Collection of(List<PinFeature> features) {
      return new Collection("FeatureCollection", features);
    }
  }
}
