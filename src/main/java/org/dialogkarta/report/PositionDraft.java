package org.dialogkarta.report;

/**
 * The municipality's position as a planner sends it, for a topic or a single view; checked by
 * {@link PositionRules}. {@code version} is the one the planner loaded (null for a new one).
 */
public record PositionDraft(String effect, String answer, String reason, Integer version) {}
