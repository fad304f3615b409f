package org.dialogkarta.survey;

import java.util.List;

/**
 * A question is shown only when the earlier choice question {@code question} was answered with
 * (single choice) or including (multiple choice) one of {@code codes}.
 */
public record Condition(Long question, List<String> codes) {}
