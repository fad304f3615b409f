package org.dialogkarta.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.dialogkarta.demo.DemoMunicipality.Phrase;
import org.dialogkarta.demo.DemoMunicipality.PhraseBook;
import org.dialogkarta.geo.Wgs84;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Makes the pins of one demo dialogue from a {@link Plan}. People submit one to three pins each
 * (one receipt); pins gather at named spots and along paths and are scattered thinly elsewhere;
 * they arrive over the dialogue's period, mostly in the evening, with bursts on walk and meeting
 * days; their text comes from the phrase book ({@code demo/pin-texts.tsv}), chosen to fit the
 * kind of spot.
 * Plain Java on a seeded {@link Random}: the same plan and seed give the same pins everywhere.
 */
final class DemoPins {

  static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  /** When people write: few at night, a lunch bump, most between six and ten in the evening. */
  private static final double[] HOUR_WEIGHTS = {
      1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.5, 3, 3, 2.5, 2.5, 3,
      3.5, 3, 2.5, 3, 4, 5, 6, 7.5, 8, 7, 4.5, 2.5};
  private static final double METRES_PER_DEGREE = 111_320;

  record Choice<T>(T value, double weight) {}

  /**
   * Where pins gather. {@code where} is a point (pins spread around it by {@code spreadMetres}),
   * a line (pins along it) or a polygon (pins anywhere inside). {@code kind} decides which texts
   * fit; {@code village} fills {ort} in the texts.
   */
  record Spot(String kind, List<String> phrases, Geometry where, double spreadMetres, double weight,
      String village) {}

  /** A walk or a meeting: pins entered that day between the hours, with that source. */
  record Event(LocalDate day, int fromHour, int toHour, String source, double weight) {}

  record Plan(String slug, String scope, MultiPolygon area, int count, List<Spot> spots,
      List<Choice<String>> categories, Map<String, List<String>> subtags,
      List<Choice<String>> statuses, Map<String, List<Choice<String>>> statusByTag,
      List<Choice<String>> ages, LocalDate from, LocalDate to, List<Event> events,
      double eventShare, int pending) {}

  /**
   * One pin as it goes into the table; pins with the same submitter share one receipt. A pin made
   * on a demo walk names the walk ({@code walk}, its index in {@link DemoWalks#navestad}) and
   * when the phone made it, with the position accuracy the phone reported.
   */
  record Pin(String dialogueSlug, int submitter, Point location, String category,
      List<String> subtags, String text, String ageBand, String gender, List<String> relations,
      String source, String moderationState, String moderationReason, String status, int supports,
      Instant createdAt, Integer walk, Instant recordedAt, Float accuracyM) {

    Pin(String dialogueSlug, int submitter, Point location, String category, List<String> subtags,
        String text, String ageBand, String gender, List<String> relations, String source,
        String moderationState, String moderationReason, String status, int supports, Instant createdAt) {
      this(dialogueSlug, submitter, location, category, subtags, text, ageBand, gender, relations, source,
          moderationState, moderationReason, status, supports, createdAt, null, null, null);
    }

    Pin pending() {
      return new Pin(dialogueSlug, submitter, location, category, subtags, text, ageBand, gender,
          relations, source, "pending", null, "received", 0, createdAt, walk, recordedAt, accuracyM);
    }

    /** The pin as made on a walk: recorded then, sent a moment later. */
    Pin onWalk(int walkIndex, Instant recorded, float accuracy) {
      return new Pin(dialogueSlug, submitter, location, category, subtags, text, ageBand, gender,
          relations, source, moderationState, moderationReason, status, supports, recorded.plusSeconds(15),
          walkIndex, recorded, accuracy);
    }
  }

  private final Plan plan;
  private final PhraseBook book;
  private final Random random;
  private final Set<String> usedTexts = new HashSet<>();
  private final Map<Phrase, Integer> uses = new HashMap<>();

  private DemoPins(Plan plan, PhraseBook book, Random random) {
    this.plan = plan;
    this.book = book;
    this.random = random;
  }

  /** The plan's pins, oldest first; submitters are numbered from {@code firstSubmitter}. */
  static List<Pin> generate(Plan plan, PhraseBook book, Random random, int firstSubmitter) {
    return new DemoPins(plan, book, random).make(firstSubmitter);
  }

  private List<Pin> make(int firstSubmitter) {
    List<Phrase> hidden = book.of(plan.scope(), "hidden");
    int regular = plan.count() - hidden.size();
    List<Pin> pins = new ArrayList<>();
    int submitter = firstSubmitter;
    while (pins.size() < regular) {
      int n = Math.min(pick(List.of(new Choice<>(1, 78), new Choice<>(2, 16), new Choice<>(3, 6))),
          regular - pins.size());
      Profile profile = profile();
      Event event = !plan.events().isEmpty() && random.nextDouble() < plan.eventShare()
          ? pick(plan.events().stream().map(e -> new Choice<>(e, e.weight())).toList()) : null;
      Instant at = event == null ? webTime() : eventTime(event);
      Spot spot = pickSpot();
      for (int i = 0; i < n; i++) {
        if (i > 0 && random.nextDouble() < 0.6) {
          spot = pickSpot();
        }
        Point location = place(spot);
        Phrase phrase = phrase(spot);
        pins.add(new Pin(plan.slug(), submitter, location, phrase.kind(), subtags(phrase),
            compose(phrase, spot), profile.age(), profile.gender(), profile.relations(),
            event == null ? "web" : event.source(), "published", null, status(phrase),
            supports(spot), at));
        at = at.plus(Duration.ofMinutes(2 + random.nextInt(9)));
      }
      submitter++;
    }
    for (Phrase h : hidden) {
      Spot spot = pickSpot();
      pins.add(new Pin(plan.slug(), submitter++, place(spot), h.tag(), List.of(), h.text(),
          null, null, List.of(), "web", "hidden", h.spots(), "received", 0, webTime()));
    }
    pins.sort(Comparator.comparing(Pin::createdAt).thenComparing(Pin::text));
    return markNewestPending(pins);
  }

  /** The newest few pins have not been moderated yet. */
  private List<Pin> markNewestPending(List<Pin> pins) {
    List<Pin> out = new ArrayList<>(pins);
    for (int i = out.size() - 1, left = plan.pending(); i >= 0 && left > 0; i--) {
      if (out.get(i).moderationState().equals("published")) {
        out.set(i, out.get(i).pending());
        left--;
      }
    }
    return List.copyOf(out);
  }

  private record Profile(String age, String gender, List<String> relations) {}

  /** About six in ten answer the optional questions, and not always all of them. */
  private Profile profile() {
    if (random.nextDouble() >= 0.6) {
      return new Profile(null, null, List.of());
    }
    String age = random.nextDouble() < 0.9 ? pick(plan.ages()) : null;
    String gender = random.nextDouble() < 0.85
        ? pick(List.of(new Choice<>("woman", 55), new Choice<>("man", 42),
            new Choice<>("other", 3)))
        : null;
    List<String> relations = new ArrayList<>();
    if (random.nextDouble() < 0.8) {
      // Children under 16 study rather than work.
      double[] odds = "under_16".equals(age) ? new double[] {0.82, 0, 0.9, 0.12}
          : new double[] {0.82, 0.14, 0.08, 0.12};
      List<String> names = List.of("lives", "works", "studies", "visits");
      for (int i = 0; i < names.size(); i++) {
        if (random.nextDouble() < odds[i]) {
          relations.add(names.get(i));
        }
      }
    }
    return new Profile(age, gender, List.copyOf(relations));
  }

  private Instant webTime() {
    long days = plan.to().toEpochDay() - plan.from().toEpochDay();
    LocalDate day = plan.from().plusDays(random.nextInt((int) days + 1));
    int hour = pickIndex(HOUR_WEIGHTS);
    // Stay clear of midnight so that a submitter's later pins keep to the same day.
    int minute = hour == 23 ? random.nextInt(30) : random.nextInt(60);
    return day.atTime(hour, minute, random.nextInt(60)).atZone(ZONE).toInstant();
  }

  private Instant eventTime(Event event) {
    int minutes = (event.toHour() - event.fromHour()) * 60;
    return event.day().atTime(event.fromHour(), 0).plusMinutes(random.nextInt(minutes))
        .plusSeconds(random.nextInt(60)).atZone(ZONE).toInstant();
  }

  private Spot pickSpot() {
    return pick(plan.spots().stream().map(s -> new Choice<>(s, s.weight())).toList());
  }

  /** A point near the spot, inside the study area, rounded to about 10 cm. */
  private Point place(Spot spot) {
    for (int attempt = 0; attempt < 500; attempt++) {
      Coordinate c = switch (spot.where()) {
        case Point p -> jitter(p.getCoordinate(), spot.spreadMetres());
        case LineString line -> {
          var indexed = new LengthIndexedLine(line);
          Coordinate along = indexed.extractPoint(random.nextDouble() * line.getLength());
          yield jitter(along, spot.spreadMetres());
        }
        default -> {
          Envelope e = spot.where().getEnvelopeInternal();
          yield new Coordinate(e.getMinX() + random.nextDouble() * e.getWidth(),
              e.getMinY() + random.nextDouble() * e.getHeight());
        }
      };
      Point p = Wgs84.point(round(c.x), round(c.y));
      boolean inSpot = spot.where().getDimension() < 2 || spot.where().covers(p);
      if (inSpot && plan.area().covers(p)) {
        return p;
      }
    }
    throw new IllegalStateException("Spot " + spot.phrases() + " lies outside " + plan.slug());
  }

  private Coordinate jitter(Coordinate c, double metres) {
    double dy = random.nextGaussian() * metres / METRES_PER_DEGREE;
    double dx = random.nextGaussian() * metres
        / (METRES_PER_DEGREE * Math.cos(Math.toRadians(c.y)));
    return new Coordinate(c.x + dx, c.y + dy);
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }

  /** A text that fits the spot, in a category drawn by the plan's weights. */
  private Phrase phrase(Spot spot) {
    for (int attempt = 0; attempt < 50; attempt++) {
      String category = pick(plan.categories());
      List<String> tags = plan.subtags().getOrDefault(category, List.of());
      List<Phrase> candidates = book.of(plan.scope(), category).stream()
          .filter(p -> p.fits(spot))
          .filter(p -> p.tag().equals("-") || tags.contains(p.tag()))
          .toList();
      if (!candidates.isEmpty()) {
        // The least used first, so that no text comes back before the others have had a turn.
        int fewest = candidates.stream().mapToInt(p -> uses.getOrDefault(p, 0)).min().orElseThrow();
        List<Phrase> least = candidates.stream()
            .filter(p -> uses.getOrDefault(p, 0) == fewest).toList();
        Phrase chosen = least.get(random.nextInt(least.size()));
        uses.merge(chosen, 1, Integer::sum);
        return chosen;
      }
    }
    throw new IllegalStateException("No text fits a " + spot.kind() + " spot in " + plan.slug());
  }

  /** The text with the spot filled in and, now and then, a personal opening or closing line. */
  private String compose(Phrase phrase, Spot spot) {
    List<Phrase> openers = book.of(plan.scope(), "opener");
    List<Phrase> closers = book.of(plan.scope(), "closer");
    for (int attempt = 0; attempt < 30; attempt++) {
      StringBuilder text = new StringBuilder();
      if (random.nextDouble() < 0.22) {
        text.append(fill(openers.get(random.nextInt(openers.size())).text(), spot)).append(' ');
      }
      text.append(fill(phrase.text(), spot));
      if (random.nextDouble() < 0.2) {
        text.append(' ').append(fill(closers.get(random.nextInt(closers.size())).text(), spot));
      }
      if (usedTexts.add(text.toString())) {
        return text.toString();
      }
    }
    // Rare: every variation already used. A repeated complaint is realistic enough.
    return fill(phrase.text(), spot);
  }

  private String fill(String template, Spot spot) {
    String place = spot.phrases().get(random.nextInt(spot.phrases().size()));
    List<Phrase> times = book.of(plan.scope(), "tid");
    String out = template
        .replace("{Plats}", Character.toUpperCase(place.charAt(0)) + place.substring(1))
        .replace("{plats}", place)
        .replace("{tid}", times.get(random.nextInt(times.size())).text());
    if (spot.village() != null) {
      out = out.replace("{ort}", spot.village());
    }
    if (out.contains("{") || out.contains("}")) {
      throw new IllegalStateException("Unfilled placeholder in demo text: " + out);
    }
    return out;
  }

  /** Usually the tag the text is about, sometimes one more, and now and then none at all. */
  private List<String> subtags(Phrase phrase) {
    List<String> offered = plan.subtags().getOrDefault(phrase.kind(), List.of());
    if (!offered.contains(phrase.tag()) || random.nextDouble() < 0.1) {
      return List.of();
    }
    Set<String> chosen = new HashSet<>(Set.of(phrase.tag()));
    if (random.nextDouble() < 0.1) {
      chosen.add(offered.get(random.nextInt(offered.size())));
    }
    return offered.stream().filter(chosen::contains).toList();
  }

  private String status(Phrase phrase) {
    return pick(plan.statusByTag().getOrDefault(phrase.tag(), plan.statuses()));
  }

  /** Mostly none or a few; pins at the busiest spots are more often supported. */
  private int supports(Spot spot) {
    double u = random.nextDouble();
    if (spot.weight() >= 10) {
      u = Math.max(u, random.nextDouble());
    }
    return Math.min(12, (int) (Math.pow(u, 3) * 13));
  }

  private <T> T pick(List<Choice<T>> choices) {
    return choices.get(pickIndex(choices.stream().mapToDouble(Choice::weight).toArray())).value();
  }

  private int pickIndex(double[] weights) {
    double r = random.nextDouble() * Arrays.stream(weights).sum();
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
