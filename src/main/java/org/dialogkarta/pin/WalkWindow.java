package org.dialogkarta.pin;

import java.time.Duration;
import java.time.Instant;

/**
 * When a walk takes pins and track points: from an hour before its planned start (people gather
 * early and the first stop may be at the meeting point) until three hours after its planned end
 * (walks run late, and the short meeting after a community walk still counts), or until staff
 * close it, whichever comes first. What is judged is the time the device made the pin or point,
 * so a pin recorded during the walk on a phone without network is still the walk's when it is
 * sent the next day.
 *
 * <p>Kept with the pins, whose rules judge it, so that {@code walk} depends on {@code pin} and
 * never the other way; the walk feature reads it from its tables through {@link WalkWindows}.
 */
public record WalkWindow(long walkId, long dialogueId, Instant startsAt, Instant endsAt, Instant closedAt) {

  static final Duration EARLY = Duration.ofHours(1);
  static final Duration LATE = Duration.ofHours(3);

  /** Where a moment falls against the window. */
  public enum Timing { BEFORE, DURING, AFTER }

  public Instant opens() {
    return startsAt.minus(EARLY);
  }

  /** The last moment that counts: the close, when staff closed the walk before the usual end. */
  public Instant closes() {
    Instant usual = endsAt.plus(LATE);
    return closedAt != null && closedAt.isBefore(usual) ? closedAt : usual;
  }

  public Timing timing(Instant at) {
    if (at.isBefore(opens())) {
      return Timing.BEFORE;
    }
    return at.isAfter(closes()) ? Timing.AFTER : Timing.DURING;
  }
}
