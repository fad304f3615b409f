package org.dialogkarta.walk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a {@link WalkMethod} together: scores per stop and item from the ratings, and for a repeat
 * walk the change at each stop and question, matched by the stop it was copied from and by the
 * item's lineage (a reworded item is still the same question).
 */
@Component
class WalkMethods {

  /** A mean score at or below this is a problem at that place. */
  static final double POOR = 2.5;
  /** A change of at least half a step counts as better or worse. */
  static final double STEP = 0.5;

  private final JdbcClient jdbc;
  private final Checklists checklists;
  private final WalkStops stops;
  private final WalkMeetings meetings;
  private final WalkActions actions;

  WalkMethods(JdbcClient jdbc, Checklists checklists, WalkStops stops, WalkMeetings meetings, WalkActions actions) {
    this.jdbc = jdbc;
    this.checklists = checklists;
    this.stops = stops;
    this.meetings = meetings;
    this.actions = actions;
  }

  WalkMethod of(long walkId) {
    Long repeatOf = jdbc.sql("SELECT repeat_of FROM walk WHERE id = :id").param("id", walkId)
        .query((rs, row) -> (Long) rs.getObject(1)).list().getFirst();
    List<Checklists.Item> items = checklists.of(walkId);
    List<WalkMethod.StopScores> scored = scores(walkId);
    WalkMethod.Comparison comparison = repeatOf == null ? null : compare(repeatOf, scored, items);
    return new WalkMethod(repeatOf, WalkMethod.Scale.DEFAULT, items, scored, meetings.of(walkId), actions.of(walkId),
        comparison);
  }

  List<WalkMethod.StopScores> scores(long walkId) {
    record Row(long stopId, long itemId, long lineage, double average, int count) {}
    List<Row> rows = jdbc.sql("""
            SELECT s.stop_id, r.item_id, i.lineage, avg(r.score)::float8 AS average, count(*)::int AS count
            FROM walk_rating r JOIN walk_rating_set s ON s.id = r.set_id JOIN walk_checklist_item i ON i.id = r.item_id
            WHERE s.walk_id = :walk GROUP BY s.stop_id, r.item_id, i.lineage""")
        .param("walk", walkId).query(Row.class).list();
    record Overall(long stopId, double average, int sets) {}
    Map<Long, Overall> overall = new HashMap<>();
    jdbc.sql("""
            SELECT s.stop_id, avg(r.score)::float8 AS average, count(DISTINCT s.id)::int AS sets
            FROM walk_rating r JOIN walk_rating_set s ON s.id = r.set_id WHERE s.walk_id = :walk GROUP BY s.stop_id""")
        .param("walk", walkId).query(Overall.class).list().forEach(o -> overall.put(o.stopId(), o));
    Map<Long, List<String>> comments = new HashMap<>();
    jdbc.sql("""
            SELECT s.stop_id, r.comment FROM walk_rating r JOIN walk_rating_set s ON s.id = r.set_id
            WHERE s.walk_id = :walk AND r.comment IS NOT NULL ORDER BY s.recorded_at, s.id""")
        .param("walk", walkId)
        .query(rs -> { comments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)); });
    Map<Long, List<WalkMethod.RatingPhoto>> photos = new HashMap<>();
    jdbc.sql("""
            SELECT s.stop_id, s.id FROM walk_rating_photo p JOIN walk_rating_set s ON s.id = p.set_id
            WHERE s.walk_id = :walk ORDER BY s.recorded_at, s.id""")
        .param("walk", walkId)
        .query(rs -> {
          photos.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(WalkMethod.RatingPhoto.of(walkId, rs.getLong(2)));
        });
    List<WalkMethod.StopScores> result = new ArrayList<>();
    for (WalkStops.Stop stop : stops.of(walkId)) {
      List<WalkMethod.ItemScore> its = rows.stream().filter(r -> r.stopId() == stop.id())
          .map(r -> new WalkMethod.ItemScore(r.itemId(), r.lineage(), round(r.average()), r.count())).toList();
      Overall o = overall.get(stop.id());
      result.add(new WalkMethod.StopScores(stop, o == null ? null : round(o.average()), o == null ? 0 : o.sets(), its,
          comments.getOrDefault(stop.id(), List.of()), photos.getOrDefault(stop.id(), List.of())));
    }
    return result;
  }

  private WalkMethod.Comparison compare(long earlierId, List<WalkMethod.StopScores> now, List<Checklists.Item> items) {
    record Earlier(String title, java.time.Instant startsAt) {}
    Earlier earlier = jdbc.sql("SELECT title, starts_at FROM walk WHERE id = :id").param("id", earlierId)
        .query((rs, row) -> new Earlier(rs.getString(1), rs.getTimestamp(2).toInstant())).single();
    Map<Long, WalkMethod.StopScores> before = new HashMap<>();
    scores(earlierId).forEach(s -> before.put(s.stop().id(), s));
    Map<Long, String> wording = new LinkedHashMap<>();
    items.stream().filter(i -> !i.retired()).forEach(i -> wording.put(i.lineage(), i.wording()));
    items.stream().filter(Checklists.Item::retired).forEach(i -> wording.putIfAbsent(i.lineage(), i.wording()));
    List<WalkMethod.StopChange> changes = new ArrayList<>();
    List<WalkMethod.Problem> fresh = new ArrayList<>();
    List<WalkMethod.Problem> resolved = new ArrayList<>();
    for (WalkMethod.StopScores s : now) {
      WalkMethod.StopScores b = s.stop().copiedFrom() == null ? null : before.get(s.stop().copiedFrom());
      Map<Long, Double> was = byLineage(b == null ? List.of() : b.items());
      Map<Long, Double> is = byLineage(s.items());
      List<WalkMethod.ItemChange> itemChanges = new ArrayList<>();
      for (Map.Entry<Long, String> q : wording.entrySet()) {
        Double x = was.get(q.getKey());
        Double y = is.get(q.getKey());
        if (x == null && y == null) {
          continue;
        }
        itemChanges.add(new WalkMethod.ItemChange(q.getKey(), q.getValue(), x, y, x == null || y == null ? null : round(y - x)));
        boolean poorBefore = x != null && x <= POOR;
        boolean poorNow = y != null && y <= POOR;
        if (poorNow && !poorBefore) {
          fresh.add(new WalkMethod.Problem(s.stop().name(), q.getValue(), x, y));
        } else if (poorBefore && y != null && !poorNow) {
          resolved.add(new WalkMethod.Problem(s.stop().name(), q.getValue(), x, y));
        }
      }
      Double x = b == null ? null : b.average();
      Double y = s.average();
      Double change = x == null || y == null ? null : round(y - x);
      changes.add(new WalkMethod.StopChange(s.stop().id(), s.stop().name(), x, y, change, trend(change), itemChanges));
    }
    List<WalkActions.Action> done = actions.of(earlierId).stream().filter(a -> Objects.equals(a.status(), "done")).toList();
    return new WalkMethod.Comparison(earlierId, earlier.title(), earlier.startsAt(), changes, done, fresh, resolved);
  }

  static String trend(Double change) {
    if (change == null) {
      return "unrated";
    }
    return change >= STEP ? "improved" : change <= -STEP ? "worse" : "unchanged";
  }

  /** The mean per lineage, weighting each version's mean by its count. */
  private static Map<Long, Double> byLineage(List<WalkMethod.ItemScore> scores) {
    Map<Long, double[]> sums = new HashMap<>();
    for (WalkMethod.ItemScore s : scores) {
      double[] acc = sums.computeIfAbsent(s.lineage(), k -> new double[2]);
      acc[0] += s.average() * s.count();
      acc[1] += s.count();
    }
    Map<Long, Double> means = new HashMap<>();
    sums.forEach((k, v) -> means.put(k, round(v[0] / v[1])));
    return means;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
