package org.dialogkarta.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report of a dialogue for planners: its texts, draft builds with progress, publishing a
 * numbered version, the published versions' files, and the list of senders whose views were not
 * accommodated (PLANNER and above, by path in SecurityConfig).
 */
@RestController
@RequestMapping("/api/v1/staff/dialogues/{dialogueId}/report")
class ReportController {

  private final JdbcClient jdbc;
  private final WorkingViews working;
  private final ReportBuilds builds;
  private final ReportVersions versions;
  private final ReportViews views;
  private final NotMetViews notMet;
  private final AuditLog audit;

  ReportController(JdbcClient jdbc, WorkingViews working, ReportBuilds builds, ReportVersions versions,
      ReportViews views, NotMetViews notMet, AuditLog audit) {
    this.jdbc = jdbc;
    this.working = working;
    this.builds = builds;
    this.versions = versions;
    this.views = views;
    this.notMet = notMet;
    this.audit = audit;
  }

  /** What the report page opens with. */
  record Overview(long dialogueId, int views, int pending, int nextVersion, ReportTexts texts,
      List<PublishedReport> versions) {}

  @GetMapping
  Overview overview(@PathVariable long dialogueId) {
    working.requireDialogue(dialogueId);
    ReportTexts texts = jdbc.sql("SELECT announcement, outcome, next_steps FROM dialogue WHERE id = :id")
        .param("id", dialogueId)
        .query((rs, row) -> new ReportTexts(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    return new Overview(dialogueId, views.count(dialogueId), views.pending(dialogueId),
        versions.latestNumber(dialogueId) + 1, texts, versions.list(dialogueId, filesBase(dialogueId)));
  }

  @PutMapping("/texts")
  ReportTexts texts(@PathVariable long dialogueId, @RequestBody ReportTexts texts) {
    working.requireDialogue(dialogueId);
    List<FieldViolation> faults = new ArrayList<>();
    String announcement = PositionRules.text(texts.announcement(), "announcement", 2000, faults);
    String conclusions = PositionRules.text(texts.conclusions(), "conclusions", 5000, faults);
    String nextSteps = PositionRules.text(texts.nextSteps(), "nextSteps", 5000, faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    jdbc.sql("UPDATE dialogue SET announcement = :a, outcome = :o, next_steps = :n WHERE id = :id")
        .param("a", announcement).param("o", conclusions).param("n", nextSteps).param("id", dialogueId).update();
    audit.record("report.texts", "dialogue", dialogueId, null, Map.of("announcement", announcement != null,
        "conclusions", conclusions != null, "nextSteps", nextSteps != null));
    return new ReportTexts(announcement, conclusions, nextSteps);
  }

  @PostMapping("/builds")
  ResponseEntity<ReportBuild> draft(@PathVariable long dialogueId) {
    working.requireDialogue(dialogueId);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(builds.start(dialogueId, null, AuditLog.currentActor()));
  }

  @GetMapping("/builds/{id}")
  ReportBuild build(@PathVariable long dialogueId, @PathVariable String id) {
    return builds.find(dialogueId, uuid(id));
  }

  @GetMapping("/builds/{id}/report.{format}")
  ResponseEntity<byte[]> draftFile(@PathVariable long dialogueId, @PathVariable String id,
      @PathVariable String format) {
    ReportFormat f = format(format);
    ReportFile file = builds.file(dialogueId, uuid(id), f)
        .orElseThrow(() -> new NotFoundException("The draft is not ready, failed, or is more than an hour old"));
    return download(file, "samradsredogorelse-utkast." + f.code());
  }

  /** Body {@code {"number": n}}: the version the planner means to publish, the next one. */
  @PostMapping("/versions")
  ResponseEntity<ReportBuild> publish(@PathVariable long dialogueId, @RequestBody Map<String, Object> body) {
    working.requireDialogue(dialogueId);
    if (!(body.get("number") instanceof Integer number)) {
      throw InvalidInputException.of("number", "number.missing",
          "Send the number of the version to publish (the next one is " + (versions.latestNumber(dialogueId) + 1) + ")");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(builds.start(dialogueId, number, AuditLog.currentActor()));
  }

  @GetMapping("/versions")
  List<PublishedReport> versions(@PathVariable long dialogueId) {
    working.requireDialogue(dialogueId);
    return versions.list(dialogueId, filesBase(dialogueId));
  }

  @GetMapping("/versions/{number}.{format}")
  ResponseEntity<byte[]> versionFile(@PathVariable long dialogueId, @PathVariable int number,
      @PathVariable String format) {
    ReportFormat f = format(format);
    ReportFile file = versions.file(dialogueId, number, f)
        .orElseThrow(() -> new NotFoundException("No version " + number + " of the report of dialogue " + dialogueId));
    return download(file, "samradsredogorelse-v" + number + "." + f.code());
  }

  @GetMapping("/not-met")
  List<NotMetViews.Entry> notMet(@PathVariable long dialogueId) {
    working.requireDialogue(dialogueId);
    List<NotMetViews.Entry> entries = notMet.of(dialogueId);
    audit.record("report.notMet", "dialogue", dialogueId, null, Map.of("entries", entries.size()));
    return entries;
  }

  @GetMapping("/not-met.csv")
  ResponseEntity<byte[]> notMetCsv(@PathVariable long dialogueId) {
    List<NotMetViews.Entry> entries = notMet(dialogueId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header("Content-Disposition", ContentDisposition.attachment()
            .filename("ej-tillgodosedda-synpunkter.csv", StandardCharsets.UTF_8).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(NotMetViews.csv(entries).getBytes(StandardCharsets.UTF_8));
  }

  static String filesBase(long dialogueId) {
    return "/api/v1/staff/dialogues/" + dialogueId + "/report/versions/";
  }

  static ResponseEntity<byte[]> download(ReportFile file, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.format().mediaType()))
        .header("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
            .build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(file.content());
  }

  static ReportFormat format(String code) {
    return Coded.fromCode(ReportFormat.class, code).orElseThrow(() -> new NotFoundException(
        "No report format '" + code + "'; one of " + Coded.codesOf(ReportFormat.class)));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No report build " + id);
    }
  }

}
