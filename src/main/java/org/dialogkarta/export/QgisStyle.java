package org.dialogkarta.export;

import java.util.List;

/**
 * The QGIS style (QML) of a layer, from its LayerLook: stored with each layer in a GeoPackage's
 * {@code layer_styles} table and as {@code <layer>.qml} beside a Shapefile, where QGIS applies it
 * when the layer is opened.
 */
final class QgisStyle {

  private QgisStyle() {}

  static String qml(LayerSchema schema) {
    LayerLook look = LayerLook.of(schema);
    StringBuilder renderer = new StringBuilder();
    if (look.categorized()) {
      renderer.append(categorized(look, schema.geometry()));
    } else {
      renderer.append("<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
          + "<symbols>\n").append(symbol(schema.geometry(), "0", look.classes().getFirst(), look))
          .append("</symbols>\n</renderer-v2>\n");
    }
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        + "<qgis version=\"3.28.0\" styleCategories=\"Symbology\">\n" + renderer + "</qgis>\n";
  }

  /** A categorized renderer on {@code attribute}: one symbol per value, labelled. */
  private static String categorized(LayerLook look, GeometryKind geometry) {
    List<CategoryStyle> values = look.classes();
    StringBuilder b = new StringBuilder("<renderer-v2 type=\"categorizedSymbol\" attr=\"" + look.attribute()
        + "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n<categories>\n");
    for (int i = 0; i < values.size(); i++) {
      CategoryStyle s = values.get(i);
      b.append("<category symbol=\"%d\" value=\"%s\" label=\"%s\" render=\"true\"/>\n"
          .formatted(i, s.category(), s.label()));
    }
    b.append("</categories>\n<symbols>\n");
    for (int i = 0; i < values.size(); i++) {
      b.append(symbol(geometry, Integer.toString(i), values.get(i), look));
    }
    return b.append("</symbols>\n</renderer-v2>\n").toString();
  }

  private static String symbol(GeometryKind geometry, String name, CategoryStyle s, LayerLook look) {
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
          <symbol type="fill" name="%s" alpha="1" clip_to_extent="1" force_rhr="0">
           <layer class="SimpleFill" enabled="1" pass="0" locked="0"><Option type="Map">
            <Option name="color" type="QString" value="%s"/>
            <Option name="style" type="QString" value="%s"/>
            <Option name="outline_color" type="QString" value="%s"/>
            <Option name="outline_style" type="QString" value="%s"/>
            <Option name="outline_width" type="QString" value="%s"/>
           </Option></layer>
          </symbol>
          """.formatted(name, s.qgisColour((int) Math.round(look.fillOpacity() * 255)),
              look.fillOpacity() == 0 ? "no" : "solid", s.qgisColour(), look.dashed() ? "dash" : "solid",
              look.outlineWidth());
    };
  }
}
