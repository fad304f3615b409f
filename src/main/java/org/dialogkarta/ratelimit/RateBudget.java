package org.dialogkarta.ratelimit;

import java.time.Duration;

/**
 * One kind of action counted against its own budget: at most {@code limit} per {@code window}
 * (whole windows in UTC, e.g. ten minutes or a day) for one key. Budgets with different names
 * never share a count, even for the same client.
 */
public record RateBudget(String name, Duration window, int limit) {

  public RateBudget {
    if (name == null || name.isBlank() || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A rate budget needs a name and a positive window");
    }
  }
}
