package org.dialogkarta.support;

/** The slippy-map tile holding a place, by the formula Leaflet and every tile server use. */
public final class SlippyTiles {

  private SlippyTiles() {}

  /** {x, y} of the tile at zoom {@code z} that holds (lon, lat). */
  public static int[] of(double lon, double lat, int z) {
    double n = Math.pow(2, z);
    int x = (int) Math.floor((lon + 180) / 360 * n);
    double r = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return new int[] {x, y};
  }
}
