package org.dialogkarta.correspondence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A registered view as planners read it, with its sender (personal data: this record is served
 * only on the staff paths that SecurityConfig keeps for planners).
 *
 * @param location a GeoJSON Point, or null for the whole area
 * @param sender null when unknown, anonymous, or deleted by retention
 * @param attachment null when none was attached (or retention deleted it)
 */
record IncomingView(long id, long dialogueId, LocalDate receivedOn, Channel channel, SenderType senderType,
    String text, Place location, ViewDraft.Sender sender, AttachmentInfo attachment, int version,
    String registeredBy, OffsetDateTime createdAt, String changedBy, OffsetDateTime changedAt) {

  /** A GeoJSON Point in WGS84. */
  record Place(String type, List<Double> coordinates) {}

  /** What the list shows of an attachment; the bytes are at {@code url}. */
  record AttachmentInfo(String mediaType, String fileName, int byteSize, String url) {}

  /** The audit's copy: what changed, without the text or anything about the sender. */
  record Audited(long dialogueId, LocalDate receivedOn, Channel channel, SenderType senderType, boolean hasPlace,
      boolean hasSender, boolean hasAttachment, int version) {}

  Audited audited() {
    return new Audited(dialogueId, receivedOn, channel, senderType, location != null, sender != null,
        attachment != null, version);
  }
}
