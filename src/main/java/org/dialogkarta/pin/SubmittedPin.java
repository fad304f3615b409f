package org.dialogkarta.pin;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The answer to a pin submission: the pin's id and the receipt token for the private link.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key already made it
 */
public record SubmittedPin(long id, String receipt, @JsonIgnore boolean replayed) {}
