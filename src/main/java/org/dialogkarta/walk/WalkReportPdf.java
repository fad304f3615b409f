package org.dialogkarta.walk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dialogkarta.kernel.Messages;
import org.dialogkarta.report.document.HtmlEscape;
import org.dialogkarta.report.document.MapFigure;
import org.dialogkarta.report.document.MapPainter;
import org.dialogkarta.report.document.PdfReportWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The walk report as an accessible PDF (PDF/UA, tagged, {@code lang="sv"}), laid out by the
 * dialogue report's writer ({@link PdfReportWriter#writeXhtml}) and with its map drawn by the same
 * {@link MapPainter} in SWEREF 99 TM: the facts, the meetings with attendance counts, every
 * checklist stop with its scores and the groups' photos, the pins along the way with their photos, the action plan as a table and, for a
 * repeat walk, the comparison. In Swedish, the municipality's language of record.
 */
@Component
class WalkReportPdf {

  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.forLanguageTag("sv"));

  private final PdfReportWriter writer;
  private final MapPainter painter;
  private final JdbcClient jdbc;

  WalkReportPdf(PdfReportWriter writer, MapPainter painter, JdbcClient jdbc) {
    this.writer = writer;
    this.painter = painter;
    this.jdbc = jdbc;
  }

  byte[] write(WalkReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.writeXhtml(xhtml(report), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  String xhtml(WalkReport r) {
    Walk w = r.walk();
    WalkMethod m = r.method();
    StringBuilder h = new StringBuilder(64 * 1024);
    String title = text("title", Map.of("title", w.title()));
    h.append("<!DOCTYPE html>\n<html lang=\"sv\" xml:lang=\"sv\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
        .append("<meta charset=\"UTF-8\" />\n<title>").append(e(title)).append("</title>\n")
        .append("<meta name=\"subject\" content=\"").append(e(text("subject", Map.of("dialogue", w.dialogue().title()))))
        .append("\" />\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<h1>").append(e(title)).append("</h1>\n");
    h.append("<p>").append(e(text("dialogue", Map.of("title", w.dialogue().title())))).append("</p>\n");
    h.append("<dl>");
    fact(h, "time", TIME.format(w.startsAt().atZone(ZONE)) + " – " + TIME.format(w.endsAt().atZone(ZONE)));
    fact(h, "meetingPoint", w.meetingPointName());
    fact(h, "pins", String.valueOf(r.stops().size()));
    h.append("</dl>\n");

    h.append("<h2>").append(e(text("meetings", Map.of()))).append("</h2>\n");
    if (m.meetings().isEmpty()) {
      h.append("<p>").append(e(text("noMeetings", Map.of()))).append("</p>\n");
    } else {
      h.append("<table><thead><tr>");
      for (String c : List.of("meeting", "date", "residents", "police", "housingCompany", "municipality", "other", "total")) {
        h.append("<th scope=\"col\">").append(e(text("col." + c, Map.of()))).append("</th>");
      }
      h.append("</tr></thead><tbody>\n");
      for (WalkMeetings.Meeting mt : m.meetings()) {
        WalkMeetings.Attendance a = mt.attendance();
        h.append("<tr><th scope=\"row\">").append(e(text("meeting." + mt.kind(), Map.of()))).append("</th>");
        cells(h, day(mt.heldOn()), n(a.residents()), n(a.police()), n(a.housingCompany()), n(a.municipality()), n(a.other()),
            String.valueOf(a.total()));
        h.append("</tr>\n");
      }
      h.append("</tbody></table>\n");
      for (WalkMeetings.Meeting mt : m.meetings()) {
        if (mt.notes() != null) {
          h.append("<h3>").append(e(text("notesOf", Map.of("meeting", text("meeting." + mt.kind(), Map.of()))))).append("</h3>\n")
              .append("<p>").append(e(mt.notes())).append("</p>\n");
        }
      }
    }

    h.append("<h2>").append(e(text("map", Map.of()))).append("</h2>\n");
    MapFigure figure = map(r);
    if (figure != null) {
      h.append("<figure><img class=\"map\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(painter.png(figure))).append("\" alt=\"")
          .append(e(figure.altText())).append("\" /><figcaption>").append(e(figure.caption())).append("</figcaption></figure>\n");
    }

    h.append("<h2>").append(e(text("stops", Map.of()))).append("</h2>\n");
    h.append("<p>").append(e(text("scale", Map.of("min", m.scale().min(), "max", m.scale().max())))).append("</p>\n");
    Map<Long, Checklists.Item> items = new HashMap<>();
    m.items().forEach(i -> items.put(i.id(), i));
    int n = 1;
    for (WalkMethod.StopScores s : m.stops()) {
      h.append("<h3>").append(e(text("stop", Map.of("n", n++, "name", s.stop().name())))).append("</h3>\n");
      h.append("<p>").append(e(s.average() == null ? text("unrated", Map.of())
          : plural("average", s.ratingSets(), Map.of("average", score(s.average()))))).append("</p>\n");
      if (!s.items().isEmpty()) {
        h.append("<table><thead><tr><th scope=\"col\">").append(e(text("col.question", Map.of())))
            .append("</th><th scope=\"col\">").append(e(text("col.score", Map.of()))).append("</th><th scope=\"col\">")
            .append(e(text("col.count", Map.of()))).append("</th></tr></thead><tbody>\n");
        for (WalkMethod.ItemScore is : s.items()) {
          Checklists.Item item = items.get(is.itemId());
          h.append("<tr><th scope=\"row\">").append(e(item == null ? "?" : item.wording())).append("</th>");
          cells(h, score(is.average()), String.valueOf(is.count()));
          h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
      }
      for (String c : s.comments()) {
        h.append("<p class=\"quote\">").append(e(c)).append("</p>\n");
      }
      List<byte[]> ratingPhotos = ratingThumbnails(w.id(), s.photos());
      for (int i = 0; i < ratingPhotos.size(); i++) {
        photo(h, ratingPhotos.get(i), text("ratingPhotoAlt",
            Map.of("n", n - 1, "name", s.stop().name(), "i", i + 1, "count", ratingPhotos.size())));
      }
    }

    h.append("<h2>").append(e(text("pinsHeading", Map.of()))).append("</h2>\n<ol>");
    for (WalkReport.Stop p : r.stops()) {
      if ("hidden".equals(p.moderationState())) {
        continue;
      }
      h.append("<li>").append(e(Messages.text("sv", "category." + p.category(), Map.of())));
      if (p.text() != null) {
        h.append(": ").append(e(p.text()));
      }
      if (!p.photos().isEmpty()) {
        h.append(" ").append(e(plural("photos", p.photos().size(), Map.of())));
        List<byte[]> pinPhotos = pinThumbnails(p.photos());
        for (int i = 0; i < pinPhotos.size(); i++) {
          photo(h, pinPhotos.get(i), text("pinPhotoAlt", Map.of("i", i + 1, "count", pinPhotos.size(), "n", p.sequence(),
              "category", Messages.text("sv", "category." + p.category(), Map.of()))));
        }
      }
      h.append("</li>\n");
    }
    h.append("</ol>\n");

    h.append("<h2>").append(e(text("actions", Map.of()))).append("</h2>\n");
    actionTable(h, m.actions(), m.stops(), r.stops());

    if (m.comparison() != null) {
      WalkMethod.Comparison c = m.comparison();
      h.append("<h2>").append(e(text("comparison", Map.of("title", c.earlierTitle(), "date", day(c.earlierStartsAt()))))).append("</h2>\n");
      h.append("<table><thead><tr>");
      for (String col : List.of("stop", "before", "after", "change", "trend")) {
        h.append("<th scope=\"col\">").append(e(text("col." + col, Map.of()))).append("</th>");
      }
      h.append("</tr></thead><tbody>\n");
      for (WalkMethod.StopChange s : c.stops()) {
        h.append("<tr><th scope=\"row\">").append(e(s.name())).append("</th>");
        cells(h, score(s.before()), score(s.after()), signed(s.change()), text("trend." + s.trend(), Map.of()));
        h.append("</tr>\n");
      }
      h.append("</tbody></table>\n");
      problems(h, "resolved", c.resolvedProblems());
      problems(h, "new", c.newProblems());
      h.append("<h3>").append(e(text("doneBetween", Map.of()))).append("</h3>\n");
      actionTable(h, c.doneBetween(), List.of(), List.of());
    }
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private void actionTable(StringBuilder h, List<WalkActions.Action> actions, List<WalkMethod.StopScores> stops,
      List<WalkReport.Stop> pins) {
    if (actions.isEmpty()) {
      h.append("<p>").append(e(text("noActions", Map.of()))).append("</p>\n");
      return;
    }
    Map<Long, String> stopNames = new HashMap<>();
    stops.forEach(s -> stopNames.put(s.stop().id(), s.stop().name()));
    Map<Long, Integer> pinNumbers = new HashMap<>();
    pins.forEach(p -> pinNumbers.put(p.pinId(), p.sequence()));
    h.append("<table><thead><tr>");
    for (String col : List.of("what", "where", "body", "due", "status", "cost")) {
      h.append("<th scope=\"col\">").append(e(text("col." + col, Map.of()))).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (WalkActions.Action a : actions) {
      List<String> where = new ArrayList<>();
      a.stopIds().forEach(id -> where.add(stopNames.getOrDefault(id, "#" + id)));
      a.pinIds().forEach(id -> where.add(text("pinRef", Map.of("n", pinNumbers.getOrDefault(id, 0), "id", id))));
      String status = text("status." + a.status(), Map.of())
          + (a.rejectionReason() == null ? "" : " (" + a.rejectionReason() + ")");
      h.append("<tr><th scope=\"row\">").append(e(a.what())).append("</th>");
      cells(h, String.join(", ", where), a.responsibleBody().name(), day(a.dueOn()), status,
          a.costClass() == null ? "" : text("cost." + a.costClass(), Map.of()));
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  /** A photo's thumbnail (cleaned JPEG, already small), scaled to a column's width, with its alt text. */
  private static void photo(StringBuilder h, byte[] jpeg, String alt) {
    h.append("<div class=\"photo\"><img class=\"photo\" src=\"data:image/jpeg;base64,")
        .append(Base64.getEncoder().encodeToString(jpeg)).append("\" alt=\"").append(e(alt)).append("\" /></div>\n");
  }

  private List<byte[]> ratingThumbnails(long walkId, List<WalkMethod.RatingPhoto> photos) {
    List<byte[]> out = new ArrayList<>();
    for (WalkMethod.RatingPhoto p : photos) {
      jdbc.sql("""
              SELECT p.thumbnail FROM walk_rating_photo p JOIN walk_rating_set s ON s.id = p.set_id
              WHERE p.set_id = :set AND s.walk_id = :walk""")
          .param("set", p.setId()).param("walk", walkId).query(byte[].class).optional().ifPresent(out::add);
    }
    return out;
  }

  private List<byte[]> pinThumbnails(List<WalkReport.Photo> photos) {
    List<byte[]> out = new ArrayList<>();
    for (WalkReport.Photo p : photos) {
      jdbc.sql("SELECT thumbnail FROM photo WHERE id = :id").param("id", p.id()).query(byte[].class).optional()
          .ifPresent(out::add);
    }
    return out;
  }

  private void problems(StringBuilder h, String kind, List<WalkMethod.Problem> list) {
    h.append("<h3>").append(e(text("problems." + kind, Map.of()))).append("</h3>\n");
    if (list.isEmpty()) {
      h.append("<p>").append(e(text("problems.none", Map.of()))).append("</p>\n");
      return;
    }
    h.append("<ul>");
    for (WalkMethod.Problem p : list) {
      h.append("<li>").append(e(p.stop() + ": " + p.wording() + " (" + score(p.before()) + " → " + score(p.after()) + ")"))
          .append("</li>");
    }
    h.append("</ul>\n");
  }

  /** The route, the stops and the pins in SWEREF 99 TM, transformed by PostGIS. */
  private MapFigure map(WalkReport r) {
    long walkId = r.walk().id();
    byte[] route = jdbc.sql("""
            SELECT ST_AsBinary(ST_Buffer(ST_Transform(coalesce(
                (SELECT ST_Union(track) FROM walk_track WHERE walk_id = w.id), w.planned_route), 3006), 12))
            FROM walk w WHERE w.id = :walk""")
        .param("walk", walkId).query((rs, row) -> rs.getBytes(1)).single();
    List<MapFigure.MapView> views = new ArrayList<>();
    jdbc.sql("""
            SELECT ST_AsBinary(ST_Transform(location, 3006)) AS p, 'safety_concern' AS c FROM walk_stop WHERE walk_id = :walk
            UNION ALL
            SELECT ST_AsBinary(ST_Transform(location, 3006)), category FROM pin
            WHERE walk_id = :walk AND moderation_state <> 'hidden' AND ST_GeometryType(location) = 'ST_Point'""")
        .param("walk", walkId)
        .query(rs -> {
          Geometry g = Walks.geometry(rs.getBytes(1));
          if (g instanceof Point p) {
            views.add(new MapFigure.MapView(p, rs.getString(2)));
          }
        });
    Geometry area = Walks.geometry(route);
    if (area == null && views.isEmpty()) {
      return null;
    }
    return new MapFigure(text("mapCaption", Map.of()), text("mapAlt", Map.of("stops", plural("count.stops", r.method().stops().size(), Map.of()),
        "pins", plural("count.pins", r.stops().size(), Map.of()))), area, List.of(), views, List.of(), List.of());
  }

  private static void fact(StringBuilder h, String key, String value) {
    if (value != null && !value.isBlank()) {
      h.append("<dt>").append(e(text("fact." + key, Map.of()))).append("</dt><dd>").append(e(value)).append("</dd>");
    }
  }

  private static void cells(StringBuilder h, String... values) {
    for (String v : values) {
      h.append("<td>").append(e(v == null ? "" : v)).append("</td>");
    }
  }

  private static String text(String key, Map<String, ?> vars) {
    return Messages.text("sv", "walkmethod.pdf." + key, vars);
  }

  /** {@code walkmethod.pdf.<key>.one} or {@code .other} for the count {@code n}. */
  private static String plural(String key, long n, Map<String, ?> vars) {
    return Messages.plural("sv", "walkmethod.pdf." + key, n, vars);
  }

  private static String e(String s) {
    return HtmlEscape.escape(s == null ? "" : s);
  }

  private static String n(Integer v) {
    return v == null ? "–" : String.valueOf(v);
  }

  private static String score(Double v) {
    return v == null ? "–" : String.format(Locale.forLanguageTag("sv"), "%.1f", v);
  }

  private static String signed(Double v) {
    return v == null ? "–" : (v > 0 ? "+" : "") + String.format(Locale.forLanguageTag("sv"), "%.1f", v);
  }

  private static String day(LocalDate d) {
    return d == null ? "" : DAY.format(d);
  }

  private static String day(Instant i) {
    return i == null ? "" : DAY.format(i.atZone(ZONE));
  }

  private static final String STYLE = """
      @page { size: A4; margin: 18mm 16mm; }
      body { font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 1.4; }
      h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14pt; } h3 { font-size: 11pt; }
      table { border-collapse: collapse; width: 100%; margin: 6pt 0; -fs-table-paginate: paginate; }
      th, td { border: 0.5pt solid #666; padding: 3pt 4pt; text-align: left; vertical-align: top; }
      thead th { background: #e8e8e8; }
      img.map { width: 100%; }
      img.photo { width: 60mm; } div.photo { margin: 4pt 0; }
      dt { font-weight: bold; } dd { margin: 0 0 4pt 0; }
      .quote { font-style: italic; margin-left: 10pt; }
      """;
}
