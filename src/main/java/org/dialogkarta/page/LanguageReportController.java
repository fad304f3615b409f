package org.dialogkarta.page;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How complete each language's texts are (LanguageReport), for administrators. */
@RestController
class LanguageReportController {

  private final LanguageReport report;

  LanguageReportController(LanguageReport report) {
    this.report = report;
  }

  @GetMapping("/api/v1/staff/languages")
  List<LanguageReport.Entry> languages() {
    return report.entries();
  }
}
