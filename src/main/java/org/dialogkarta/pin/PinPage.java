package org.dialogkarta.pin;

import java.util.List;

/**
 * A page of published pins for the list view, newest first; {@code next} is the {@code before}
 * to send for the next page, null on the last.
 */
record PinPage(List<PinFeature> features, Long next) {

  static final int MAX_LIMIT = 200;
}
