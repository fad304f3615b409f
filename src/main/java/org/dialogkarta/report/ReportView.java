package org.dialogkarta.report;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * One view as the report sees it, whatever its channel: a pin on the map (from the web, a walk or
 * a meeting) or a view registered by staff. Hidden pins keep their moderation reason and lose
 * their text here, so no later step can print it.
 *
 * @param channel {@code web}, {@code walk}, {@code meeting} for pins; {@code letter}, {@code email},
 *     {@code phone}, {@code meeting}, {@code remiss} for registered views
 * @param category the pin's category; null for registered views
 * @param senderType the registered view's sender type; null for pins
 * @param text null when hidden by moderation; a retention-deleted text is null with {@code textDeleted}
 * @param x easting in SWEREF 99 TM, null for "the whole area"
 * @param topicId the topic it is grouped under (a merged duplicate follows the pin it joined)
 * @param own the position written for this view alone, or null
 * @param replies the public replies to a pin, oldest first, or null
 * @param status the pin's workflow status, null for registered views
 * @param shape a pin's drawn line or area in SWEREF 99 TM (EPSG:3006), drawn on the maps; null otherwise
 */
public record ReportView(
    ViewRef ref,
    LocalDate receivedOn,
    String channel,
    String category,
    String senderType,
    String text,
    boolean hidden,
    String hiddenReason,
    boolean textDeleted,
    Double x,
    Double y,
    String neighbourhood,
    Long topicId,
    OwnPosition own,
    String replies,
    String status,
    int supports,
    Geometry shape) {

  /** A position written for one view, with the version the planner loaded. */
  public record OwnPosition(Effect effect, String answer, String reason, int version) {}

  boolean isPin() {
    return ref.kind() == ViewRef.Kind.PIN;
  }
}
