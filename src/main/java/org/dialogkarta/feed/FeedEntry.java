package org.dialogkarta.feed;

import java.time.OffsetDateTime;

/**
 * One thing that happened to a published pin: the pin itself ({@code pin}), a public reply
 * ({@code reply}) or a public change of status ({@code status}).
 *
 * @param itemId the pin's, the reply's or the event's id: with the kind, the entry's identity
 */
record FeedEntry(String kind, long itemId, long pinId, String dialogueSlug, String category, String text,
    OffsetDateTime at, String fromStatus, String toStatus) {}
