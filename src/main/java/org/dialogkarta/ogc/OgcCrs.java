package org.dialogkarta.ogc;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.geo.OfferedCrs;

/**
 * A coordinate reference system offered by the OGC API (Part 2, CRS by reference), named by its
 * OGC URI. Coordinates are written, and {@code bbox} and filter geometries read, in the axis
 * order the CRS's authority defines, as Part 2 asks (the answer's {@code Content-Crs} names the
 * CRS): CRS84 (longitude, latitude; the default, and what GeoJSON means without a CRS) and Web
 * Mercator easting first; EPSG:4326 latitude first; SWEREF 99 TM, its local zones and RT90
 * northing first (N, E, as EPSG and Lantmäteriet write them). PostGIS stores and transforms in
 * x/y order, so those answers have their coordinates swapped.
 *
 * @param northingFirst whether the CRS's first axis points north (latitude or northing)
 * @param degrees whether coordinates are in degrees (7 decimals, about a centimetre) rather than
 *                metres (3 decimals)
 */
record OgcCrs(String uri, int srid, boolean northingFirst, boolean degrees) {

  static final String EPSG_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";
  static final OgcCrs CRS84 = new OgcCrs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false, true);
  static final OgcCrs EPSG_4326 = new OgcCrs(EPSG_PREFIX + "4326", 4326, true, true);

  /** CRS84 first, then SWEREF 99 TM and its local zones, RT90, WGS84 in EPSG order and Web Mercator. */
  static final List<OgcCrs> SUPPORTED;

  static {
    List<OgcCrs> all = new ArrayList<>();
    all.add(CRS84);
    for (int srid : OfferedCrs.EPSG_CODES) {
      all.add(srid == 4326 ? EPSG_4326 : new OgcCrs(EPSG_PREFIX + srid, srid, srid != 3857, false));
    }
    SUPPORTED = List.copyOf(all);
  }

  /** Decimal places written in GeoJSON: about a centimetre in degrees, a millimetre in metres. */
  int decimals() {
    return degrees ? 7 : 3;
  }

  /** The parameter's value, or CRS84 when it is absent; an unknown CRS is a 400. */
  static OgcCrs parse(String parameter, String value) {
    if (value == null) {
      return CRS84;
    }
    String uri = value.strip();
    for (OgcCrs crs : SUPPORTED) {
      if (crs.uri.equals(uri)) {
        return crs;
      }
    }
    throw OgcBadRequest.of(parameter, "Unsupported CRS '" + value + "'; use one of the URIs listed in the"
        + " collection's 'crs' member, e.g. " + EPSG_PREFIX + "3006");
  }

  static List<String> uris() {
    return SUPPORTED.stream().map(OgcCrs::uri).toList();
  }
}
