package org.dialogkarta.walk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the planner prints the evening after a walk: the walk, the route actually walked (every
 * phone's track, as one MultiLineString), the stops in the order they were made, and the action
 * list: what was found, by category, with how many pins said so; and the safety-walk method's
 * checklist scores, meetings, action plan and comparison ({@link WalkMethod}).
 *
 * @param trackPointsDropped GPS points the tracks' filter threw away, summed over the tracks
 */
record WalkReport(Walk walk, Map<String, Object> track, long trackPointsDropped, List<Stop> stops,
    List<Action> actions, WalkMethod method) {

  /**
   * One pin of the walk. Staff see pending and hidden pins too, marked by {@code moderationState}.
   *
   * @param sequence   the place in walk order, from 1, counted when the report is read
   * @param recordedAt when the device made the pin, or when it arrived if the device did not say
   * @param receivedAt when the pin arrived
   * @param text       null once the retention period deleted it
   */
  record Stop(int sequence, long pinId, String category, List<String> subtags, String text,
      Map<String, Object> location, Instant recordedAt, Instant receivedAt, Float accuracyM,
      String moderationState, String status, Long mergedInto, List<Photo> photos) {}

  /** A photo through the staff photo read, which serves pins in every state. */
  record Photo(long id, String url, String thumbnailUrl) {
    static Photo of(long id) {
      String url = "/api/v1/staff/moderation/photos/" + id;
      return new Photo(id, url, url + "/thumbnail");
    }
  }

  /** The pins of one category, in walk order. */
  record Action(String category, int count, List<Long> pins) {}

  /**
   * The action list: every category with its pins, most pins first. Hidden pins (abuse, off
   * topic) and merged duplicates are no action of their own and are left out.
   */
  static List<Action> actions(List<Stop> stops) {
    Map<String, List<Long>> byCategory = new LinkedHashMap<>();
    stops.stream()
        .filter(s -> !"hidden".equals(s.moderationState()) && s.mergedInto() == null)
        .forEach(s -> byCategory.computeIfAbsent(s.category(), c -> new ArrayList<>()).add(s.pinId()));
    return byCategory.entrySet().stream()
        .map(e -> new Action(e.getKey(), e.getValue().size(), List.copyOf(e.getValue())))
        .sorted(Comparator.comparingInt(Action::count).reversed().thenComparing(Action::category))
        .toList();
  }
}
