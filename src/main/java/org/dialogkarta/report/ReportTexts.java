package org.dialogkarta.report;

/**
 * The report's own words about the dialogue: how it was announced, what came of it ("Vad kom vi
 * fram till?") and what happens next ("Vad händer nu?"). The last two are the dialogue's outcome
 * and next steps, which the public dialogue page shows too.
 */
public record ReportTexts(String announcement, String conclusions, String nextSteps) {}
