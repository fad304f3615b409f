package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An administrator creates a dialogue with a study area uploaded as a GeoJSON file, opens it,
 * and citizens see it on the start page; a bow-tie area is refused with the reason.
 */
class AdministrationInBrowserTest extends BrowserTest {

  private static final String AREA = """
      {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"namn": "Hageby"},
       "geometry": {"type": "Polygon", "coordinates": [[[16.17,58.55],[16.20,58.55],[16.20,58.57],[16.17,58.57],[16.17,58.55]]]}}]}""";
  private static final String BOW_TIE = """
      {"type": "Polygon", "coordinates": [[[16.1,58.5],[16.2,58.6],[16.2,58.5],[16.1,58.6],[16.1,58.5]]]}""";

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void createADialogueFromAnUploadedAreaAndOpenIt() {
    signInAsAdmin();
    page.navigate(url("/personal/dialogues.html"));
    String slug = "parken-" + UUID.randomUUID().toString().substring(0, 6);
    page.locator("#dialogue-title").fill("Parken vid Hageby torg");
    page.locator("#dialogue-slug").fill(slug);
    page.locator("#dialogue-summary").fill("Hur vill du använda parken?");
    page.locator("#dialogue-level").selectOption("dialogue");

    page.locator("#study-area-file").setInputFiles(new FilePayload("bow-tie.geojson", "application/geo+json",
        BOW_TIE.getBytes(StandardCharsets.UTF_8)));
    page.locator("#dialogue-save").click();
    assertThat(page.locator("#error-dialogue-area")).containsText("Self-intersection");
    assertThat(count(slug)).isZero();

    page.locator("#study-area-file").setInputFiles(new FilePayload("hageby.geojson", "application/geo+json",
        AREA.getBytes(StandardCharsets.UTF_8)));
    page.locator("#dialogue-save").click();
    eventually(() -> count(slug) == 1, "the dialogue to be saved");
    long id = jdbc.sql("SELECT id FROM dialogue WHERE slug = :s").param("s", slug).query(Long.class).single();
    Locator item = page.locator("#dialogues-list li.admin-dialogue[data-dialogue-id='" + id + "']");
    assertThat(item).containsText("Parken vid Hageby torg");
    assertThat(jdbc.sql("SELECT status || ' ' || ST_NumGeometries(study_area) FROM dialogue WHERE slug = :s")
        .param("s", slug).query(String.class).single()).isEqualTo("planned 1");

    item.locator("button.open-dialogue").click();
    eventually(() -> "ongoing".equals(jdbc.sql("SELECT status FROM dialogue WHERE id = :id").param("id", id)
        .query(String.class).single()), "the dialogue to open");
    page.navigate(url("/"));
    assertThat(page.locator("#dialogues-ongoing article.dialogue-card").filter(
        new Locator.FilterOptions().setHas(page.locator("a[href='/dialoger/" + slug + "']")))).hasCount(1);
  }

  @Test
  void openingADialogueBeforeItsStartDateAsksFirst() {
    org.dialogkarta.support.TestData.Dialogue d = new org.dialogkarta.support.TestData(jdbc).dialogue("planned",
        org.dialogkarta.support.TestData.NORRKOPING_CENTRE, java.util.List.of("suggestion"));
    jdbc.sql("UPDATE dialogue SET starts_on = current_date + 30 WHERE id = :id").param("id", d.id()).update();
    signInAsAdmin();
    page.navigate(url("/personal/dialogues.html"));
    Locator item = page.locator("#dialogues-list li.admin-dialogue[data-dialogue-id='" + d.id() + "']");
    item.locator("button.open-dialogue").click();
    Locator panel = item.locator(".confirm-close-panel");
    assertThat(panel).isVisible();
    assertThat(panel).containsText("ska börja");
    assertThat(panel).not().containsText("null");
    // Not opened yet: cancel keeps it planned.
    panel.locator("button.cancel-close").click();
    assertThat(panel).isHidden();
    org.assertj.core.api.Assertions.assertThat(status(d.id())).isEqualTo("planned");
    item.locator("button.open-dialogue").click();
    item.locator("button.confirm-open").click();
    eventually(() -> "ongoing".equals(status(d.id())), "the dialogue to open");

    // The form warns too: completed without an outcome text.
    item.locator("button.edit-dialogue").click();
    page.locator("#dialogue-status").selectOption("completed");
    assertThat(page.locator("#dialogue-status-warning")).containsText("utan text om vad som kom fram");
    page.locator("#dialogue-outcome").fill("Belysningen byts ut i vår.");
    assertThat(page.locator("#dialogue-status-warning")).isEmpty();
  }

  private String status(long id) {
    return jdbc.sql("SELECT status FROM dialogue WHERE id = :id").param("id", id).query(String.class).single();
  }

  private void signInAsAdmin() {
    String admin = new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(admin);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
  }

  private long count(String slug) {
    return jdbc.sql("SELECT count(*) FROM dialogue WHERE slug = :s").param("s", slug).query(Long.class).single();
  }
}
