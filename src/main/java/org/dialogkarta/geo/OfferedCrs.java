package org.dialogkarta.geo;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The coordinate systems data is handed out in (file exports and the OGC API): SWEREF 99 TM
 * (EPSG:3006), the twelve SWEREF 99 local zones (3007–3018) that municipalities keep their base
 * maps in, RT90 2.5 gon V (3021) for older systems that still run on it, WGS84 (4326) and Web
 * Mercator (3857). One list, so exports and the live layers offer the same. PostGIS transforms to
 * RT90 with the 7-parameter Helmert shift in its spatial_ref_sys (about a metre, as GDAL's).
 */
public final class OfferedCrs {

  /** In the order they are offered: SWEREF 99 TM and its zones, RT90, then WGS84 and Web Mercator. */
  public static final List<Integer> EPSG_CODES = Stream.concat(
      IntStream.rangeClosed(3006, 3018).boxed(), Stream.of(3021, 4326, 3857)).toList();

  private OfferedCrs() {}

  public static boolean offered(int epsg) {
    return EPSG_CODES.contains(epsg);
  }
}
