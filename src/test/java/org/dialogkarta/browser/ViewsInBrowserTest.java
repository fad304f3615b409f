package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A planner finds "Inkomna synpunkter" from the staff start page, registers a letter with its
 * sender and a scanned PDF, and sees it in the list; a text file passed off as a PDF is refused
 * next to the attachment field and nothing is stored. A correction after another planner's is
 * refused with the reason, and the list shows the other change. The form also works at 360 px.
 */
class ViewsInBrowserTest extends BrowserTest {

  private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void aPlannerRegistersALetterAndSeesItInTheList() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    signIn(page, new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    page.locator("#start-tools a[href='/personal/views.html']").click();
    page.waitForURL("**/personal/views.html");
    assertThat(page.locator("h1")).hasText("Inkomna synpunkter");
    page.locator("#views-dialogue").selectOption(String.valueOf(d.id()));
    assertThat(page.locator("#views-empty")).isVisible();

    page.locator("#view-received").fill("2026-10-14");
    page.locator("#view-channel").selectOption("letter");
    page.locator("#view-sender-type").selectOption("association");
    page.locator("#view-text").fill("Föreningen vill ha en belyst gångväg genom parken.");
    page.locator("#view-lon").fill("16,18");
    page.locator("#view-lat").fill("58.59");
    page.locator("#view-sender-name").fill("Berit Brevsson");
    page.locator("#view-sender-organisation").fill("Parkens vänner");
    page.locator("#view-attachment").setInputFiles(new FilePayload("brev.pdf", "application/pdf",
        "Hej, det här är bara text".getBytes(StandardCharsets.UTF_8)));
    page.locator("#view-save").click();
    assertThat(page.locator("#error-view-attachment")).containsText("inte en PDF, JPEG eller PNG");
    assertThat(page.locator("#view-attachment")).hasAttribute("aria-invalid", "true");
    assertThat(count(d)).as("nothing stored for a refused file").isZero();

    page.locator("#view-attachment").setInputFiles(new FilePayload("brev.pdf", "application/pdf", PDF));
    page.locator("#view-save").focus();
    page.keyboard().press("Enter");

    var item = page.locator("#views-list li[data-channel='letter']");
    assertThat(item).containsText("Föreningen vill ha en belyst gångväg genom parken.");
    assertThat(item).containsText("Brev");
    assertThat(item).containsText("Förening");
    assertThat(item).containsText("Berit Brevsson");
    assertThat(item).containsText("Bilaga: brev.pdf");
    assertThat(item.locator("h3")).isFocused();
    assertThat(page.locator("#views-status")).containsText("Synpunkten är registrerad");
    assertThat(page.locator("#view-text")).hasValue("");
    assertThat(count(d)).isOne();
    Map<String, Object> stored = jdbc.sql("""
            SELECT v.received_on::text AS day, ST_X(v.location) AS lon, s.name, a.media_type
            FROM incoming_view v JOIN incoming_view_sender s ON s.view_id = v.id
            JOIN incoming_view_attachment a ON a.view_id = v.id WHERE v.dialogue_id = :d""")
        .param("d", d.id()).query().singleRow();
    assertThat(stored.get("day")).isEqualTo("2026-10-14");
    assertThat(((Number) stored.get("lon")).doubleValue()).isEqualTo(16.18);
    assertThat(stored.get("name")).isEqualTo("Berit Brevsson");
    assertThat(stored.get("media_type")).isEqualTo("application/pdf");

    // A correction while another planner saved first is refused and said so; nothing is lost.
    item.locator("button.edit-view").click();
    assertThat(page.locator("#view-form-heading")).isFocused();
    assertThat(page.locator("#view-form-heading")).containsText("Rätta synpunkten");
    assertThat(page.locator("#view-text")).hasValue("Föreningen vill ha en belyst gångväg genom parken.");
    assertThat(page.locator("#view-sender-name")).hasValue("Berit Brevsson");
    jdbc.sql("UPDATE incoming_view SET text = 'Den andras rättelse', version = version + 1, changed_by = 'annan-planerare'"
        + " WHERE dialogue_id = :d").param("d", d.id()).update();
    page.locator("#view-text").fill("Min rättelse");
    page.locator("#view-save").click();
    assertThat(page.locator("#view-form-error")).containsText("Någon annan har ändrat synpunkten");
    assertThat(item).containsText("Den andras rättelse");
    assertThat(text(d)).isEqualTo("Den andras rättelse");

    item.locator("button.edit-view").click();
    assertThat(page.locator("#view-text")).hasValue("Den andras rättelse");
    page.locator("#view-text").fill("Föreningen vill ha belysning längs hela gångvägen.");
    page.locator("#view-save").click();
    assertThat(page.locator("#views-status")).containsText("Rättelsen är sparad");
    assertThat(item).containsText("Föreningen vill ha belysning längs hela gångvägen.");
    assertThat(item).containsText("Bilaga: brev.pdf");
    assertThat(page.locator("#view-form-heading")).hasText("Registrera en synpunkt");
    assertThat(text(d)).isEqualTo("Föreningen vill ha belysning längs hela gångvägen.");
    assertThat(jdbc.sql("SELECT version FROM incoming_view WHERE dialogue_id = :d").param("d", d.id())
        .query(Integer.class).single()).isEqualTo(2);

    page.locator("#views-filter").selectOption("phone");
    assertThat(page.locator("#views-list li")).hasCount(0);
    page.locator("#views-filter").selectOption("");
    item.locator("button.delete-view").click();
    assertThat(item.locator("button.confirm-delete-view")).isFocused();
    assertThat(count(d)).as("asked first, not deleted yet").isOne();
    page.keyboard().press("Enter");
    assertThat(page.locator("#views-status")).containsText("Synpunkten är borttagen");
    assertThat(page.locator("#views-list li")).hasCount(0);
    assertThat(count(d)).isZero();
    assertThat(consoleErrors).allSatisfy(e -> assertThat(e).containsAnyOf("422", "409"));
  }

  @Test
  void theFormFitsAPhone() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    try (BrowserContext phone = newPhoneContext()) {
      Page p = phone.newPage();
      signIn(p, planner);
      p.navigate(url("/personal/views.html?dialogue=" + d.id()));
      assertThat(p.locator("#view-form")).isVisible();
      p.locator("#view-text").fill("Ringde om bullret från vägen.");
      p.locator("#view-channel").selectOption("phone");
      p.locator("#view-save").tap();
      assertThat(p.locator("#views-list li[data-channel='phone']")).containsText("Ringde om bullret");
      assertThat(p.locator("#views-list li[data-channel='phone']")).containsText("Hela området");
      Object overflow = p.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) overflow).intValue()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0);
    }
  }

  private String text(TestData.Dialogue d) {
    return jdbc.sql("SELECT text FROM incoming_view WHERE dialogue_id = :d").param("d", d.id())
        .query(String.class).single();
  }

  private long count(TestData.Dialogue d) {
    return jdbc.sql("SELECT count(*) FROM incoming_view WHERE dialogue_id = :d").param("d", d.id())
        .query(Long.class).single();
  }

  private void signIn(Page p, String username) {
    p.navigate(url("/logga-in"));
    p.locator("#username").fill(username);
    p.locator("#password").fill(StaffAccounts.PASSWORD);
    p.locator("#login-submit").click();
    p.waitForURL("**/personal/");
  }
}
