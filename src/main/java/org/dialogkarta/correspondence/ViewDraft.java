package org.dialogkarta.correspondence;

/**
 * A view as staff send it, unchecked: every field a string or a plain JSON shape so that a wrong
 * value is reported against its field by {@link ViewRules} instead of failing the whole body.
 *
 * @param receivedOn the day it arrived, ISO 8601 ({@code 2026-10-14})
 * @param location a GeoJSON Point in WGS84, or null for the whole area
 * @param sender who sent it, or null when unknown or anonymous
 * @param version the version the editor loaded; required when changing a view
 */
record ViewDraft(String receivedOn, String channel, String senderType, String text, Location location,
    Sender sender, Integer version) {

  /**
   * Coordinates as any JSON, so that a LineString's nested arrays are refused as "not a point"
   * for the field rather than as an unreadable body.
   */
  record Location(String type, Object coordinates) {}

  /** Personal data of the sender: every part optional. */
  record Sender(String name, String postalAddress, String email, String organisation) {}
}
