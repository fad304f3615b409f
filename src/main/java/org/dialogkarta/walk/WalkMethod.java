package org.dialogkarta.walk;

import java.time.Instant;
import java.util.List;

/**
 * A safety walk run by the method: its checklist (every version), its stops with their scores,
 * the three meetings, the action plan and, for a repeat walk, the comparison with the walk it
 * repeats. What the staff walk page edits and the walk report prints.
 */
record WalkMethod(Long repeatOf, Scale scale, List<Checklists.Item> items, List<StopScores> stops,
    List<WalkMeetings.Meeting> meetings, List<WalkActions.Action> actions, Comparison comparison) {

  record Scale(int min, int max) {
    static final Scale DEFAULT = new Scale(ChecklistTemplate.MIN, ChecklistTemplate.MAX);
  }

  /**
   * @param average the mean of every score at the stop, null when nobody rated it
   * @param photos  the rating sets' photos at the stop, in the order they were rated
   */
  record StopScores(WalkStops.Stop stop, Double average, int ratingSets, List<ItemScore> items, List<String> comments,
      List<RatingPhoto> photos) {}

  /** A rating set's photo through the staff read. */
  record RatingPhoto(long setId, String url, String thumbnailUrl) {
    static RatingPhoto of(long walkId, long setId) {
      String url = "/api/v1/staff/walks/" + walkId + "/ratings/" + setId + "/photo";
      return new RatingPhoto(setId, url, url + "/thumbnail");
    }
  }

  /** The scores one item (one version of it) got at one stop. */
  record ItemScore(long itemId, long lineage, double average, int count) {}

  /**
   * A repeat walk against the walk it repeats.
   *
   * @param doneBetween the earlier walk's actions that were done
   */
  record Comparison(long earlierWalkId, String earlierTitle, Instant earlierStartsAt, List<StopChange> stops,
      List<WalkActions.Action> doneBetween, List<Problem> newProblems, List<Problem> resolvedProblems) {}

  /** @param trend improved, unchanged, worse or unrated */
  record StopChange(long stopId, String name, Double before, Double after, Double change, String trend,
      List<ItemChange> items) {}

  record ItemChange(long lineage, String wording, Double before, Double after, Double change) {}

  /** A stop and question scored poor (at most {@link WalkMethods#POOR}) on one walk and not on the other. */
  record Problem(String stop, String wording, Double before, Double after) {}
}
