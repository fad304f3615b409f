package org.dialogkarta.pin;

/**
 * A pin has become public: stored published (post-moderation, a meeting) or approved by a
 * moderator. Published in the transaction that made it so; listeners (routing rules) act in it.
 */
public record PinPublished(long pinId) {}
