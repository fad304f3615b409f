package org.dialogkarta.report;

import java.util.List;

/**
 * A topic as a planner sends it. On creation, {@code views} may name the views to group under it
 * at once (e.g. a suggested theme taken over); on a change, {@code version} is the one loaded.
 */
public record TopicDraft(String title, String summary, String effect, String answer, String reason,
    List<String> views, Integer version) {}
