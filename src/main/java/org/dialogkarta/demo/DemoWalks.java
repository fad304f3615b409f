package org.dialogkarta.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dialogkarta.demo.DemoPins.Pin;
import org.dialogkarta.geo.Wgs84;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * The two safety walks of the Navestad dialogue, on the evenings its summary names (14 October
 * and 11 November), both walked and closed. The route is one loop along the paths the demo
 * pins gather on (places.tsv): from the square west to the tunnel, up past the playground in
 * Guldringen and the path towards Vilbergen, through Silverringen and Atrium, back along the
 * woodland path on Kvarnberget and past the school. Names and notes are invented.
 */
final class DemoWalks {

  record Walk(String dialogueSlug, String kind, String title, Instant startsAt, Instant endsAt,
      Instant closedAt, Point meetingPoint, String meetingPointName, LineString plannedRoute,
      int participantCount, List<String> groups, String facilitator, String light, String weather,
      String note, String description) {}

  /** What participants read before the first walk (walk mode; translated in demo/translations.tsv). */
  private static final String OCTOBER = """
      Vi går tillsammans genom Navestad för att se var det känns otryggt och vad som kan bli bättre. \
      Rundan är ungefär 3 kilometer och tar knappt två timmar, med stopp på vägen.
      Vägen går på asfalt och grusade gångvägar, och backen upp mot Kvarnberget är brant. Säg till i \
      förväg om du använder rullstol eller rollator, så väljer vi en väg runt backen.
      Klä dig efter vädret och ta gärna med en ficklampa. Alla är välkomna, och du behöver inte anmäla dig.""";
  private static final String NOVEMBER = """
      Den andra vandringen går samma runda, nu i mörker, så att vi ser om det som togs upp i oktober \
      har blivit bättre. Rundan är ungefär 3 kilometer och tar knappt två timmar.
      Backen upp mot Kvarnberget är brant. Säg till i förväg om du behöver en väg runt den.
      Klä dig varmt och ta med reflex. Alla är välkomna, även du som inte var med i oktober.""";

  static final LineString ROUTE = Wgs84.FACTORY.createLineString(new Coordinate[] {
      new Coordinate(16.2215, 58.5648), new Coordinate(16.2205, 58.5647),
      new Coordinate(16.216, 58.565), new Coordinate(16.2112, 58.5652),
      new Coordinate(16.2125, 58.5668), new Coordinate(16.2165, 58.5678),
      new Coordinate(16.2224, 58.5682), new Coordinate(16.2232, 58.5705),
      new Coordinate(16.23, 58.5688), new Coordinate(16.2272, 58.567),
      new Coordinate(16.2248, 58.564), new Coordinate(16.2305, 58.5622),
      new Coordinate(16.2255, 58.5606), new Coordinate(16.2195, 58.5615),
      new Coordinate(16.214, 58.5603), new Coordinate(16.2122, 58.5612),
      new Coordinate(16.216, 58.5628), new Coordinate(16.2215, 58.5648)});

  /** A submitter's later pins of a walk evening may come a little after its planned end. */
  private static final Duration LATE = Duration.ofHours(3);

  private DemoWalks() {}

  static List<Walk> navestad(String slug) {
    Point square = Wgs84.point(16.2215, 58.5648);
    return List.of(
        new Walk(slug, "safety_walk", "Trygghetsvandring i Navestad, oktober",
            at(LocalDate.of(2026, 10, 14), 18), at(LocalDate.of(2026, 10, 14), 20),
            at(LocalDate.of(2026, 10, 14), 20).plus(Duration.ofMinutes(25)), square,
            "Torget i Navestad centrum, vid pelaren", ROUTE, 23,
            List.of("residents", "police", "housing_company", "municipality", "associations"),
            "Lina Berg, trygghetssamordnare", "dusk", "Mulet, 9 grader",
            "Samling på torget kl. 18. Bostadsbolaget och kommunpolisen gick med hela vägen. Mest"
                + " talades det om gångtunneln mot Hageby och belysningen vid parkeringsdäcket.", OCTOBER),
        new Walk(slug, "safety_walk", "Trygghetsvandring i Navestad, november",
            at(LocalDate.of(2026, 11, 11), 18), at(LocalDate.of(2026, 11, 11), 20),
            at(LocalDate.of(2026, 11, 11), 20).plus(Duration.ofMinutes(10)), square,
            "Torget i Navestad centrum, vid pelaren", ROUTE, 17,
            List.of("residents", "police", "housing_company", "youth", "seniors"),
            "Lina Berg, trygghetssamordnare", "dark", "Klart, 2 grader, halt på gångvägarna",
            "Andra vandringen, i mörker. Fritidsgården tog med sig ungdomar som visade var de"
                + " inte går på kvällen. Flera lampor från oktober var lagade.", NOVEMBER));
  }

  /**
   * Links the walk-source pins made during each walk to it. Their times are set along the route:
   * the group walks the loop once, so a pin near the start is made early and one near the end
   * late, evenly spread from five minutes after the start to ten before the end, and each is sent
   * fifteen seconds after it was made. The accuracy is what phones typically report outdoors.
   */
  static List<Pin> link(List<Pin> pins, List<Walk> walks) {
    List<Pin> out = new ArrayList<>(pins);
    LengthIndexedLine along = new LengthIndexedLine(ROUTE);
    for (int w = 0; w < walks.size(); w++) {
      Walk walk = walks.get(w);
      List<Integer> onWalk = new ArrayList<>();
      for (int i = 0; i < out.size(); i++) {
        Pin p = out.get(i);
        if (p.source().equals("walk") && p.dialogueSlug().equals(walk.dialogueSlug())
            && !p.createdAt().isBefore(walk.startsAt()) && p.createdAt().isBefore(walk.endsAt().plus(LATE))) {
          onWalk.add(i);
        }
      }
      List<Pin> snapshot = List.copyOf(out);
      onWalk.sort(Comparator.<Integer>comparingDouble(i -> along.project(snapshot.get(i).location().getCoordinate()))
          .thenComparing(i -> snapshot.get(i).text()));
      Duration span = Duration.between(walk.startsAt(), walk.endsAt()).minusMinutes(15);
      for (int k = 0; k < onWalk.size(); k++) {
        Instant recorded = walk.startsAt().plus(Duration.ofMinutes(5)).plus(span.multipliedBy(k).dividedBy(onWalk.size()));
        out.set(onWalk.get(k), snapshot.get(onWalk.get(k)).onWalk(w, recorded, 4 + (k * 7) % 12));
      }
    }
    out.sort(Comparator.comparing(Pin::createdAt).thenComparing(Pin::text));
    return List.copyOf(out);
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(DemoPins.ZONE).toInstant();
  }
}
