package org.dialogkarta.pin;

import tools.jackson.databind.JsonNode;

/**
 * One answer as sent: the question's id and the value as JSON (a code, a list of codes, a number,
 * a text or a GeoJSON geometry, by the question's kind). Checked by whoever implements
 * {@link PinAnswers}.
 */
public record GivenAnswer(Long question, JsonNode value) {}
