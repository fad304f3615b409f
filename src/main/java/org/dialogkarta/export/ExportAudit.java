package org.dialogkarta.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Puts every export in the audit log (GIS staff take free text home): who (the audit log's
 * actor), when (its time), and what — layers, format, CRS, dialogue, analysis settings, job.
 * Only the request is described; nothing of the exported content is ever written here.
 */
@Component
class ExportAudit {

  static final String DOWNLOAD = "export.download";
  static final String JOB_START = "export.job_start";
  static final String JOB_FILE = "export.job_file";

  private final AuditLog audit;

  ExportAudit(AuditLog audit) {
    this.audit = audit;
  }

  void record(String action, ExportRequest request, String jobId) {
    record(action, describe(request, jobId), request.scope().dialogueId());
  }

  /** An export described earlier ({@link #describe}), e.g. a job's file fetched on another node. */
  void record(String action, Map<String, Object> what, Long dialogueId) {
    // Filed under the dialogue when there is one, so "only this dialogue" on the audit page shows
    // its exports too; an export of every dialogue is filed under "export".
    audit.record(action, dialogueId == null ? "export" : "dialogue", dialogueId, null, what);
  }

  /** What is exported: layers, format, CRS, dialogue, analysis settings, job, file name. */
  static Map<String, Object> describe(ExportRequest request, String jobId) {
    ExportLayer.Scope scope = request.scope();
    Map<String, Object> what = new LinkedHashMap<>();
    what.put("layers", request.layers().stream().map(l -> l.schema().name()).toList());
    what.put("format", request.format().extension());
    what.put("crs", "EPSG:" + request.crs().epsg());
    what.put("dialogue", scope.dialogueId());
    what.put("dialogueSlug", scope.dialogueSlug());
    putIfSet(what, "eps", scope.eps());
    putIfSet(what, "minPoints", scope.minPoints());
    putIfSet(what, "cellSize", scope.cellSize());
    putIfSet(what, "distanceBand", scope.distanceBand());
    putIfSet(what, "job", jobId);
    what.put("file", request.fileName());
    return what;
  }

  private static void putIfSet(Map<String, Object> what, String key, Object value) {
    if (value != null) {
      what.put(key, value);
    }
  }
}
