package org.dialogkarta.walk;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A walk as staff plan it, and fill it in afterwards (create or replace), exactly as sent: codes
 * and times stay strings so that a wrong one is reported by field ({@link CheckedWalk}). The
 * dialogue is named by {@code dialogueId} or by {@code dialogue} (id or slug); the meeting point
 * is a GeoJSON Point and the planned route a GeoJSON LineString, both drawn on the map.
 * {@code description} tells participants what the walk is for (several lines, translatable).
 * {@code repeatOf} names the earlier walk of the same dialogue that a new walk repeats.
 */
record WalkDraft(
    Long dialogueId,
    String dialogue,
    String kind,
    String title,
    String description,
    String startsAt,
    String endsAt,
    JsonNode meetingPoint,
    String meetingPointName,
    JsonNode plannedRoute,
    Integer participantCount,
    List<String> groups,
    String facilitator,
    String light,
    String weather,
    String note,
    Long repeatOf) {}
