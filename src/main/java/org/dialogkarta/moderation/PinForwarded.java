package org.dialogkarta.moderation;

/**
 * A pin has just been forwarded to a department (its status became forwarded, or a forwarded pin
 * got another department). Published inside the transaction of the change, so that a listener can
 * send the department its message in that same transaction.
 */
public record PinForwarded(long pinId, long departmentId) {}
