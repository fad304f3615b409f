package org.dialogkarta.export;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.geo.OfferedCrs;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * A CRS an export may be written in: SWEREF 99 TM (EPSG:3006, the default), the twelve SWEREF 99
 * local zones (3007–3018) that municipalities keep their base maps in, RT90 2.5 gon V (3021) for
 * older systems, WGS84 (4326) and Web Mercator (3857). Given as {@code EPSG:3010}, {@code 3010} or the OGC URI
 * {@code http://www.opengis.net/def/crs/EPSG/0/3010}.
 */
record ExportCrs(int epsg) {

  static final ExportCrs SWEREF99_TM = new ExportCrs(3006);
  static final ExportCrs WGS84 = new ExportCrs(4326);

  private static final Pattern CODE = Pattern.compile(
      "(?:EPSG:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/0/)?(\\d{1,6})");

  ExportCrs {
    if (!allowed(epsg)) {
      throw unknown("EPSG:" + epsg);
    }
  }

  static ExportCrs parse(String given) {
    Matcher m = CODE.matcher(given.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw unknown(given);
    }
    int code = Integer.parseInt(m.group(1));
    if (!allowed(code)) {
      throw unknown(given); // in the caller's own spelling
    }
    return new ExportCrs(code);
  }

  static boolean allowed(int epsg) {
    return OfferedCrs.offered(epsg);
  }

  boolean geographic() {
    return epsg == 4326;
  }

  String code() {
    return "EPSG:" + epsg;
  }

  private static InvalidInputException unknown(String given) {
    return InvalidInputException.of("crs", "export.crs.unknown", "CRS '" + given
        + "' is not offered; use EPSG:3006 (SWEREF 99 TM), a SWEREF 99 local zone EPSG:3007–3018,"
        + " EPSG:3021 (RT90 2.5 gon V), EPSG:4326 (WGS84) or EPSG:3857 (Web Mercator)");
  }
}
