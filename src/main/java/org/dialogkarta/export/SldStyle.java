package org.dialogkarta.export;

import java.util.Locale;
import org.unbescape.xml.XmlEscape;

/**
 * The same look as QgisStyle, written as OGC Styled Layer Descriptor 1.1 (with Symbology
 * Encoding 1.1), for the clients that read SLD rather than QML: one rule per class with a filter
 * on the class attribute, or one rule for all.
 */
final class SldStyle {

  private SldStyle() {}

  static String sld(LayerSchema schema) {
    LayerLook look = LayerLook.of(schema);
    StringBuilder rules = new StringBuilder();
    for (CategoryStyle s : look.classes()) {
      rules.append("    <se:Rule>\n")
          .append("     <se:Name>").append(xml(s.label())).append("</se:Name>\n")
          .append("     <se:Description><se:Title>").append(xml(s.label())).append("</se:Title></se:Description>\n");
      if (look.categorized()) {
        rules.append("     <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>").append(xml(look.attribute()))
            .append("</ogc:PropertyName><ogc:Literal>").append(xml(s.category()))
            .append("</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>\n");
      }
      rules.append(symbolizer(schema.geometry(), s, look)).append("    </se:Rule>\n");
    }
    String name = xml(schema.name());
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" \
        xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc" \
        xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
         <NamedLayer>
          <se:Name>%s</se:Name>
          <UserStyle>
           <se:Name>%s</se:Name>
           <se:FeatureTypeStyle>
        %s   </se:FeatureTypeStyle>
          </UserStyle>
         </NamedLayer>
        </StyledLayerDescriptor>
        """.formatted(name, name, rules);
  }

  private static String symbolizer(GeometryKind geometry, CategoryStyle s, LayerLook look) {
    return switch (geometry) {
      case POINT -> """
               <se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName>
                <se:Fill><se:SvgParameter name="fill">%s</se:SvgParameter></se:Fill>
                <se:Stroke><se:SvgParameter name="stroke">#ffffff</se:SvgParameter><se:SvgParameter name="stroke-width">1</se:SvgParameter></se:Stroke>
               </se:Mark><se:Size>11</se:Size></se:Graphic></se:PointSymbolizer>
          """.formatted(s.hex());
      case LINESTRING, MULTILINESTRING -> "     <se:LineSymbolizer>" + stroke(s, 2, false) + "</se:LineSymbolizer>\n";
      case POLYGON, MULTIPOLYGON, GEOMETRY -> "     <se:PolygonSymbolizer>"
          + (look.fillOpacity() == 0 ? "" : "<se:Fill><se:SvgParameter name=\"fill\">" + s.hex()
              + "</se:SvgParameter><se:SvgParameter name=\"fill-opacity\">" + number(look.fillOpacity())
              + "</se:SvgParameter></se:Fill>")
          + stroke(s, look.outlineWidth() * 3, look.dashed()) + "</se:PolygonSymbolizer>\n";
    };
  }

  /** A stroke; widths in pixels (QGIS's millimetres times about three). */
  private static String stroke(CategoryStyle s, double width, boolean dashed) {
    return "<se:Stroke><se:SvgParameter name=\"stroke\">" + s.hex() + "</se:SvgParameter>"
        + "<se:SvgParameter name=\"stroke-width\">" + number(width) + "</se:SvgParameter>"
        + (dashed ? "<se:SvgParameter name=\"stroke-dasharray\">6 3</se:SvgParameter>" : "") + "</se:Stroke>";
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String xml(String text) {
    return XmlEscape.escapeXml11(text);
  }
}
