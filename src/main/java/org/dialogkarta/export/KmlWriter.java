package org.dialogkarta.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * KML 2.2 for Google Earth: WGS84 by definition, one shared {@code <Style>} per pin category
 * (coloured icon, line and area) referred to by each placemark, the fields as
 * {@code ExtendedData}. The XML writer escapes all text, so whatever a citizen typed stays text.
 */
final class KmlWriter implements ExportWriter {

  private static final String NS = "http://www.opengis.net/kml/2.2";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private final XMLStreamWriter xml;
  private final Geometries geometries = new Geometries();
  private List<Field> fields;
  private int category;
  private int text;

  KmlWriter(OutputStream out) throws IOException {
    try {
      xml = XML.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(NS);
      xml.writeStartElement(NS, "kml");
      xml.writeDefaultNamespace(NS);
      xml.writeStartElement("Document");
      element("name", "Dialogkarta");
      for (CategoryStyle s : CategoryStyle.ALL) {
        style(s);
      }
      style(CategoryStyle.OTHER);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void startLayer(LayerSchema schema) throws IOException {
    fields = schema.fields();
    category = schema.indexOf("category");
    text = schema.indexOf("text");
    try {
      xml.writeStartElement("Folder");
      element("name", schema.title());
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void write(Feature feature) throws IOException {
    Object[] values = feature.values();
    String cat = category >= 0 && values[category] != null ? (String) values[category] : null;
    String label = cat == null ? null : CategoryStyle.ALL.stream().filter(s -> s.category().equals(cat))
        .map(CategoryStyle::label).findFirst().orElse(cat);
    try {
      xml.writeStartElement("Placemark");
      element("name", (label == null ? "" : label + " ") + "#" + values[0]);
      if (text >= 0 && values[text] != null) {
        element("description", (String) values[text]);
      }
      element("styleUrl", "#" + (label == null ? CategoryStyle.OTHER.category() : cat));
      xml.writeStartElement("ExtendedData");
      for (int i = 0; i < fields.size(); i++) {
        if (values[i] != null) {
          xml.writeStartElement("Data");
          xml.writeAttribute("name", fields.get(i).name());
          element("value", values[i] instanceof OffsetDateTime t ? Field.iso(t) : values[i].toString());
          xml.writeEndElement();
        }
      }
      xml.writeEndElement();
      geometry(geometries.read(feature.wkb()));
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void endLayer() throws IOException {
    try {
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void finish() throws IOException {
    try {
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void style(CategoryStyle s) throws XMLStreamException {
    xml.writeStartElement("Style");
    xml.writeAttribute("id", s.category());
    xml.writeStartElement("IconStyle");
    element("color", s.kmlColour(255));
    xml.writeStartElement("Icon");
    element("href", "http://maps.google.com/mapfiles/kml/paddle/wht-blank.png");
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement("LineStyle");
    element("color", s.kmlColour(255));
    element("width", "3");
    xml.writeEndElement();
    xml.writeStartElement("PolyStyle");
    element("color", s.kmlColour(0x55));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void geometry(Geometry g) throws XMLStreamException {
    switch (g) {
      case Point p -> {
        xml.writeStartElement("Point");
        coordinates(p.getCoordinates());
        xml.writeEndElement();
      }
      case LineString line -> {
        xml.writeStartElement("LineString");
        element("tessellate", "1");
        coordinates(line.getCoordinates());
        xml.writeEndElement();
      }
      case Polygon polygon -> {
        xml.writeStartElement("Polygon");
        ring("outerBoundaryIs", polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
          ring("innerBoundaryIs", polygon.getInteriorRingN(i));
        }
        xml.writeEndElement();
      }
      default -> {
        xml.writeStartElement("MultiGeometry");
        for (int i = 0; i < g.getNumGeometries(); i++) {
          geometry(g.getGeometryN(i));
        }
        xml.writeEndElement();
      }
    }
  }

  private void ring(String name, LineString ring) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeStartElement("LinearRing");
    coordinates(ring.getCoordinates());
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void coordinates(Coordinate[] coordinates) throws XMLStreamException {
    StringBuilder b = new StringBuilder(coordinates.length * 24);
    for (Coordinate c : coordinates) {
      if (!b.isEmpty()) {
        b.append(' ');
      }
      b.append(Geometries.round(c.x, true)).append(',').append(Geometries.round(c.y, true));
    }
    element("coordinates", b.toString());
  }

  private void element(String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }
}
