package org.dialogkarta.report;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A published version of a dialogue's report as listed: its number, when and by whom, the
 * summary that the public dialogue page shows ("Vad kom vi fram till? Vad händer nu?"), and the
 * addresses of its three files.
 */
public record PublishedReport(int number, OffsetDateTime publishedAt, String publishedBy, String conclusions,
    String nextSteps, int viewCount, int topicCount, Map<String, String> files) {}
