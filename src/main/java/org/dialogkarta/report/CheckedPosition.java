package org.dialogkarta.report;

/** A position that passed {@link PositionRules}: texts trimmed, blank ones null. */
record CheckedPosition(Effect effect, String answer, String reason) {}
