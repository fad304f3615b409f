package org.dialogkarta.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.analysis.api.ClusterAnalysis;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.pin.PublicPins;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The collections on offer: all published pins, the pins, clusters and hotspots of each dialogue
 * ({@code pins-<slug>}, {@code clusters-<slug>}, {@code hotspots-<slug>}: stable because slugs do
 * not change), neighbourhoods, study areas and walk routes. Extents come
 * from the small tables (study areas, neighbourhoods, routes), never from a scan of all pins: a
 * pin must lie in its dialogue's study area, so the areas bound the pins.
 */
@Component
class OgcCollections {

  static final String PINS_PREFIX = "pins-";
  static final String CLUSTERS_PREFIX = "clusters-";
  static final String HOTSPOTS_PREFIX = "hotspots-";
  static final String LINES_PREFIX = "pin-lines-";
  static final String AREAS_PREFIX = "pin-areas-";

  private static final String EXTENT = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(%s) AS e %s) x";

  private final JdbcClient jdbc;
  private final AnalysisFeatures analyses;

  OgcCollections(JdbcClient jdbc, AnalysisFeatures analyses) {
    this.jdbc = jdbc;
    this.analyses = analyses;
  }

  List<OgcCollection> all() {
    List<OgcCollection> out = new ArrayList<>();
    out.add(allPins());
    List<Dialogue> dialogues = dialogues(null);
    for (Dialogue d : dialogues) {
      out.add(dialoguePins(d));
      out.addAll(DrawnShapeCollections.of(d.id(), d.slug(), d.title(), d.times(), d.shapes(), this::extent));
    }
    java.util.Set<Long> measured = withComputedExtent(dialogues.stream().map(Dialogue::id).toList());
    for (Dialogue d : dialogues) {
      out.add(clusters(d, measured.contains(d.id())));
      out.add(hotspots(d, measured.contains(d.id())));
    }
    out.add(neighbourhoods());
    out.add(studyAreas());
    out.add(walkRoutes());
    return out;
  }

  Optional<OgcCollection> find(String id) {
    return switch (id) {
      case "pins" -> Optional.of(allPins());
      case "neighbourhoods" -> Optional.of(neighbourhoods());
      case "study-areas" -> Optional.of(studyAreas());
      case "walk-routes" -> Optional.of(walkRoutes());
      default -> {
        if (id.startsWith(PINS_PREFIX)) {
          yield dialogue(id, PINS_PREFIX).map(this::dialoguePins);
        } else if (id.startsWith(CLUSTERS_PREFIX)) {
          yield dialogue(id, CLUSTERS_PREFIX).map(d -> clusters(d, measured(d)));
        } else if (id.startsWith(LINES_PREFIX) || id.startsWith(AREAS_PREFIX)) {
          String prefix = id.startsWith(LINES_PREFIX) ? LINES_PREFIX : AREAS_PREFIX;
          yield dialogue(id, prefix).flatMap(d -> DrawnShapeCollections.of(d.id(), d.slug(), d.title(),
              d.times(), d.shapes(), this::extent).stream().filter(c -> c.id().equals(id)).findFirst());
        } else if (id.startsWith(HOTSPOTS_PREFIX)) {
          yield dialogue(id, HOTSPOTS_PREFIX).map(d -> hotspots(d, measured(d)));
        }
        yield Optional.empty();
      }
    };
  }

  OgcCollection get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("No collection '" + id + "'"));
  }

  private OgcCollection allPins() {
    return new OgcCollection("pins", "Pins", "Published pins of all dialogues: suggestions, safety concerns,"
        + " service gaps and valued places, with status and the municipality's public replies.",
        Layer.pins(null), null, extent("d.study_area", "FROM dialogue d"), allTimes());
  }

  private OgcCollection dialoguePins(Dialogue d) {
    return new OgcCollection(PINS_PREFIX + d.slug(), "Pins: " + d.title(),
        "Published pins of the dialogue '" + d.title() + "'.", Layer.pins(d.id()), null, d.bbox(), d.times());
  }

  /** When the first and the last published pin of all were made (pin_created_idx); null while none. */
  private java.time.Instant[] allTimes() {
    String sql = "SELECT (SELECT p.created_at FROM pin p WHERE " + PUBLISHED + " ORDER BY p.created_at LIMIT 1),"
        + " (SELECT p.created_at FROM pin p WHERE " + PUBLISHED + " ORDER BY p.created_at DESC LIMIT 1)";
    return jdbc.sql(sql).query((rs, row) -> {
      java.time.OffsetDateTime first = rs.getObject(1, java.time.OffsetDateTime.class);
      java.time.OffsetDateTime last = rs.getObject(2, java.time.OffsetDateTime.class);
      return first == null ? null : new java.time.Instant[] {first.toInstant(), last.toInstant()};
    }).list().getFirst(); // a row always; its interval is null while there are no pins
  }

  /**
   * DBSCAN clusters with the analysis map's defaults; see {@link AnalysisFeatures}. Their outlines
   * reach past the study area (a hull's buffer, a hexagon across the edge), so the area's box is
   * not their extent: {@link AnalysisFeatures#extent} gives the box of the computed features, the
   * study area's box while there are none, and nothing (the extent is optional) for a dialogue too
   * large to analyse for a listing.
   */
  private OgcCollection clusters(Dialogue d, boolean measured) {
    return new OgcCollection(CLUSTERS_PREFIX + d.slug(), "Clusters: " + d.title(),
        "Clusters of published pins of the dialogue '" + d.title() + "' (DBSCAN, " + (int) ClusterAnalysis.DEFAULT_EPS
            + " m, at least " + ClusterAnalysis.DEFAULT_MIN_POINTS + " pins), outlined by their hulls.",
        null, computed(AnalysisFeatures.Kind.CLUSTERS, d),
        measured ? analysisExtent(AnalysisFeatures.Kind.CLUSTERS, d) : null,
        d.times());
  }

  private OgcCollection hotspots(Dialogue d, boolean measured) {
    return new OgcCollection(HOTSPOTS_PREFIX + d.slug(), "Hotspots: " + d.title(),
        "Hot and cold spots of published pins of the dialogue '" + d.title() + "': hexagons of its study area"
            + " with Getis-Ord Gi* z-scores and FDR-adjusted p-values (only hexagons with pins or a significant"
            + " class), at a scale chosen from the data (properties cellSize and distanceBand). Empty when the"
            + " study area holds fewer than 30 pins: too few for a hot spot test.",
        null, computed(AnalysisFeatures.Kind.HOTSPOTS, d),
        measured ? analysisExtent(AnalysisFeatures.Kind.HOTSPOTS, d) : null, null);
  }

  private static AnalysisFeatures.Analysis computed(AnalysisFeatures.Kind kind, Dialogue d) {
    return new AnalysisFeatures.Analysis(kind, Long.toString(d.id()));
  }

  private double[] analysisExtent(AnalysisFeatures.Kind kind, Dialogue d) {
    return analyses.extent(computed(kind, d), d.bbox()).orElse(null);
  }

  /**
   * At most this many published pins, counted over the dialogues from the newest back, have their
   * clusters and hotspots computed to declare an extent; older dialogues' analyses declare none
   * (it is optional). The true extent needs the whole analysis, and the collection list must stay
   * quick however many dialogues there are, and say the same as each collection's own document.
   */
  static final int EXTENT_MAX_PINS = 10_000;

  /** And at most this many dialogues: two analyses each, all kept by {@link AnalysisFeatures} at once. */
  static final int EXTENT_MAX_DIALOGUES = AnalysisFeatures.KEPT / 4;

  private static final String PUBLISHED_UP_TO = "SELECT count(*) FROM (SELECT 1 FROM pin p WHERE p.dialogue_id = :d AND "
      + PublicPins.condition("p") + " LIMIT :most) x";

  private boolean measured(Dialogue d) {
    List<Long> newer = jdbc.sql("SELECT id FROM dialogue WHERE id >= :id ORDER BY id DESC LIMIT :most")
        .param("id", d.id()).param("most", EXTENT_MAX_DIALOGUES).query(Long.class).list();
    return withComputedExtent(newer).contains(d.id());
  }

  /** Of these dialogues, the ones within {@link #EXTENT_MAX_PINS}, newest first. */
  private java.util.Set<Long> withComputedExtent(List<Long> dialogueIds) {
    java.util.Set<Long> out = new java.util.HashSet<>();
    long left = EXTENT_MAX_PINS;
    for (long id : dialogueIds.stream().sorted(java.util.Comparator.reverseOrder()).limit(EXTENT_MAX_DIALOGUES).toList()) {
      long pins = jdbc.sql(PUBLISHED_UP_TO).param("d", id).param("most", left + 1).query(Long.class).single();
      if (pins > left) {
        break;
      }
      left -= pins;
      out.add(id);
    }
    return out;
  }

  private Optional<Dialogue> dialogue(String collectionId, String prefix) {
    return dialogues(collectionId.substring(prefix.length())).stream().findFirst();
  }

  private OgcCollection neighbourhoods() {
    return new OgcCollection("neighbourhoods", "Neighbourhoods", "Neighbourhoods with their population.",
        Layer.neighbourhoods(), extent("n.boundary", "FROM neighbourhood n"));
  }

  private OgcCollection studyAreas() {
    return new OgcCollection("study-areas", "Study areas", "The area each dialogue asks about.",
        Layer.studyAreas(), extent("d.study_area", "FROM dialogue d"));
  }

  private OgcCollection walkRoutes() {
    return new OgcCollection("walk-routes", "Walk routes",
        "Planned routes of safety walks and community walks.", Layer.walkRoutes(),
        extent("w.planned_route", "FROM walk w"));
  }

  /** The layer's bounding box, or null while the layer is empty (an empty table is a valid layer). */
  private double[] extent(String geometry, String from) {
    List<double[]> boxes = jdbc.sql(EXTENT.formatted(geometry, from)).query((rs, row) -> box(rs, 1)).list();
    return boxes.isEmpty() ? null : boxes.getFirst();
  }

  /** A dialogue with its study area's box and when its first and last published pin were made. */
  private record Dialogue(long id, String slug, String title, double[] bbox, java.time.Instant[] times,
      List<String> shapes) {}

  private static final String PUBLISHED = PublicPins.condition("p");

  private List<Dialogue> dialogues(String slug) {
    String where = slug == null ? "" : " WHERE d.slug = :slug";
    // The first and last pin times from the two ends of pin_dialogue_created_idx (V18): two index
    // probes a dialogue, not a scan of its pins.
    var sql = jdbc.sql("""
        SELECT d.id, d.slug, d.title, ST_XMin(d.study_area), ST_YMin(d.study_area), ST_XMax(d.study_area),
               ST_YMax(d.study_area), first.created_at, last.created_at, d.accepted_shapes
        FROM dialogue d
        LEFT JOIN LATERAL (SELECT p.created_at FROM pin p WHERE p.dialogue_id = d.id AND %1$s
                           ORDER BY p.dialogue_id, p.created_at LIMIT 1) first ON true
        LEFT JOIN LATERAL (SELECT p.created_at FROM pin p WHERE p.dialogue_id = d.id AND %1$s
                           ORDER BY p.dialogue_id DESC, p.created_at DESC LIMIT 1) last ON true""".formatted(PUBLISHED)
        + where + " ORDER BY d.id");
    if (slug != null) {
      sql = sql.param("slug", slug);
    }
    return sql.query((rs, row) -> {
      java.time.OffsetDateTime first = rs.getObject(8, java.time.OffsetDateTime.class);
      java.time.OffsetDateTime last = rs.getObject(9, java.time.OffsetDateTime.class);
      return new Dialogue(rs.getLong(1), rs.getString(2), rs.getString(3), box(rs, 4),
          first == null ? null : new java.time.Instant[] {first.toInstant(), last.toInstant()},
          List.of((String[]) rs.getArray(10).getArray()));
    }).list();
  }

  private static double[] box(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    double minX = rs.getDouble(first);
    if (rs.wasNull()) {
      return null;
    }
    return new double[] {minX, rs.getDouble(first + 1), rs.getDouble(first + 2), rs.getDouble(first + 3)};
  }
}
