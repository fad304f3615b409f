package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.BrowserTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A planner forwards a pin to the housing company; the company opens the link from the message
 * on a phone, sets "planned" with a date and writes a reply; the planner approves the reply in the
 * moderation detail, and it shows on the public pin and the citizen's receipt page.
 */
class ForwardingInBrowserTest extends BrowserTest {

  private static final Pattern LINK = Pattern.compile("/svar#([A-Za-z0-9_-]{43})");
  private static final String REPLY = "Vi lagar porten i nästa vecka.";

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void theBodyAnswersThroughTheLinkAndThePlannerApprovesTheReply() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    Api api = new Api(port);
    Api.Response submitted = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        Api.pinJson("safety_concern", "Porten till gården går inte att stänga", 16.18, 58.59));
    long pin = submitted.json().get("id").asLong();
    String receipt = submitted.json().get("receipt").asString();
    String address = "forvaltning-" + UUID.randomUUID().toString().substring(0, 8) + "@bostad.example.se";
    String name = "Bostadsbolaget " + UUID.randomUUID().toString().substring(0, 6);
    long housing = jdbc.sql("INSERT INTO department (name, kind) VALUES (:n, 'external') RETURNING id")
        .param("n", name).query(Long.class).single();
    jdbc.sql("INSERT INTO department_contact (department_id, address) VALUES (:d, :a)").param("d", housing).param("a", address).update();
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);

    // The planner forwards the pin from the moderation detail.
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.locator("a#nav-moderation").click();
    page.locator("#dialogue-select").selectOption(String.valueOf(dialogue.id()));
    page.locator("#state-filter").selectOption("published");
    openInQueue(pin);
    page.locator("#status-select").selectOption("forwarded");
    page.locator("#department-select").selectOption(String.valueOf(housing));
    page.locator("#status-save").click();
    assertThat(page.locator("#forwarding-heading")).isVisible();
    assertThat(page.locator(".forwarding-item")).containsText(address);

    String text = jdbc.sql("SELECT text_body FROM mail_outbox WHERE to_address = :a AND kind = 'forward'")
        .param("a", address).query(String.class).single();
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).isTrue();

    // The body, on a phone, with the keyboard where it can.
    BrowserContext phone = newPhoneContext();
    try {
      Page body = phone.newPage();
      body.onPageError(consoleErrors::add);
      body.navigate(url("/svar#" + link.group(1)));
      Locator item = body.locator("li.answer-pin[data-pin-id='" + pin + "']");
      assertThat(item).containsText("Porten till gården går inte att stänga");
      assertThat(body.locator("#answer-summary")).containsText(name);
      body.locator("#answer-" + pin + "-action-planned").check();
      assertThat(body.locator("#answer-" + pin + "-date")).isVisible();
      assertThat(body.locator("#answer-" + pin + "-reason")).isHidden();
      // Without a date the server names the field.
      body.locator("#answer-" + pin + "-send").click();
      assertThat(body.locator("#answer-" + pin + "-date-error")).not().isEmpty();
      body.locator("#answer-" + pin + "-date").fill(LocalDate.now().plusDays(7).toString());
      body.locator("#answer-" + pin + "-text").fill(REPLY);
      body.locator("#answer-" + pin + "-text").press("Tab");
      body.keyboard().press("Enter");
      assertThat(item.locator(".answer-done")).containsText(REPLY);
      assertThat(item.locator(".pin-status")).containsText("Åtgärd planerad");
    } finally {
      phone.close();
    }
    assertThat(api.get("/api/v1/pins/" + pin).body()).doesNotContain(REPLY);

    // The planner sees the pending reply and approves it.
    page.reload();
    page.locator("#dialogue-select").selectOption(String.valueOf(dialogue.id()));
    page.locator("#state-filter").selectOption("published");
    openInQueue(pin);
    Locator approve = page.locator(".pending-reply button[data-action='approve']");
    assertThat(page.locator(".pending-reply")).containsText(REPLY);
    approve.click();
    assertThat(page.locator("#replies-heading + *")).containsText(REPLY);
    assertThat(page.locator(".pending-reply")).hasCount(0);

    assertThat(api.get("/api/v1/pins/" + pin).body()).contains(REPLY, "planned");
    page.navigate(url("/kvitto#" + receipt));
    assertThat(page.locator("#receipt-pins")).containsText(REPLY);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void anAdministratorKeepsContactAddressesAndARoutingRuleAndAPlannerUsesAReplyTemplate() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    String name = "Gatukontoret " + UUID.randomUUID().toString().substring(0, 6);
    long streets = jdbc.sql("INSERT INTO department (name, kind) VALUES (:n, 'internal') RETURNING id")
        .param("n", name).query(Long.class).single();
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String admin = staff.create(StaffRole.ADMIN);
    String address = "gata-" + UUID.randomUUID().toString().substring(0, 8) + "@kommun.example.se";

    signIn(admin);
    page.navigate(url("/personal/departments.html"));
    Locator contacts = page.locator("#department-contacts-" + streets);
    contacts.fill("inte en adress");
    contacts.press("Tab");
    page.keyboard().press("Enter");
    assertThat(page.locator("#department-contacts-" + streets + "-error")).containsText("inte en adress");
    contacts.fill(address);
    page.locator("#department-contacts-save-" + streets).click();
    assertThat(page.locator("#admin-status")).containsText("sparade");
    assertThat(jdbc.sql("SELECT address FROM department_contact WHERE department_id = :d").param("d", streets)
        .query(String.class).list()).containsExactly(address);

    page.locator("#routing-dialogue").selectOption(String.valueOf(dialogue.id()));
    page.locator("#routing-category").selectOption("service_gap");
    page.locator("#routing-department").selectOption(String.valueOf(streets));
    page.locator("#routing-save").click();
    assertThat(page.locator("#routing-list li")).containsText(name);

    // A new pin of that category is forwarded by the rule and the department gets its message.
    Api api = new Api(port);
    long pin = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        Api.pinJson("service_gap", "Här saknas en papperskorg", 16.18, 58.59)).json().get("id").asLong();
    assertThat(jdbc.sql("SELECT status FROM pin WHERE id = :p").param("p", pin).query(String.class).single()).isEqualTo("forwarded");
    assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE to_address = :a").param("a", address).query(Long.class).single())
        .isEqualTo(1);

    // A planner answers it with a template.
    jdbc.sql("INSERT INTO reply_template (dialogue_id, title, text) VALUES (:d, 'Papperskorg', 'Tack! Vi sätter upp en papperskorg.')")
        .param("d", dialogue.id()).update();
    context.clearCookies();
    signIn(staff.create(StaffRole.PLANNER));
    page.locator("a#nav-moderation").click();
    page.locator("#dialogue-select").selectOption(String.valueOf(dialogue.id()));
    page.locator("#state-filter").selectOption("published");
    openInQueue(pin);
    page.locator("#reply-template-select").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Papperskorg"));
    assertThat(page.locator("#reply-text")).hasValue("Tack! Vi sätter upp en papperskorg.");
    assertThat(page.locator("#reply-text")).isFocused();
    page.locator("#reply-text").press("End");
    page.keyboard().type(" Hälsningar, gatukontoret");
    page.locator("#reply-save").click();
    assertThat(page.locator("#replies-heading + *")).containsText("Vi sätter upp en papperskorg. Hälsningar, gatukontoret");
    assertThat(page.locator(".forwarding-item")).containsText(address);
    // The one refused request was the wrong address above, which the browser logs as a failed load.
    assertThat(consoleErrors).allMatch(e -> e.contains("status of 422")).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void tickedPinsForwardedWithoutAReplyGoInOneMessage() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    Api api = new Api(port);
    long[] pins = new long[2];
    for (int i = 0; i < 2; i++) {
      pins[i] = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
          Api.pinJson("safety_concern", "Trasig belysning nummer " + (i + 1), 16.18, 58.59)).json().get("id").asLong();
    }
    String address = "trafik-" + UUID.randomUUID().toString().substring(0, 8) + "@kommun.example.se";
    long roads = jdbc.sql("INSERT INTO department (name, kind) VALUES (:n, 'external') RETURNING id")
        .param("n", "Trafikverket " + UUID.randomUUID().toString().substring(0, 6)).query(Long.class).single();
    jdbc.sql("INSERT INTO department_contact (department_id, address) VALUES (:d, :a)").param("d", roads).param("a", address).update();

    signIn(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    page.locator("a#nav-moderation").click();
    page.locator("#dialogue-select").selectOption(String.valueOf(dialogue.id()));
    page.locator("#state-filter").selectOption("published");
    page.locator("#select-pin-" + pins[0]).check();
    page.locator("#select-pin-" + pins[1]).check();
    page.locator("#bulk-status-select").selectOption("forwarded");
    page.locator("#bulk-department-select").selectOption(String.valueOf(roads));
    page.locator("#bulk-reply-button").click();
    assertThat(page.locator("#action-status")).containsText("2");
    assertThat(jdbc.sql("SELECT text_body FROM mail_outbox WHERE to_address = :a").param("a", address).query(String.class).list())
        .singleElement().satisfies(text -> assertThat(text).contains("Trasig belysning nummer 1", "Trasig belysning nummer 2"));
    assertThat(consoleErrors).isEmpty();
  }

  private void signIn(String username) {
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(username);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
  }

  private void openInQueue(long pin) {
    page.locator("li.queue-item[data-pin-id='" + pin + "'] .queue-item__open").click();
    assertThat(page.locator("#pin-detail")).containsText("#" + pin);
  }
}
