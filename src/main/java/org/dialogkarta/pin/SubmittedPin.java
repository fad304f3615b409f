package org.dialogkarta.pin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.dialogkarta.receipt.IdempotencyKeys;

/**
 * The answer to a pin submission: the pin's id and the receipt token for the private link.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key already made it
 */
public record SubmittedPin(long id, String receipt, @JsonIgnore boolean replayed) {

  /** The answer an earlier request with the same Idempotency-Key got. */
  static SubmittedPin replayed(IdempotencyKeys.Earlier earlier) {
    return new SubmittedPin(earlier.createdId(), earlier.receiptToken(), true);
  }
}
