package org.dialogkarta.export;

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
      renderer.append("<renderer-v2 type=\"categorizedSymbol\" attr=\"category\" symbollevels=\"0\""
          + " enableorderby=\"0\" forceraster=\"0\">\n<categories>\n");
      for (int i = 0; i < CategoryStyle.ALL.size(); i++) {
        CategoryStyle s = CategoryStyle.ALL.get(i);
        renderer.append("<category symbol=\"%d\" value=\"%s\" label=\"%s\" render=\"true\"/>\n"
            .formatted(i, s.category(), s.label()));
      }
      renderer.append("</categories>\n<symbols>\n");
      for (int i = 0; i < CategoryStyle.ALL.size(); i++) {
        renderer.append(symbol(schema.geometry(), Integer.toString(i), CategoryStyle.ALL.get(i)));
      }
      renderer.append("</symbols>\n</renderer-v2>\n");
    } else {
      renderer.append("<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
          + "<symbols>\n").append(symbol(schema.geometry(), "0", CategoryStyle.OTHER))
          .append("</symbols>\n</renderer-v2>\n");
    }
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        + "<qgis version=\"3.28.0\" styleCategories=\"Symbology\">\n" + renderer + "</qgis>\n";
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
      case MULTIPOLYGON, GEOMETRY -> """
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
