package org.dialogkarta.moderation;

import static org.dialogkarta.pin.PinStatus.DONE;
import static org.dialogkarta.pin.PinStatus.FORWARDED;
import static org.dialogkarta.pin.PinStatus.IN_REVIEW;
import static org.dialogkarta.pin.PinStatus.NOT_FEASIBLE;
import static org.dialogkarta.pin.PinStatus.OUT_OF_SCOPE;
import static org.dialogkarta.pin.PinStatus.PLANNED;
import static org.dialogkarta.pin.PinStatus.RECEIVED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.pin.PinStatus;

/**
 * Which status a pin may move to from the one it has. The main line is received → in_review →
 * forwarded → planned → done; a planner may skip ahead on it (a lamp already mended goes straight
 * to done), close an open pin as not feasible or out of scope, go back one step on the main line
 * to undo a slip, and reopen any later pin for review. Keeping the status unchanged is not a
 * transition and is always allowed (a bulk reply may touch pins that are there already).
 */
public final class StatusTransitions {

  private static final Map<PinStatus, Set<PinStatus>> ALLOWED = new EnumMap<>(PinStatus.class);

  static {
    ALLOWED.put(RECEIVED, EnumSet.of(IN_REVIEW, FORWARDED, PLANNED, DONE, NOT_FEASIBLE, OUT_OF_SCOPE));
    ALLOWED.put(IN_REVIEW, EnumSet.of(RECEIVED, FORWARDED, PLANNED, DONE, NOT_FEASIBLE, OUT_OF_SCOPE));
    ALLOWED.put(FORWARDED, EnumSet.of(IN_REVIEW, PLANNED, DONE, NOT_FEASIBLE, OUT_OF_SCOPE));
    ALLOWED.put(PLANNED, EnumSet.of(FORWARDED, IN_REVIEW, DONE, NOT_FEASIBLE, OUT_OF_SCOPE));
    ALLOWED.put(DONE, EnumSet.of(PLANNED, IN_REVIEW));
    ALLOWED.put(NOT_FEASIBLE, EnumSet.of(IN_REVIEW));
    ALLOWED.put(OUT_OF_SCOPE, EnumSet.of(IN_REVIEW));
  }

  private StatusTransitions() {}

  public static boolean allowed(PinStatus from, PinStatus to) {
    return from == to || ALLOWED.get(from).contains(to);
  }

  /** The statuses reachable from {@code from}, for messages and for the staff pages' menus. */
  public static Set<PinStatus> next(PinStatus from) {
    return EnumSet.copyOf(ALLOWED.get(from));
  }
}
