package org.dialogkarta.moderation;

import java.util.List;
import java.util.TreeSet;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.geo.MetricCrs;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Which pins one reply answers: a list the planner ticked, the pins of a dialogue inside a
 * polygon they drew, or the DBSCAN cluster (in metres, in the metric CRS) that holds a pin they
 * clicked. Area and cluster take the pins the public can see or will see once approved: hidden
 * pins and merged duplicates stay out. A merged duplicate named in a list stands for the pin it
 * was merged into, whose submitters all see the reply.
 */
@Component
class PinSelection {

  /** Exactly one of {@code pinIds}, {@code area} (with {@code dialogue}) or {@code cluster}. */
  record Request(List<Long> pinIds, JsonNode area, String dialogue, Cluster cluster) {}

  /** DBSCAN settings: {@code eps} in metres, {@code minPoints} pins, around {@code clusterOf}. */
  record Cluster(String dialogue, Double eps, Integer minPoints, Long clusterOf) {}

  static final int MAX_PINS = 1000;
  static final double MAX_EPS_METRES = 5000;

  private static final String ANSWERABLE = "moderation_state <> 'hidden' AND merged_into IS NULL";

  private final DialogueRepository dialogues;
  private final MetricCrs metric;
  private final JdbcClient jdbc;

  PinSelection(DialogueRepository dialogues, MetricCrs metric, JdbcClient jdbc) {
    this.dialogues = dialogues;
    this.metric = metric;
    this.jdbc = jdbc;
  }

  /** The selected pins' ids, distinct and in id order; never empty. */
  List<Long> resolve(Request r) {
    boolean byArea = r.area() != null && !r.area().isNull();
    int ways = (r.pinIds() != null ? 1 : 0) + (byArea ? 1 : 0) + (r.cluster() != null ? 1 : 0);
    if (ways != 1) {
      throw InvalidInputException.of("pinIds", ways == 0 ? "selection.missing" : "selection.ambiguous",
          "Select the pins in one way: pinIds, area (with dialogue) or cluster");
    }
    List<Long> ids = r.pinIds() != null ? listed(r.pinIds())
        : byArea ? inArea(r.area(), r.dialogue())
        : inCluster(r.cluster());
    if (ids.isEmpty()) {
      throw InvalidInputException.of(byArea ? "area" : "cluster", "selection.empty", "No pins were selected");
    }
    return ids;
  }

  private List<Long> listed(List<Long> pinIds) {
    if (pinIds.isEmpty() || pinIds.contains(null) || pinIds.size() > MAX_PINS) {
      throw InvalidInputException.of("pinIds", "pinIds.invalid", "Give 1 to " + MAX_PINS + " pin ids");
    }
    TreeSet<Long> wanted = new TreeSet<>(pinIds);
    TreeSet<Long> answered = new TreeSet<>();
    jdbc.sql("SELECT id, COALESCE(merged_into, id) AS answered FROM pin WHERE id IN (:ids)").param("ids", wanted)
        .query((rs, row) -> new long[] {rs.getLong("id"), rs.getLong("answered")})
        .list()
        .forEach(found -> {
          wanted.remove(found[0]);
          answered.add(found[1]);
        });
    if (!wanted.isEmpty()) {
      throw new NotFoundException("No pin " + String.join(", ", wanted.stream().map(String::valueOf).toList()));
    }
    return List.copyOf(answered);
  }

  private List<Long> inArea(JsonNode area, String dialogueRef) {
    DrawnArea drawn = DrawnArea.parse(area);
    long dialogue = dialogue("dialogue", dialogueRef);
    return jdbc.sql("SELECT id FROM pin WHERE dialogue_id = :dialogue AND " + ANSWERABLE
            + " AND ST_Covers(ST_GeomFromText(:area, 4326), location) ORDER BY id")
        .param("dialogue", dialogue)
        .param("area", drawn.wkt())
        .query(Long.class)
        .list();
  }

  private List<Long> inCluster(Cluster c) {
    if (c.eps() == null || !(c.eps() > 0 && c.eps() <= MAX_EPS_METRES)) {
      throw InvalidInputException.of("cluster.eps", "cluster.eps", "eps is a distance in metres, above 0 and at most "
          + (int) MAX_EPS_METRES);
    }
    if (c.minPoints() == null || c.minPoints() < 1 || c.minPoints() > MAX_PINS) {
      throw InvalidInputException.of("cluster.minPoints", "cluster.min_points",
          "minPoints is a number of pins from 1 to " + MAX_PINS);
    }
    if (c.clusterOf() == null) {
      throw InvalidInputException.of("cluster.clusterOf", "cluster.pin_missing", "Say which pin's cluster to answer");
    }
    long dialogue = dialogue("cluster.dialogue", c.dialogue());
    boolean inDialogue = jdbc.sql("SELECT dialogue_id = :dialogue AND " + ANSWERABLE + " FROM pin WHERE id = :id")
        .param("dialogue", dialogue)
        .param("id", c.clusterOf())
        .query(Boolean.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("No pin " + c.clusterOf()));
    if (!inDialogue) {
      throw InvalidInputException.of("cluster.clusterOf", "cluster.pin_outside",
          "Pin " + c.clusterOf() + " is not a visible pin of this dialogue");
    }
    List<Long> ids = jdbc.sql("""
            WITH clustered AS (
              SELECT id, ST_ClusterDBSCAN(ST_Transform(location, :srid), eps := :eps, minpoints := :min)
                         OVER () AS cluster
              FROM pin WHERE dialogue_id = :dialogue AND %s)
            SELECT id FROM clustered
            WHERE cluster = (SELECT cluster FROM clustered WHERE id = :pin) ORDER BY id""".formatted(ANSWERABLE))
        .param("srid", metric.srid())
        .param("eps", c.eps())
        .param("min", c.minPoints())
        .param("dialogue", dialogue)
        .param("pin", c.clusterOf())
        .query(Long.class)
        .list();
    if (ids.isEmpty()) {
      throw InvalidInputException.of("cluster", "cluster.noise", "Pin " + c.clusterOf()
          + " is in no cluster with these settings; widen eps or lower minPoints");
    }
    return ids;
  }

  private long dialogue(String field, String ref) {
    if (ref == null || ref.isBlank()) {
      throw InvalidInputException.of(field, "dialogue.missing", "Say which dialogue the pins belong to");
    }
    return dialogues.getByIdOrSlug(ref.strip()).id();
  }
}
