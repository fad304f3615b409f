package org.dialogkarta.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code dialogkarta.*}, each overridable by an environment variable (see
 * application.properties for the variable names).
 *
 * @param demoData     load the demo municipality on start, once
 * @param metricSrid   the metric CRS in which distances are measured (SWEREF 99 TM by default)
 * @param maxBodyBytes the largest request body accepted by the JSON API
 * @param basemap      the background map's tile URL template and attribution
 */
@ConfigurationProperties("dialogkarta")
public record DialogkartaProperties(boolean demoData, int metricSrid, long maxBodyBytes, Basemap basemap) {

  public DialogkartaProperties {
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("dialogkarta.max-body-bytes must be positive");
    }
    if (basemap == null) {
      basemap = new Basemap("", "", 19);
    }
  }

  /** An empty {@code url} means no background map: pins, form and list still work. */
  public record Basemap(String url, String attribution, int maxZoom) {}
}
