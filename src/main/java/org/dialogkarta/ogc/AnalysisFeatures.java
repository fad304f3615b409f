package org.dialogkarta.ogc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dialogkarta.analysis.Cluster;
import org.dialogkarta.analysis.api.AnalysisFilter;
import org.dialogkarta.analysis.api.ClusterAnalysis;
import org.dialogkarta.analysis.api.HotspotAnalysis;
import org.dialogkarta.analysis.api.ProfileDisclosure;
import org.dialogkarta.kernel.BusyException;
import org.dialogkarta.geo.CrsTransform;
import org.dialogkarta.geo.GeoJson;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clusters and hotspot hexagons of one dialogue's published pins as OGC collections, computed on
 * each request by the analysis services with their default parameters (the same as the analysis
 * map's first view). {@code category} and {@code status} choose the pins analysed. The analysis
 * works in the metric CRS; geometries are moved into the requested CRS with
 * {@link CrsTransform}, and matched against {@code bbox} in WGS84.
 */
@Component
class AnalysisFeatures {

  enum Kind { CLUSTERS, HOTSPOTS }

  /** What a collection computes: clusters or hotspots of the dialogue with this slug. */
  record Analysis(Kind kind, String dialogue) {}

  /** A computed feature before it is written: geometry in the metric CRS, time span if any. */
  private record Computed(String id, Geometry geometry, ObjectNode properties, Instant first, Instant last) {}

  /**
   * GIS clients page through a layer with small pages (GDAL asks for 10 at a time), and each page
   * would redo the whole analysis: 2 s for clusters of 100,000 pins. So a result is kept for
   * {@link #KEEP_NANOS}, at most {@link #KEPT} of them, but only while the analysed pins are the
   * same: each request first takes a fingerprint of them (one indexed scan, {@link #FINGERPRINT}),
   * so a pin hidden or merged by a moderator a second ago is never counted or named here.
   */
  static final long KEEP_NANOS = 30_000_000_000L;
  static final int KEPT = 64;

  /**
   * At most this many public analyses run at once; one more waits briefly, then gets 503 with
   * Retry-After, so varying the parameters cannot keep every core busy.
   */
  static final int CONCURRENT = 2;
  private static final long WAIT_MS = 3_000;
  final java.util.concurrent.Semaphore running = new java.util.concurrent.Semaphore(CONCURRENT, true);

  /** The same selection whatever the order or repetition of its codes: one cache entry. */
  private record Key(Analysis analysis, List<String> categories, List<String> statuses) {
    Key {
      categories = categories.stream().distinct().sorted().toList();
      statuses = statuses.stream().distinct().sorted().toList();
    }
  }

  private record Kept(Selection selection, long at, String fingerprint) {}

  /** Which pins, where, in which category and status: what the analysis result depends on. */
  private static final String FINGERPRINT = """
      SELECT count(*) || ':' || coalesce(sum(hashtextextended(pin.id || pin.category || pin.status
             || ST_AsEWKT(pin.location) || coalesce(pin.recorded_at, pin.created_at), 0)), 0)
      FROM pin WHERE %s""";

  private final ConcurrentHashMap<Key, Kept> kept = new ConcurrentHashMap<>();
  private final ClusterAnalysis clusters;
  private final HotspotAnalysis hotspots;
  private final FeatureQueries queries;
  private final JsonMapper mapper;
  private final JdbcClient jdbc;

  AnalysisFeatures(ClusterAnalysis clusters, HotspotAnalysis hotspots, FeatureQueries queries, JsonMapper mapper,
      JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.clusters = clusters;
    this.hotspots = hotspots;
    this.queries = queries;
    this.mapper = mapper;
  }

  FeatureQueries.Page page(Analysis analysis, ItemsRequest request) {
    Selection all = selection(new Key(analysis, request.categories(), request.statuses()));
    Geometry box = box(request.bbox());
    CrsTransform toWgs84 = box == null ? null : CrsTransform.between(all.srid(), 4326);
    List<Computed> matched = new ArrayList<>();
    for (Computed c : all.features()) {
      if (box != null && !box.intersects(toWgs84.apply(c.geometry()))) {
        continue;
      }
      TimeFilter t = request.datetime();
      if (t != null && c.first() != null
          && ((t.end() != null && c.first().isAfter(t.end())) || (t.start() != null && c.last().isBefore(t.start())))) {
        continue;
      }
      matched.add(c);
    }
    List<FeatureQueries.Feature> page = new ArrayList<>();
    for (long i = request.offset(); i < matched.size() && i < request.offset() + request.limit(); i++) {
      page.add(write(matched.get((int) i), all.srid(), request.crs()));
    }
    return new FeatureQueries.Page((long) matched.size(), page, request.offset() + request.limit() < matched.size());
  }

  Optional<FeatureQueries.Feature> one(Analysis analysis, String id, OgcCrs crs) {
    Selection all = selection(new Key(analysis, List.of(), List.of()));
    return all.features().stream().filter(c -> c.id().equals(id)).findFirst().map(c -> write(c, all.srid(), crs));
  }

  private record Selection(int srid, List<Computed> features) {}

  /**
   * The box in CRS84 that holds every feature the collection gives without a filter: the
   * features' own box, from the same kept result the items come from (computed here if none is
   * kept); {@code whenEmpty} when the analysis has no features; empty when other analyses keep
   * the cores busy. {@link OgcCollections} decides which dialogues are small enough to ask.
   */
  Optional<double[]> extent(Analysis analysis, double[] whenEmpty) {
    Key key = new Key(analysis, List.of(), List.of());
    Selection all;
    try {
      all = selection(key);
    } catch (BusyException busy) {
      return Optional.empty();
    }
    if (all.features().isEmpty()) {
      return Optional.ofNullable(whenEmpty);
    }
    CrsTransform toWgs84 = CrsTransform.between(all.srid(), 4326);
    org.locationtech.jts.geom.Envelope box = new org.locationtech.jts.geom.Envelope();
    for (Computed c : all.features()) {
      box.expandToInclude(toWgs84.apply(c.geometry()).getEnvelopeInternal());
    }
    // An edge straight in the metric CRS bows by far less than a metre in WGS84 between its
    // corners; a margin of about a metre keeps every point of it inside.
    box.expandBy(EDGE_MARGIN_DEGREES);
    return Optional.of(new double[] {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()});
  }

  static final double EDGE_MARGIN_DEGREES = 1e-5;


  private Selection selection(Key key) {
    long now = System.nanoTime();
    kept.values().removeIf(k -> now - k.at() > KEEP_NANOS);
    if (kept.size() >= KEPT) {
      kept.clear();
    }
    String fingerprint = fingerprint(filter(key));
    return kept.compute(key, (k, old) -> old != null && now - old.at() <= KEEP_NANOS
        && old.fingerprint().equals(fingerprint) ? old
        : new Kept(compute(k.analysis(), filter(k)), now, fingerprint)).selection();
  }

  /**
   * Never a profile group: these collections are public and name their pins, which
   * {@link ProfileDisclosure} allows for a profile group to planners only ({@code ItemsRequest}
   * refuses {@code ageBand} and {@code gender}; the check here keeps it so if one is ever added).
   */
  private static AnalysisFilter filter(Key key) {
    AnalysisFilter filter = new AnalysisFilter(key.analysis().dialogue(), key.categories(), List.of(), null, null,
        List.of(), key.statuses(), null, List.of(), List.of(), List.of());
    ProfileDisclosure.withoutPlannerRole(filter).requirePinLevel();
    return filter;
  }

  private String fingerprint(AnalysisFilter filter) {
    AnalysisFilter.SqlCondition where = filter.toSql();
    return jdbc.sql(FINGERPRINT.formatted(where.sql())).params(where.params()).query(String.class).single();
  }

  private Selection compute(Analysis analysis, AnalysisFilter filter) {
    try {
      if (!running.tryAcquire(WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new BusyException("analysis.busy", "Other analyses are running; try again in a few seconds", 5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusyException("analysis.busy", "Interrupted while waiting for other analyses", 5);
    }
    try {
      return computeNow(analysis, filter);
    } finally {
      running.release();
    }
  }

  private Selection computeNow(Analysis analysis, AnalysisFilter filter) {
    List<Computed> out = new ArrayList<>();
    if (analysis.kind() == Kind.CLUSTERS) {
      ClusterAnalysis.Result r = clusters.clusters(filter, ClusterAnalysis.DEFAULT_EPS, ClusterAnalysis.DEFAULT_MIN_POINTS);
      for (Cluster c : r.clusters()) {
        ObjectNode p = mapper.createObjectNode();
        p.put("pinCount", c.pinCount());
        p.set("categories", mapper.valueToTree(c.categories()));
        p.put("firstAt", c.firstAt().toString());
        p.put("lastAt", c.lastAt().toString());
        p.put("hull", c.hullKind().code());
        p.put("eps", r.eps());
        p.put("minPoints", r.minPoints());
        p.set("pinIds", mapper.valueToTree(c.pinIds()));
        out.add(new Computed(Integer.toString(c.id()), c.hull(), p, c.firstAt(), c.lastAt()));
      }
      return new Selection(r.srid(), out);
    }
    HotspotAnalysis.Result r = hotspots.hotspots(filter, null, null);
    for (HotspotAnalysis.Cell c : r.cells()) {
      ObjectNode p = mapper.createObjectNode();
      p.put("count", c.count());
      number(p, "zScore", c.zScore());
      number(p, "pValue", c.pValue());
      number(p, "pAdjusted", c.pAdjusted());
      p.put("class", c.hotspotClass().code());
      p.put("confidence", c.hotspotClass().confidence());
      p.put("cellSize", r.cellSize());
      p.put("distanceBand", r.distanceBand());
      p.set("pinIds", mapper.valueToTree(c.pinIds()));
      out.add(new Computed(c.id(), c.hexagon(), p, null, null));
    }
    return new Selection(r.srid(), out);
  }

  /** JSON has no NaN: a statistic that could not be computed is null. */
  private static void number(ObjectNode p, String name, double value) {
    if (Double.isFinite(value)) {
      p.put(name, value);
    } else {
      p.putNull(name);
    }
  }

  private FeatureQueries.Feature write(Computed c, int srid, OgcCrs crs) {
    Geometry g = crs.srid() == srid ? c.geometry() : CrsTransform.between(srid, crs.srid()).apply(c.geometry());
    if (crs.northingFirst()) {
      g = swapAxes(g);
    }
    return new FeatureQueries.Feature(c.id(), mapper.writeValueAsString(GeoJson.geometry(g)),
        mapper.writeValueAsString(c.properties()));
  }

  private Geometry box(ItemsRequest.Box box) {
    if (box == null) {
      return null;
    }
    String ewkt = queries.wgs84Box(box);
    try {
      return new WKTReader().read(ewkt.substring(ewkt.indexOf(';') + 1));
    } catch (ParseException e) {
      throw new IllegalStateException("PostGIS wrote WKT that JTS cannot read: " + ewkt, e);
    }
  }

  private static Geometry swapAxes(Geometry geometry) {
    Geometry g = geometry.copy();
    g.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        double x = seq.getX(i);
        seq.setOrdinate(i, 0, seq.getY(i));
        seq.setOrdinate(i, 1, x);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    return g;
  }
}
