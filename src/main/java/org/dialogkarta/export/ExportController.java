package org.dialogkarta.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * File exports for GIS staff (role GIS by path in SecurityConfig): a direct download
 * {@code /api/v1/exports/pins.gpkg?crs=EPSG:3006&dialogue=...}, or a background job with
 * progress for large ones. Everything the caller asked for is checked before the first byte.
 */
@RestController
class ExportController {

  private final ExportRequests requests;
  private final Exports exports;
  private final ExportJobs jobs;
  private final ExportAudit audit;

  ExportController(ExportRequests requests, Exports exports, ExportJobs jobs, ExportAudit audit) {
    this.requests = requests;
    this.exports = exports;
    this.jobs = jobs;
    this.audit = audit;
  }

  @GetMapping("/api/v1/exports/{file}")
  void download(@PathVariable String file, @RequestParam MultiValueMap<String, String> params,
      HttpServletResponse response) throws IOException {
    refuseUnknown(params);
    ExportRequest request = requests.parsePath(ExportRequests.fromFile(file, single(params, "crs"),
        single(params, "dialogue"), single(params, "layers"), single(params, "eps"), single(params, "minPoints"),
        single(params, "cellSize"), single(params, "distanceBand")));
    // Logged before the first byte: a download cut short still took data out.
    audit.record(ExportAudit.DOWNLOAD, request, null);
    try (OutputStream out = new ResponseOutput(response, request.format().contentType(), request.fileName())) {
      exports.write(request, out, jobs.work(), Exports.Progress.NONE);
    }
  }

  /** The job's body has the fields of {@link ExportAsk}, all strings so that a wrong value is reported by field. */
  @PostMapping("/api/v1/exports/jobs")
  ResponseEntity<ExportJob.Status> start(@RequestBody ExportAsk ask, Principal who) {
    ExportRequest request = requests.parseFields(ask);
    ExportJob job = jobs.start(request, who.getName());
    audit.record(ExportAudit.JOB_START, job.described(), job.dialogueId());
    return ResponseEntity.accepted().location(URI.create("/api/v1/exports/jobs/" + job.id())).body(job.status());
  }

  @GetMapping("/api/v1/exports/jobs/{id}")
  ExportJob.Status job(@PathVariable String id, Principal who) {
    return find(id, who).status();
  }

  @GetMapping("/api/v1/exports/jobs/{id}/file")
  void jobFile(@PathVariable String id, Principal who, HttpServletResponse response) throws IOException {
    ExportJob job = find(id, who);
    switch (job.state()) {
      case RUNNING -> throw new ConflictException("export.job.running", "The export is still running ("
          + job.percent() + " %); fetch the file when its state is done");
      case FAILED -> throw new ConflictException("export.job.failed", "The export failed; start it again");
      case DONE -> {
        Path file = jobs.file(job.id());
        if (!Files.exists(file)) {
          throw new NotFoundException("The export's file has been deleted; start it again");
        }
        audit.record(ExportAudit.JOB_FILE, job.described(), job.dialogueId());
        response.setContentLengthLong(Files.size(file));
        try (OutputStream out = new ResponseOutput(response, ExportFormat.ofExtension(job.format()).orElseThrow().contentType(),
            job.fileName())) {
          Files.copy(file, out);
        }
      }
    }
  }

  private ExportJob find(String id, Principal who) {
    return jobs.find(id, who.getName()).orElseThrow(() -> new NotFoundException("No export job '" + id + "'"));
  }

  private static void refuseUnknown(MultiValueMap<String, String> params) {
    for (String name : params.keySet()) {
      if (!ExportRequests.PARAMETERS.contains(name)) {
        List<String> known = new ArrayList<>(ExportRequests.PARAMETERS);
        throw InvalidInputException.of(name, "parameter.unknown",
            "Unknown parameter '" + name + "'; known are " + known.stream().sorted().toList());
      }
    }
  }

  private static String single(MultiValueMap<String, String> params, String name) {
    List<String> given = params.get(name);
    if (given == null || given.isEmpty()) {
      return null;
    }
    if (given.size() > 1) {
      throw InvalidInputException.of(name, name + ".multiple", "Give one '" + name + "', not " + given.size());
    }
    return given.getFirst();
  }
}
