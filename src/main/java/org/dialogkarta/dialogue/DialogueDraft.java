package org.dialogkarta.dialogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A dialogue as an administrator writes it (create or replace), exactly as sent: codes stay
 * strings so that a wrong one is reported by field. The study area is GeoJSON drawn on the map
 * or uploaded as a file (geometry, Feature or FeatureCollection). {@code acceptedShapes} left out
 * means point only.
 */
public record DialogueDraft(
    String slug,
    String title,
    String summary,
    String status,
    LocalDate startsOn,
    LocalDate endsOn,
    String participationLevel,
    String moderationMode,
    JsonNode studyArea,
    List<String> categories,
    Map<String, List<String>> subtags,
    Map<String, String> subtagLabels,
    String outcome,
    String nextSteps,
    String responsibleUnit,
    String contact,
    List<String> acceptedShapes) {}
