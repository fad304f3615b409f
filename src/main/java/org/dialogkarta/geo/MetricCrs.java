package org.dialogkarta.geo;

import org.dialogkarta.kernel.DialogkartaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The projected CRS in which distances and areas are measured (SWEREF 99 TM, EPSG:3006, unless
 * configured otherwise). Checked against PostGIS's {@code spatial_ref_sys} at start, so that a
 * typo or a degree-based CRS stops the service with a clear message instead of giving wrong
 * distances later.
 */
@Component
public class MetricCrs {

  private final int srid;

  MetricCrs(DialogkartaProperties properties, JdbcClient jdbc) {
    this.srid = properties.metricSrid();
    String proj4 = jdbc.sql("SELECT proj4text FROM spatial_ref_sys WHERE srid = :srid")
        .param("srid", srid)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new IllegalStateException(
            "dialogkarta.metric-srid=" + srid + " is not a CRS that PostGIS knows"));
    if (!proj4.contains("+units=m")) {
      throw new IllegalStateException("dialogkarta.metric-srid=" + srid
          + " is not a projected CRS in metres (" + proj4.strip() + "); use e.g. 3006 (SWEREF 99 TM)");
    }
  }

  public int srid() {
    return srid;
  }
}
