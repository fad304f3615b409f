package org.dialogkarta.export;

import java.util.List;

/**
 * The QGIS style (QML) stored with each layer in a GeoPackage's {@code layer_styles} table, which
 * QGIS applies when the layer is opened: pins by category in the same colours as the pages and
 * KML (a categorized renderer on {@code category}), other layers as one plain symbol.
 */
final class QgisStyle {

  private QgisStyle() {}

  static String qml(LayerSchema schema) {
    StringBuilder renderer = new StringBuilder();
    if (schema.indexOf("category") >= 0) {
      renderer.append(categorized("category", schema.geometry(), CategoryStyle.ALL));
    } else if (schema.indexOf("class") >= 0) {
      // Hotspot cells as the analysis map and ArcGIS show them: reds hot, blues cold, grey not significant.
      List<CategoryStyle> classes = List.of(
          new CategoryStyle("hot_99", "Hot spot 99 %", 0xb2, 0x18, 0x2b),
          new CategoryStyle("hot_95", "Hot spot 95 %", 0xef, 0x8a, 0x62),
          new CategoryStyle("hot_90", "Hot spot 90 %", 0xfd, 0xdb, 0xc7),
          new CategoryStyle("not_significant", "Inte signifikant", 0xf7, 0xf7, 0xf7),
          new CategoryStyle("cold_90", "Cold spot 90 %", 0xd1, 0xe5, 0xf0),
          new CategoryStyle("cold_95", "Cold spot 95 %", 0x67, 0xa9, 0xcf),
          new CategoryStyle("cold_99", "Cold spot 99 %", 0x21, 0x66, 0xac));
      renderer.append(categorized("class", schema.geometry(), classes));
    } else {
      renderer.append("<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
          + "<symbols>\n").append(symbol(schema.geometry(), "0", CategoryStyle.OTHER))
          .append("</symbols>\n</renderer-v2>\n");
    }
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        + "<qgis version=\"3.28.0\" styleCategories=\"Symbology\">\n" + renderer + "</qgis>\n";
  }

  /** A categorized renderer on {@code attribute}: one symbol per value, labelled. */
  private static String categorized(String attribute, GeometryKind geometry, List<CategoryStyle> values) {
    StringBuilder b = new StringBuilder("<renderer-v2 type=\"categorizedSymbol\" attr=\"" + attribute
        + "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n<categories>\n");
    for (int i = 0; i < values.size(); i++) {
      CategoryStyle s = values.get(i);
      b.append("<category symbol=\"%d\" value=\"%s\" label=\"%s\" render=\"true\"/>\n"
          .formatted(i, s.category(), s.label()));
    }
    b.append("</categories>\n<symbols>\n");
    for (int i = 0; i < values.size(); i++) {
      b.append(symbol(geometry, Integer.toString(i), values.get(i)));
    }
    return b.append("</symbols>\n</renderer-v2>\n").toString();
  }

  private static String symbol(GeometryKind geometry, String name, CategoryStyle s) {
    return switch (geometry) {
      case POINT -> """
          <symbol type="marker" name="%s" alpha="1" clip_to_extent="1" force_rhr="0">
           <layer class="SimpleMarker" enabled="1" pass="0" locked="0"><Option type="Map">
            <Option name="color" type="QString" value="%s"/>
            <Option name="name" type="QString" value="circle"/>
            <Option name="outline_color" type="QString" value="255,255,255,255"/>
            <Option name="outline_width" type="QString" value="0.4"/>
            <Option name="size" type="QString" value="3"/>
           </Option></layer>
          </symbol>
          """.formatted(name, s.qgisColour());
      case LINESTRING, MULTILINESTRING -> """
          <symbol type="line" name="%s" alpha="1" clip_to_extent="1" force_rhr="0">
           <layer class="SimpleLine" enabled="1" pass="0" locked="0"><Option type="Map">
            <Option name="line_color" type="QString" value="%s"/>
            <Option name="line_width" type="QString" value="0.8"/>
           </Option></layer>
          </symbol>
          """.formatted(name, s.qgisColour());
      case POLYGON, MULTIPOLYGON, GEOMETRY -> """
          <symbol type="fill" name="%s" alpha="0.5" clip_to_extent="1" force_rhr="0">
           <layer class="SimpleFill" enabled="1" pass="0" locked="0"><Option type="Map">
            <Option name="color" type="QString" value="%s"/>
            <Option name="outline_color" type="QString" value="%s"/>
            <Option name="outline_width" type="QString" value="0.5"/>
           </Option></layer>
          </symbol>
          """.formatted(name, s.qgisColour(), s.qgisColour());
    };
  }
}
