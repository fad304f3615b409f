package org.dialogkarta.survey;

import java.util.List;
import org.dialogkarta.pin.GivenAnswer;

/**
 * The body of {@code POST /api/v1/dialogues/{id}/responses}: answers to the dialogue's own
 * questions, and optionally the receipt token the submitter already holds (to keep their pins
 * and answers on one receipt).
 */
public record ResponseSubmission(List<GivenAnswer> answers, String receipt) {}
