package org.dialogkarta.accessibility;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the accessibility statement says about who runs the site, from the settings
 * {@code dialogkarta.accessibility.*} (environment variables {@code DIALOGKARTA_A11Y_*}, see
 * application.properties); the defaults suit the demo municipality.
 *
 * @param organisation the public body responsible for the site (e.g. "Norrköpings kommun")
 * @param contact      how to reach it about accessibility (e-mail address or phone)
 * @param published    when the site was published
 * @param updated      when the statement was last reviewed, after an assessment that day
 */
@Component
public class AccessibilitySettings {

  /** Digg's page for reporting a public body's lack of accessibility. */
  public static final String DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan";

  /** The statement's facts as the page shows them. */
  public record Statement(String organisation, String contact, LocalDate published, LocalDate updated,
      String supervisoryAuthorityUrl, String conformance, String standard) {}

  private final Statement statement;

  AccessibilitySettings(
      @Value("${dialogkarta.accessibility.organisation:Demo kommun}") String organisation,
      @Value("${dialogkarta.accessibility.contact:tillganglighet@demo-kommun.example}") String contact,
      @Value("${dialogkarta.accessibility.published:2026-09-01}") LocalDate published,
      @Value("${dialogkarta.accessibility.updated:2026-12-05}") LocalDate updated) {
    this.statement = new Statement(organisation, contact, published, updated, DIGG_COMPLAINT_URL,
        "partially_compliant", "WCAG 2.1 AA");
  }

  public Statement statement() {
    return statement;
  }
}
