package org.dialogkarta.kernel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings under {@code dialogkarta.*}, each overridable by an environment variable (see
 * application.properties for the variable names).
 *
 * @param demoData     load the demo municipality on start, once
 * @param metricSrid   the metric CRS in which distances are measured (SWEREF 99 TM by default)
 * @param maxBodyBytes the largest request body accepted by the JSON API
 * @param basemap      the background map's tile URL template and attribution
 * @param photos       limits of photo uploads
 * @param maxGeometryBodyBytes the largest body that carries geometry: a walk track (20 000 points
 *                     of up to about 60 bytes each) or a dialogue with a detailed study area;
 *                     0 means 2 MB
 */
@ConfigurationProperties("dialogkarta")
public record DialogkartaProperties(boolean demoData, int metricSrid, long maxBodyBytes, Basemap basemap,
    Photos photos, long maxGeometryBodyBytes) {

  static final long DEFAULT_MAX_GEOMETRY_BODY_BYTES = 2L * 1024 * 1024;

  @ConstructorBinding
  public DialogkartaProperties {
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("dialogkarta.max-body-bytes must be positive");
    }
    if (maxGeometryBodyBytes < 0) {
      throw new IllegalArgumentException("dialogkarta.max-geometry-body-bytes must be positive");
    }
    if (maxGeometryBodyBytes == 0) {
      maxGeometryBodyBytes = DEFAULT_MAX_GEOMETRY_BODY_BYTES;
    }
    if (basemap == null) {
      basemap = new Basemap("", "", 19);
    }
    if (photos == null) {
      photos = Photos.DEFAULTS;
    }
  }

  /** For code and tests that do not care about photos or tracks. */
  public DialogkartaProperties(boolean demoData, int metricSrid, long maxBodyBytes, Basemap basemap) {
    this(demoData, metricSrid, maxBodyBytes, basemap, null, 0);
  }

  /** An empty {@code url} means no background map: pins, form and list still work. */
  public record Basemap(String url, String attribution, int maxZoom) {}

  /**
   * @param maxBytes          the largest photo file accepted (the multipart limits in
   *                          application.properties sit a little above it, so this check answers)
   * @param maxPerPin         how many photos one pin may have
   * @param concurrentDecodes how many photos are decoded at once: each decode holds tens of
   *                          megabytes of pixels, so a burst of uploads must queue, not multiply
   */
  public record Photos(long maxBytes, int maxPerPin, int concurrentDecodes) {

    static final Photos DEFAULTS = new Photos(10L * 1024 * 1024, 3, 2);

    public Photos {
      if (maxBytes <= 0 || maxPerPin <= 0 || concurrentDecodes <= 0) {
        throw new IllegalArgumentException("dialogkarta.photos.* limits must be positive");
      }
    }
  }
}
