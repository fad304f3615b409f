package org.dialogkarta.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GeoReport's XML format: a root element ({@code services}, {@code service_requests},
 * {@code errors}) holding one element per item ({@code service}, {@code request}, {@code error}),
 * and each field an element of its name, empty when null. Written with the JDK's
 * {@link XMLStreamWriter}, which escapes every text.
 */
final class Open311Xml {

  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private Open311Xml() {}

  /** One element {@code root} whose children are the fields (a service definition). */
  static String writeOne(String root, Map<String, Object> fields) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XML.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement(root);
      fields(w, fields);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write Open311 XML", e);
    }
    return out.toString();
  }

  static String write(String root, String item, List<Map<String, Object>> items) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XML.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement(root);
      for (Map<String, Object> fields : items) {
        w.writeStartElement(item);
        fields(w, fields);
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write Open311 XML", e);
    }
    return out.toString();
  }

  private static void fields(XMLStreamWriter w, Map<String, Object> fields) throws XMLStreamException {
    for (Map.Entry<String, Object> f : fields.entrySet()) {
      w.writeStartElement(f.getKey());
      if (f.getValue() != null) {
        w.writeCharacters(String.valueOf(f.getValue()));
      }
      w.writeEndElement();
    }
  }
}
