package org.dialogkarta.accessibility;

/**
 * The JSON body of {@code POST /api/v1/accessibility/reports}, as sent: which page, what went
 * wrong, an optional e-mail address for the answer, and the page's language.
 */
public record ReportSubmission(String page, String description, String email, String language) {}
