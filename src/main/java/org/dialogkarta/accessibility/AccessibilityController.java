package org.dialogkarta.accessibility;

import java.net.URI;
import java.util.List;
import org.dialogkarta.receipt.Receipts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accessibility statement's facts, and its "report a problem" form: public sending and
 * reading by receipt (header {@value Receipts#HEADER}, never the URL); answering and closing for
 * administrators.
 */
@RestController
class AccessibilityController {

  record Answer(String answer) {}

  private final AccessibilitySettings settings;
  private final AccessibilityReports reports;

  AccessibilityController(AccessibilitySettings settings, AccessibilityReports reports) {
    this.settings = settings;
    this.reports = reports;
  }

  @GetMapping("/api/v1/accessibility")
  AccessibilitySettings.Statement statement() {
    return settings.statement();
  }

  @PostMapping("/api/v1/accessibility/reports")
  ResponseEntity<AccessibilityReports.Sent> report(@RequestBody ReportSubmission submission,
      @RequestHeader(name = Receipts.HEADER, required = false) String receipt) {
    AccessibilityReports.Sent sent = reports.submit(submission, receipt);
    return ResponseEntity.created(URI.create("/api/v1/accessibility/reports/mine")).body(sent);
  }

  @GetMapping("/api/v1/accessibility/reports/mine")
  List<AccessibilityReports.Mine> mine(@RequestHeader(name = Receipts.HEADER, required = false) String receipt) {
    return reports.mine(receipt);
  }

  @GetMapping("/api/v1/staff/accessibility/reports")
  List<AccessibilityReports.ForStaff> all() {
    return reports.all();
  }

  @PostMapping("/api/v1/staff/accessibility/reports/{id}/answer")
  AccessibilityReports.ForStaff answer(@PathVariable long id, @RequestBody Answer body) {
    return reports.answer(id, body == null ? null : body.answer());
  }

  @PostMapping("/api/v1/staff/accessibility/reports/{id}/close")
  AccessibilityReports.ForStaff close(@PathVariable long id) {
    return reports.close(id);
  }
}
