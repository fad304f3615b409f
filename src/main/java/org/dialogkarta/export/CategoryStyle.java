package org.dialogkarta.export;

import java.util.List;

/**
 * One colour per pin category, the same in KML, the GeoPackage's QGIS style and the pages, so a
 * safety concern is red wherever GIS staff look at it.
 */
record CategoryStyle(String category, String label, int red, int green, int blue) {

  static final List<CategoryStyle> ALL = List.of(
      new CategoryStyle("suggestion", "Förslag", 0x1f, 0x6f, 0xb4),
      new CategoryStyle("safety_concern", "Trygghetsproblem", 0xc6, 0x28, 0x28),
      new CategoryStyle("service_gap", "Saknad service", 0xe0, 0x8a, 0x00),
      new CategoryStyle("valued_place", "Uppskattad plats", 0x2e, 0x7d, 0x32));

  /** The default for features of other layers: dark grey. */
  static final CategoryStyle OTHER = new CategoryStyle("other", "Övrigt", 0x44, 0x44, 0x44);

  /** KML's colour order: alpha, blue, green, red. */
  String kmlColour(int alpha) {
    return "%02x%02x%02x%02x".formatted(alpha, blue, green, red);
  }

  /** QGIS's "r,g,b,a". */
  String qgisColour() {
    return qgisColour(255);
  }

  String qgisColour(int alpha) {
    return red + "," + green + "," + blue + "," + alpha;
  }

  /** "#rrggbb", as SLD writes a colour. */
  String hex() {
    return "#%02x%02x%02x".formatted(red, green, blue);
  }
}
