package org.dialogkarta.report;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A build of the report as its progress is shown: which step it is at ({@code reading} the views,
 * then writing {@code html}, {@code pdf}, {@code docx}, then {@code publishing}), how far that
 * step has come, and when done the files' addresses (a publish build points at its version).
 */
public record ReportBuild(UUID id, long dialogueId, String kind, String state, String step, int done, int total,
    int percent, String error, Integer version, Map<String, String> files, OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {}
