package org.dialogkarta.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dialogkarta.demo.DemoPins.Choice;
import org.dialogkarta.demo.DemoPins.Event;
import org.dialogkarta.demo.DemoPins.Pin;
import org.dialogkarta.demo.DemoPins.Plan;
import org.dialogkarta.demo.DemoPins.Spot;
import org.dialogkarta.geo.Wgs84;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The demo municipality: Norrköping's real geography with fictional content. Districts, villages,
 * study areas and the places where pins gather are rough hand-drawn shapes around the real places
 * (WGS84 lon/lat, a few vertices each, in {@code demo/neighbourhoods.tsv} and
 * {@code demo/places.tsv}), not official boundaries; populations are plausible, not statistics.
 * The dialogues, their dates, the people and every text ({@code demo/dialogues.tsv},
 * {@code demo/pin-texts.tsv}) are invented: no real event, person or address is meant, and the
 * contact addresses are functional mailboxes under example.se.
 */
final class DemoMunicipality {

  /** The seed of all randomness here: change it and every machine gets other (but equal) data. */
  static final long SEED = 20_261_122L;
  /** The demo's "today": pins of ongoing dialogues stop here, so the data ignores the clock. */
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

  static final String WALK = "trygghetsvandring-navestad-2026";
  static final String VILLAGES = "service-pa-landsbygden";
  static final String GREEN_PLAN = "gronstrukturplan-norrkopings-stad";
  static final String PARK = "parken-vid-hageby-centrum";

  record Neighbourhood(String code, String name, int population, MultiPolygon boundary) {}

  record Dialogue(String slug, String title, String summary, String status, LocalDate startsOn,
      LocalDate endsOn, String participationLevel, MultiPolygon studyArea, List<String> categories,
      Map<String, List<String>> subtags, String outcome, String nextSteps, String responsibleUnit,
      String contact, Instant createdAt) {}

  record Contents(List<Neighbourhood> neighbourhoods, List<Dialogue> dialogues, List<Pin> pins,
      List<DemoWalks.Walk> walks) {
    Dialogue dialogue(String slug) {
      return dialogues.stream().filter(d -> d.slug().equals(slug)).findFirst().orElseThrow();
    }
  }

  /** A line of pin-texts.tsv; for {@code hidden} lines, tag is the category, spots the reason. */
  record Phrase(String scope, String kind, String tag, String spots, String text) {
    boolean fits(Spot spot) {
      List<String> kinds = Arrays.asList(spots.split(","));
      return kinds.contains("*") || kinds.contains(spot.kind());
    }
  }

  record PhraseBook(List<Phrase> phrases) {
    List<Phrase> of(String scope, String kind) {
      return phrases.stream()
          .filter(p -> (p.scope().equals(scope) || p.scope().equals("*")) && p.kind().equals(kind))
          .toList();
    }
  }

  private DemoMunicipality() {}

  static Contents norrkoping() {
    List<Neighbourhood> districts = neighbourhoods();
    List<String[]> places = readTsv("/demo/places.tsv", 7);
    MultiPolygon navestad = districts.stream().filter(n -> n.name().equals("Navestad"))
        .findFirst().orElseThrow().boundary();
    MultiPolygon villages = Wgs84.FACTORY.createMultiPolygon(places.stream()
        .filter(f -> f[0].equals("villages") && f[1].equals("any"))
        .map(f -> (Polygon) geometry(f[6])).toArray(Polygon[]::new));

    List<String> all = List.of("suggestion", "safety_concern", "service_gap", "valued_place");
    List<Dialogue> dialogues = List.of(
        dialogue(WALK, "ongoing", LocalDate.of(2026, 9, 21), LocalDate.of(2026, 12, 13), "dialogue",
            navestad, List.of("suggestion", "safety_concern", "service_gap"),
            tags("safety_concern", "lighting,vegetation,visibility,people,traffic,maintenance",
                "suggestion", "walking,cycling,meeting_place,play,green_space"),
            "Samhällsbyggnadskontoret, enheten för trygghet och stadsmiljö",
            "trygghet@example.se",
            LocalDate.of(2026, 9, 7)),
        dialogue(VILLAGES, "ongoing", LocalDate.of(2026, 10, 5), LocalDate.of(2027, 1, 31),
            "consultation", villages, all,
            tags("service_gap", "shop,care,school,broadband,bus,post"),
            "Kommunstyrelsens kontor, landsbygdsutveckling", "landsbygd@example.se",
            LocalDate.of(2026, 9, 22)),
        dialogue(GREEN_PLAN, "planned", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31),
            "consultation", studyArea(places, "green"), all,
            tags("suggestion", "green_space,walking,cycling,play",
                "valued_place", "nature,water,recreation"),
            "Stadsbyggnadskontoret, planeringsavdelningen", "gronplan@example.se",
            LocalDate.of(2026, 11, 2)),
        dialogue(PARK, "completed", LocalDate.of(2025, 3, 10), LocalDate.of(2025, 6, 15),
            "dialogue", studyArea(places, "park"), all,
            tags("safety_concern", "lighting,vegetation,people",
                "suggestion", "play,meeting_place,green_space,sport"),
            "Samhällsbyggnadskontoret, park och natur", "parker@example.se",
            LocalDate.of(2025, 2, 17)));

    PhraseBook book = new PhraseBook(readTsv("/demo/pin-texts.tsv", 5).stream()
        .map(f -> new Phrase(f[0], f[1], f[2], f[3], f[4])).toList());
    List<DemoWalks.Walk> walks = DemoWalks.navestad(WALK);
    List<Pin> pins = new ArrayList<>();
    for (Plan plan : List.of(walkPlan(dialogues.get(0), places),
        villagePlan(dialogues.get(1), places), parkPlan(dialogues.get(3), places))) {
      // One Random per dialogue, so that changing one dialogue leaves the others as they were.
      Random random = new Random(SEED + plan.slug().hashCode());
      List<Pin> made = DemoPins.generate(plan, book, random, pins.size() + 1);
      pins.addAll(plan.slug().equals(WALK) ? DemoWalks.link(made, walks) : made);
    }
    return new Contents(districts, dialogues, List.copyOf(pins), walks);
  }

  /** The safety walk: safety concerns dominate; two walks and a meeting bring bursts of pins. */
  private static Plan walkPlan(Dialogue d, List<String[]> places) {
    return new Plan(d.slug(), "walk", d.studyArea(), 224, spots(places, "walk", d.studyArea()),
        weights("safety_concern", 58, "suggestion", 30, "service_gap", 12), d.subtags(),
        weights("received", 62, "in_review", 22, "forwarded", 8, "planned", 6, "done", 2), Map.of(),
        weights("under_16", 6, "16_24", 13, "25_44", 36, "45_64", 24, "65_79", 16, "80_plus", 5),
        d.startsOn(), AS_OF, List.of(
            new Event(LocalDate.of(2026, 10, 14), 18, 20, "walk", 42),
            new Event(LocalDate.of(2026, 10, 21), 17, 19, "meeting", 16),
            new Event(LocalDate.of(2026, 11, 11), 18, 20, "walk", 42)),
        0.3, 5);
  }

  /** The villages: mostly service gaps, an older crowd, open meetings in the village halls. */
  private static Plan villagePlan(Dialogue d, List<String[]> places) {
    return new Plan(d.slug(), "villages", d.studyArea(), 92,
        spots(places, "villages", d.studyArea()),
        weights("service_gap", 50, "valued_place", 20, "suggestion", 20, "safety_concern", 10),
        d.subtags(), weights("received", 72, "in_review", 20, "forwarded", 6, "planned", 2),
        Map.of(),
        weights("under_16", 2, "16_24", 6, "25_44", 26, "45_64", 30, "65_79", 28, "80_plus", 8),
        d.startsOn(), AS_OF, List.of(
            new Event(LocalDate.of(2026, 11, 4), 18, 20, "meeting", 1),
            new Event(LocalDate.of(2026, 11, 12), 18, 20, "meeting", 1),
            new Event(LocalDate.of(2026, 11, 18), 14, 16, "meeting", 1)),
        0.14, 3);
  }

  /** The park: what came of it (see its outcome) shows in the statuses, by what a pin is about. */
  private static Plan parkPlan(Dialogue d, List<String[]> places) {
    Map<String, List<Choice<String>>> byTag = Map.of(
        "vegetation", weights("done", 85, "planned", 15),
        "lighting", weights("planned", 80, "done", 20),
        "play", weights("planned", 75, "done", 10, "not_feasible", 15),
        "sport", weights("in_review", 40, "planned", 30, "not_feasible", 30),
        "people", weights("forwarded", 60, "done", 20, "out_of_scope", 20),
        "meeting_place", weights("planned", 70, "not_feasible", 30),
        "green_space", weights("done", 40, "planned", 40, "not_feasible", 20));
    return new Plan(d.slug(), "park", d.studyArea(), 62, spots(places, "park", d.studyArea()),
        weights("suggestion", 42, "safety_concern", 28, "valued_place", 18, "service_gap", 12),
        d.subtags(), weights("done", 25, "planned", 25, "in_review", 15, "not_feasible", 15,
            "forwarded", 10, "out_of_scope", 10), byTag,
        weights("under_16", 8, "16_24", 10, "25_44", 40, "45_64", 20, "65_79", 17, "80_plus", 5),
        d.startsOn(), d.endsOn(), List.of(
            new Event(LocalDate.of(2025, 4, 5), 11, 14, "meeting", 1),
            new Event(LocalDate.of(2025, 4, 23), 19, 21, "walk", 1),
            new Event(LocalDate.of(2025, 5, 14), 17, 19, "meeting", 1)),
        0.25, 0);
  }

  /** The places of one dialogue in places.tsv; AREA stands for the whole study area. */
  private static List<Spot> spots(List<String[]> places, String scope, MultiPolygon area) {
    return places.stream()
        .filter(f -> f[0].equals(scope) && !f[1].equals("study_area"))
        .map(f -> new Spot(f[1], List.of(f[5].split(";")),
            f[6].equals("AREA") ? area : geometry(f[6]), Double.parseDouble(f[3]),
            Double.parseDouble(f[4]), f[2].equals("-") ? null : f[2]))
        .toList();
  }

  private static MultiPolygon studyArea(List<String[]> places, String scope) {
    Polygon polygon = places.stream()
        .filter(f -> f[0].equals(scope) && f[1].equals("study_area"))
        .map(f -> (Polygon) geometry(f[6])).findFirst().orElseThrow();
    return Wgs84.FACTORY.createMultiPolygon(new Polygon[] {polygon});
  }

  private static Dialogue dialogue(String slug, String status, LocalDate starts, LocalDate ends,
      String level, MultiPolygon area, List<String> categories, Map<String, List<String>> subtags,
      String unit, String contact, LocalDate created) {
    Map<String, String> texts = new HashMap<>();
    readTsv("/demo/dialogues.tsv", 3).stream().filter(f -> f[0].equals(slug))
        .forEach(f -> texts.put(f[1], f[2]));
    return new Dialogue(slug, texts.get("title"), texts.get("summary"), status, starts, ends,
        level, area, categories, subtags, texts.get("outcome"), texts.get("next_steps"), unit,
        contact, created.atTime(9, 0).atZone(DemoPins.ZONE).toInstant());
  }

  /** Eight districts of the town, roughly where they are, with gaps between them. */
  static List<Neighbourhood> neighbourhoods() {
    return readTsv("/demo/neighbourhoods.tsv", 4).stream()
        .map(f -> new Neighbourhood(f[0], f[1], Integer.parseInt(f[2]),
            (MultiPolygon) geometry(f[3])))
        .toList();
  }

  private static Geometry geometry(String wkt) {
    try {
      return new WKTReader(Wgs84.FACTORY).read(wkt);
    } catch (ParseException e) {
      throw new IllegalStateException("Bad WKT in the demo data: " + wkt, e);
    }
  }

  /** The rows of a tab-separated class-path resource; blank lines and # comments are skipped. */
  static List<String[]> readTsv(String resource, int columns) {
    try (InputStream in = DemoMunicipality.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      List<String[]> rows = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", -1))
          .toList();
      rows.stream().filter(f -> f.length != columns).findFirst().ifPresent(f -> {
        throw new IllegalStateException(resource + ": not " + columns + " columns at " + f[0]);
      });
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sub-tags per category as pairs of (category, comma-separated tags), in the given order. */
  private static Map<String, List<String>> tags(String... pairs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], List.of(pairs[i + 1].split(",")));
    }
    return out;
  }

  private static <T> List<Choice<T>> weights(Object... valueWeightPairs) {
    List<Choice<T>> out = new ArrayList<>();
    for (int i = 0; i < valueWeightPairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      T value = (T) valueWeightPairs[i];
      out.add(new Choice<>(value, ((Number) valueWeightPairs[i + 1]).doubleValue()));
    }
    return out;
  }
}
