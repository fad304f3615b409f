package org.dialogkarta.survey;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** What a stored response answers: its id and the receipt token, and whether it was a replay. */
public record SubmittedResponse(long id, String receipt, @JsonIgnore boolean replayed) {}
