package org.dialogkarta.feed;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.dialogkarta.kernel.Messages;

/**
 * Writes an Atom 1.0 feed (RFC 4287) with the JDK's {@link XMLStreamWriter}, which escapes every
 * text and attribute: what citizens wrote is only ever character data.
 */
final class AtomWriter {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private AtomWriter() {}

  /**
   * @param base    the site's origin, e.g. {@code https://dialog.kommun.se}
   * @param selfUrl the feed's own address
   * @param feedId  a stable identity of the feed (a tag URI)
   */
  static String write(String lang, String base, String selfUrl, String feedId, String title, String subtitle,
      String alternateUrl, List<FeedEntry> entries) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XML.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("feed");
      w.writeDefaultNamespace(ATOM);
      w.writeAttribute("xml:lang", lang);
      text(w, "id", feedId);
      text(w, "title", title);
      if (subtitle != null && !subtitle.isBlank()) {
        text(w, "subtitle", subtitle);
      }
      OffsetDateTime updated = entries.isEmpty() ? OffsetDateTime.now(ZoneOffset.UTC) : entries.getFirst().at();
      text(w, "updated", time(updated));
      link(w, "self", selfUrl, "application/atom+xml");
      link(w, "alternate", alternateUrl, "text/html");
      w.writeStartElement("author");
      text(w, "name", Messages.text(lang, "app.name", Map.of()));
      w.writeEndElement();
      text(w, "generator", "Dialogkarta");
      for (FeedEntry e : entries) {
        entry(w, lang, base, feedId, e);
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write the feed", e);
    }
    return out.toString();
  }

  private static void entry(XMLStreamWriter w, String lang, String base, String feedId, FeedEntry e)
      throws XMLStreamException {
    Map<String, Object> vars = Map.of("id", e.pinId(),
        "category", Messages.text(lang, "category." + e.category(), Map.of()),
        "from", e.fromStatus() == null ? "" : status(lang, e.fromStatus()),
        "to", e.toStatus() == null ? "" : status(lang, e.toStatus()));
    String content = switch (e.kind()) {
      case "status" -> Messages.text(lang, "feed.entry.statusText", vars);
      default -> e.text() == null ? Messages.text(lang, "feed.entry.textDeleted", Map.of()) : e.text();
    };
    w.writeStartElement("entry");
    text(w, "id", feedId.replaceFirst(":feed:.*$", "") + ":" + e.kind() + ":" + e.itemId());
    text(w, "title", Messages.text(lang, "feed.entry." + e.kind(), vars));
    text(w, "updated", time(e.at()));
    text(w, "published", time(e.at()));
    link(w, "alternate", base + "/dialoger/" + e.dialogueSlug() + "?pin=" + e.pinId(), "text/html");
    w.writeStartElement("category");
    w.writeAttribute("term", e.category());
    w.writeAttribute("label", Messages.text(lang, "category." + e.category(), Map.of()));
    w.writeEndElement();
    w.writeStartElement("content");
    w.writeAttribute("type", "text");
    w.writeCharacters(content);
    w.writeEndElement();
    w.writeEndElement();
  }

  private static String status(String lang, String code) {
    try {
      return Messages.text(lang, "pinStatus." + code, Map.of());
    } catch (java.util.MissingResourceException unknown) {
      return code;
    }
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("type", type);
    w.writeAttribute("href", href);
  }

  private static String time(OffsetDateTime at) {
    return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
