package org.dialogkarta.report;

import java.util.List;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published report for everyone: the public dialogue page shows the latest version's summary
 * ("Vad kom vi fram till? Vad händer nu?") and links its files. Drafts never appear here, and
 * neither does who published (a staff member's user name).
 */
@RestController
class PublicReportController {

  private final JdbcClient jdbc;
  private final ReportVersions versions;

  PublicReportController(JdbcClient jdbc, ReportVersions versions) {
    this.jdbc = jdbc;
    this.versions = versions;
  }

  record PublicReports(PublishedReport latest, List<PublishedReport> versions) {}

  @GetMapping("/api/v1/dialogues/{slug}/report")
  PublicReports reports(@PathVariable String slug) {
    long id = dialogueId(slug);
    List<PublishedReport> all = versions.list(id, base(slug)).stream()
        .map(v -> new PublishedReport(v.number(), v.publishedAt(), null, v.conclusions(), v.nextSteps(),
            v.viewCount(), v.topicCount(), v.files()))
        .toList();
    return new PublicReports(all.isEmpty() ? null : all.getFirst(), all);
  }

  @GetMapping("/api/v1/dialogues/{slug}/report/{number}.{format}")
  ResponseEntity<byte[]> file(@PathVariable String slug, @PathVariable int number, @PathVariable String format) {
    ReportFormat f = ReportController.format(format);
    ReportFile file = versions.file(dialogueId(slug), number, f)
        .orElseThrow(() -> new NotFoundException("No published version " + number + " of this dialogue's report"));
    // A published version never changes: caches may keep it.
    return ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.parseMediaType(f.mediaType()))
        .header("Content-Disposition", (f == ReportFormat.PDF || f == ReportFormat.HTML ? "inline" : "attachment")
            + "; filename=\"samradsredogorelse-" + slug + "-v" + number + "." + f.code() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
        .body(file.content());
  }

  private long dialogueId(String slug) {
    return jdbc.sql("SELECT id FROM dialogue WHERE slug = :slug").param("slug", slug).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("No dialogue '" + slug + "'"));
  }

  private static String base(String slug) {
    return "/api/v1/dialogues/" + slug + "/report/";
  }
}
