package org.dialogkarta.mail;

/**
 * One message to one address, already written in the reader's language: a plain-text body always,
 * an HTML body when the sender has one, and the one-click unsubscribe address of a subscription
 * (sent as {@code List-Unsubscribe}), null for messages that are not one.
 */
public record Mail(String kind, String to, String language, String subject, String text, String html,
    String unsubscribeUrl) {}
