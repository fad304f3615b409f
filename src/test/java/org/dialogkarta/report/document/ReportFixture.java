package org.dialogkarta.report.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A sample consultation report for the writer tests and the benchmark: Swedish text with å, ä and
 * ö, markup in user text that must come out as text, masked counts, maps with every kind of layer,
 * and an appendix where some views are hidden. Hidden views carry {@link #SECRET} in their text
 * (as if the assembler had handed it over by mistake), which no writer may ever print.
 */
final class ReportFixture {

  static final String SECRET = "HEMLIGT-personnummer-19800101-1234";
  static final String SCRIPT = "<script>alert(\"hej & hå\")</script>";
  static final String HIDDEN_REASON = "Innehåller personuppgifter";

  static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 3006);

  /** Norrskolan's surroundings in SWEREF 99 TM. */
  static final double EAST = 674_000;
  static final double NORTH = 6_580_000;

  private static final String[] TEXTS = {
      "Gångvägen förbi Norrskolan är mörk på kvällarna; det behövs bättre belysning vid tunneln.",
      "Övergångsstället vid Ängsgatan är farligt när bilarna kör fort. Farthinder önskas!",
      "Parken vid ån är en värdefull plats för barnen och måste få vara kvar som den är.",
      "Det saknas en busshållplats närmare äldreboendet – det är långt att gå för många.",
      "Cykelbanan tar slut mitt i korsningen och man vet inte var man ska cykla sedan.",
      "Här skulle en lekplats för de minsta barnen passa bra, med bänkar för föräldrar.",
  };
  private static final String[] CHANNELS = {"Karta", "Karta", "Karta", "Trygghetsvandring", "Brev", "Remissvar"};
  private static final String[] PLACES = {"Norrby", "Ängsdal", "Hela området", "N 6 580 123, E 674 210 (SWEREF 99 TM)"};
  private static final String[] CATEGORIES = {"suggestion", "safety_concern", "service_gap", "valued_place", "other"};

  static final Position LIGHTING = new Position("Tillgodosett",
      "Kommunen sätter upp ny belysning längs gångvägen under hösten 2026.", null);
  static final Position CROSSING = new Position("Inte tillgodosett",
      "Övergångsstället ligger kvar där det är.", "Gatan är en huvudled för räddningstjänsten, där farthinder inte får finnas.");
  static final Position PARK = new Position("Delvis tillgodosett", "Parken blir kvar men får en ny gångväg.", null);

  private ReportFixture() {}

  /** A report with {@code entries} appendix entries, as a draft or as {@code version}. */
  static ReportDocument report(int entries, Integer version) {
    List<TopicSection> topics = List.of(
        new TopicSection("Belysning och trygghet", "Många tycker att gångvägen är mörk och otrygg.\n\nFlest synpunkter gäller tunneln.",
            42, List.of("Jag går aldrig genom tunneln efter klockan sex.", SCRIPT), topicMap(), LIGHTING),
        new TopicSection("Trafik vid Ängsgatan", "Bilarna kör för fort & barnen korsar gatan.", 17,
            List.of("Sänk farten till 30 km/h!"), null, CROSSING),
        new TopicSection("Parken vid ån", "Parken är uppskattad.", 9, List.of(), null, PARK));
    return new ReportDocument(
        "Samrådsredogörelse: Trygg väg till Norrskolan",
        version,
        LocalDate.of(2026, 5, 12),
        about(),
        participation(),
        List.of(overviewMap(), emptyMap()),
        topics,
        appendix(entries));
  }

  static About about() {
    return new About(
        "Trygg väg till Norrskolan",
        "Kommunen frågade boende i Norrby och Ängsdal hur vägen till skolan kan bli tryggare. "
            + "Någon skrev \"" + SCRIPT + "\" i en synpunkt – den ska synas som text.",
        "1 mars 2026 – 30 april 2026",
        "Dialog",
        List.of("Karta på webben", "Trygghetsvandring", "Brev"),
        "Affischer på skolan, brev till alla hushåll och ett inlägg på kommunens webbplats.",
        "De flesta synpunkterna handlar om belysning och om farten på Ängsgatan.",
        "Planförslaget ställs ut för granskning hösten 2026; då kan du tycka till igen.",
        "Samhällsbyggnadsförvaltningen, planenheten",
        "planenheten@kommun.example");
  }

  static Participation participation() {
    return new Participation(1234, 456,
        List.of(new Participation.CountRow("Karta", 1100, false), new Participation.CountRow("Brev", 3, true)),
        List.of(new Participation.CountRow("Trygghet", 700, false), new Participation.CountRow("Förslag", 534, false)),
        List.of(new Participation.CountRow("Privatperson", 1200, false), new Participation.CountRow("Förening", 2, true)),
        List.of(new Participation.HeardRow("Ålder 16–24", 12.5, 10.0, false),
            new Participation.HeardRow("Ålder 80 eller äldre", null, 6.2, true)),
        "Andelarna gäller de synpunkter där avsändaren svarade på frågorna om sig själv.");
  }

  static MapFigure overviewMap() {
    return new MapFigure("Alla synpunkter med plats i Norrby och Ängsdal",
        "Karta över området kring Norrskolan. Synpunkterna samlas längs gångvägen och vid tunneln under Ängsgatan.",
        square(EAST, NORTH, 1200),
        List.of(new MapFigure.NamedArea("Norrby", rectangle(EAST - 1200, NORTH - 1200, EAST, NORTH + 1200)),
            new MapFigure.NamedArea("Ängsdal", rectangle(EAST, NORTH - 1200, EAST + 1200, NORTH + 1200))),
        views(60, 7),
        List.of(hexagon(EAST + 200, NORTH + 100, 120), hexagon(EAST + 410, NORTH + 100, 120)),
        List.of(square(EAST - 500, NORTH - 400, 250)));
  }

  static MapFigure topicMap() {
    return new MapFigure("Synpunkter om belysning och trygghet", "Karta: synpunkterna om belysning ligger vid tunneln.",
        null, List.of(), views(12, 3), List.of(), List.of());
  }

  static MapFigure emptyMap() {
    return new MapFigure("Synpunkter från trygghetsvandringen", "Karta utan synpunkter: vandringens synpunkter saknar plats.",
        null, List.of(), List.of(), List.of(), List.of());
  }

  static List<MapFigure.MapView> views(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<MapFigure.MapView> views = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Point place = GEOMETRY.createPoint(new Coordinate(
          EAST + random.nextDouble(-900, 900), NORTH + random.nextDouble(-900, 900)));
      views.add(new MapFigure.MapView(place, CATEGORIES[i % CATEGORIES.length]));
    }
    return views;
  }

  /** Every seventh entry hidden: odd ones with no text, even ones with the secret text. */
  static List<AppendixEntry> appendix(int count) {
    List<AppendixEntry> entries = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      boolean hidden = i % 7 == 0;
      String text = i == 3 ? "Jag skrev " + SCRIPT + " här, med \"citattecken\" & annat."
          : TEXTS[i % TEXTS.length] + " (synpunkt " + i + ")";
      Position position = switch (i % 4) {
        case 0 -> LIGHTING;
        case 1 -> CROSSING;
        case 2 -> PARK;
        default -> Position.NONE;
      };
      entries.add(new AppendixEntry(
          "K-" + i,
          LocalDate.of(2026, 3, 1).plusDays(i % 60),
          CHANNELS[i % CHANNELS.length],
          PLACES[i % PLACES.length],
          hidden ? (i % 2 == 0 ? SECRET : null) : text,
          hidden ? HIDDEN_REASON : null,
          position == Position.NONE ? null : "Belysning och trygghet",
          position));
    }
    return entries;
  }

  static Geometry square(double east, double north, double half) {
    return rectangle(east - half, north - half, east + half, north + half);
  }

  static Geometry rectangle(double west, double south, double east, double north) {
    return GEOMETRY.createPolygon(new Coordinate[] {
        new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
        new Coordinate(west, north), new Coordinate(west, south)});
  }

  static Geometry hexagon(double east, double north, double radius) {
    Coordinate[] ring = new Coordinate[7];
    for (int i = 0; i < 6; i++) {
      double angle = Math.PI / 3 * i;
      ring[i] = new Coordinate(east + radius * Math.cos(angle), north + radius * Math.sin(angle));
    }
    ring[6] = ring[0];
    return GEOMETRY.createPolygon(ring);
  }

  /**
   * Every text of the report that a reader must find, as plain text: the about section, the
   * topics with their quotes and positions, and each visible appendix entry with its answer.
   */
  static List<String> visibleTexts(ReportDocument report) {
    List<String> texts = new ArrayList<>();
    About about = report.about();
    texts.add(report.title());
    texts.addAll(SwedishFormat.paragraphs(about.summary()));
    texts.addAll(List.of(about.period(), about.announcement(), about.conclusions(), about.nextSteps(), about.contact()));
    texts.addAll(about.methods());
    for (TopicSection topic : report.topics()) {
      texts.add(topic.title());
      texts.addAll(SwedishFormat.paragraphs(topic.summary()));
      texts.addAll(topic.quotes());
      texts.add(topic.position().effect());
      texts.add(topic.position().answer());
      if (topic.position().reason() != null) {
        texts.add(topic.position().reason());
      }
    }
    for (AppendixEntry entry : report.appendix()) {
      texts.add(entry.number());
      if (!entry.hidden()) {
        texts.add(entry.text());
      }
      if (entry.position().answer() != null) {
        texts.add(entry.position().answer());
      }
    }
    return texts;
  }
}
