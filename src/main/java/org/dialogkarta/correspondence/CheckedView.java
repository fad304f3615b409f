package org.dialogkarta.correspondence;

import java.time.LocalDate;
import org.locationtech.jts.geom.Point;

/** A view that passed {@link ViewRules}: typed, cleaned, ready to store. */
record CheckedView(LocalDate receivedOn, Channel channel, SenderType senderType, String text, Point location,
    ViewDraft.Sender sender) {}
