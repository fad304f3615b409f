package org.dialogkarta.analysis;

import java.util.Locale;

/**
 * What a hexagon is, as ArcGIS's Hot Spot Analysis reports it: a hot spot (many pins among many)
 * or a cold spot at 99, 95 or 90 % confidence, judged on the FDR-adjusted p-value, or not
 * significant.
 */
public enum HotspotClass {
  HOT_99(99), HOT_95(95), HOT_90(90), NOT_SIGNIFICANT(0), COLD_90(90), COLD_95(95), COLD_99(99);

  private final int confidence;

  HotspotClass(int confidence) {
    this.confidence = confidence;
  }

  /** 99, 95, 90, or 0 when not significant. */
  public int confidence() {
    return confidence;
  }

  public boolean isHot() {
    return this == HOT_99 || this == HOT_95 || this == HOT_90;
  }

  /** hot_99, ..., not_significant, ..., cold_99. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The class of a z-score whose (adjusted) p-value is {@code p}; NaN is not significant. */
  public static HotspotClass of(double z, double p) {
    if (Double.isNaN(z) || Double.isNaN(p) || z == 0) {
      return NOT_SIGNIFICANT;
    }
    boolean hot = z > 0;
    if (p <= 0.01) {
      return hot ? HOT_99 : COLD_99;
    }
    if (p <= 0.05) {
      return hot ? HOT_95 : COLD_95;
    }
    if (p <= 0.10) {
      return hot ? HOT_90 : COLD_90;
    }
    return NOT_SIGNIFICANT;
  }
}
