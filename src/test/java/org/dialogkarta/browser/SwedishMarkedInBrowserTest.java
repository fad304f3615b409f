package org.dialogkarta.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.LoadState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * No Swedish read with foreign sounds: every text that staff wrote in Swedish (here each contains
 * the marker word "Öxabäck") is, on every citizen page in English, Finnish and Arabic, inside an
 * element with lang="sv", and in Arabic also isolated (dir="auto", bdi or U+2068…U+2069). The
 * sweep is generic: it walks every text node of the page, so a new unmarked text fails it.
 */
class SwedishMarkedInBrowserTest extends BrowserTest {

  static final String MARKER = "Öxabäck";

  /** Every element whose own text holds the marker, with what is wrong with it ("" when fine). */
  static final String SWEEP = """
      ([marker, rtl]) => {
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const seen = new Set();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.nodeValue.includes(marker)) continue;
          const el = n.parentElement;
          if (seen.has(el) || el.closest('script, template')) continue;
          seen.add(el);
          const lang = el.closest('[lang]')?.getAttribute('lang');
          const isolated = !!el.closest('[dir="auto"], bdi') || n.nodeValue.includes('\\u2068');
          const faults = [];
          if (lang !== 'sv') faults.push('lang=' + lang);
          if (rtl && !isolated) faults.push('not isolated');
          const where = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
          out.push(faults.length ? where + ' "' + n.nodeValue.trim().slice(0, 60) + '": ' + faults.join(', ') : '');
        }
        return out;
      }""";

  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  /** axe's script is added to the page as a script element, which the pages' CSP would refuse. */
  @Override
  protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
    return super.contextOptions().setBypassCSP(true);
  }

  record Seeded(TestData.Dialogue dialogue, long pin, String receipt, long walk, String answerLink) {}

  Seeded seed() {
    TestData data = new TestData(jdbc);
    TestData.Dialogue d = data.openDialogue();
    jdbc.sql("""
        UPDATE dialogue SET title = 'Öxabäck torg', summary = 'Vad tycker du om Öxabäck torg?',
               outcome = 'Öxabäck fick många synpunkter', next_steps = 'Öxabäck byggs om', responsible_unit = 'Öxabäcks stadsbyggnad',
               accepted_shapes = '{point,area}'
        WHERE id = :id""").param("id", d.id()).update();
    data.subtag(d, "safety_concern", "oxaback_lampa", "Öxabäcks belysning");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    long department = jdbc.sql("INSERT INTO department (name) VALUES (:n) RETURNING id")
        .param("n", "Öxabäcks gatukontor " + suffix).query(Long.class).single();
    jdbc.sql("""
        INSERT INTO neighbourhood (code, name, boundary)
        VALUES (:code, :name, ST_Multi(ST_GeomFromText(:area, 4326)))""")
        .param("code", "oxa-" + suffix).param("name", "Öxabäcks centrum " + suffix).param("area", "POLYGON((16.17 58.58, 16.19 58.58, 16.19 58.59, 16.17 58.59, 16.17 58.58))") // under the 10 km² an area may be
        .update();

    Api api = new Api(port);
    Api.Response created = api.postJson("/api/v1/dialogues/" + d.id() + "/pins",
        Api.pinJson("safety_concern", "Dark path by the river", 16.195, 58.597), "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long pin = created.json().get("id").asLong();
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    Api.Response reply = api.postJson("/api/v1/staff/pins/replies",
        "{\"pinIds\": [" + pin + "], \"text\": \"Öxabäcks gatukontor lagar lampan i maj.\", \"status\": \"forwarded\", \"departmentId\": "
            + department + "}", "Authorization", planner);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);

    Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Api.Response w = api.postJson("/api/v1/staff/walks", """
        {"dialogue": "%s", "kind": "safety_walk", "title": "Kvällsvandring i Öxabäck", "startsAt": "%s", "endsAt": "%s",
         "description": "Vi går runt Öxabäck i två timmar.\\nTa med reflex till Öxabäcks mörka stigar.",
         "meetingPoint": {"type": "Point", "coordinates": [16.18, 58.59]}, "meetingPointName": "Öxabäcks torg",
         "plannedRoute": {"type": "LineString", "coordinates": [[16.18, 58.59], [16.186, 58.5912]]},
         "groups": ["residents"], "facilitator": "Öxabäcks trygghetssamordnare", "light": "dark"}"""
        .formatted(d.slug(), start, start.plus(3, ChronoUnit.HOURS)), "Authorization", planner);
    assertThat(w.status()).as(w.body()).isEqualTo(201);
    long walk = w.json().get("id").asLong();
    Api.Response stops = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/staff/walks/" + walk + "/stops"))
        .method("PUT", java.net.http.HttpRequest.BodyPublishers.ofString("""
            {"stops": [{"name": "Öxabäcks gångtunnel", "location": {"type": "Point", "coordinates": [16.181, 58.5901]}},
                       {"name": "Parkeringen i Öxabäck", "location": {"type": "Point", "coordinates": [16.186, 58.5912]}}]}"""))
        .header("Content-Type", "application/json").header("Authorization", planner));
    assertThat(stops.status()).as(stops.body()).isEqualTo(200);
    jdbc.sql("""
        INSERT INTO walk_checklist_item (walk_id, lineage, position, wording)
        VALUES (:w, 990001, 99, 'Känns Öxabäcks gångtunnel trygg?')""").param("w", walk).update();
    String receipt = created.json().get("receipt").asString();
    String plannerName = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    String answerLink = SvarLink.forwarded(port, jdbc, d, plannerName, "Öxabäcks bostäder");
    return new Seeded(d, pin, receipt, walk, answerLink);
  }

  /** Every unmarked element the sweeps found, named with its page and language. */
  final List<String> faults = new ArrayList<>();

  /** Runs the sweep, notes every unmarked element, and returns how many marked texts it saw. */
  int sweep(Page p, String lang, String what) {
    @SuppressWarnings("unchecked")
    List<String> found = (List<String>) p.evaluate(SWEEP, List.of(MARKER, "ar".equals(lang)));
    found.stream().filter(s -> !s.isEmpty()).forEach(s -> faults.add(lang + " " + what + ": " + s));
    return found.size();
  }

  void language(BrowserContext c, String lang) {
    c.addCookies(List.of(new Cookie("dk-lang", lang).setDomain("localhost").setPath("/")));
  }

  @Test
  void everyStaffWrittenSwedishTextIsMarkedOnEveryCitizenPage() {
    Seeded s = seed();
    Map<String, Integer> seen = new java.util.LinkedHashMap<>();
    for (String lang : List.of("en", "fi", "ar")) {
      language(context, lang);

      page.navigate(url("/"));
      page.locator("#dialogues-ongoing article.dialogue-card").first().waitFor();
      page.waitForLoadState(LoadState.NETWORKIDLE);
      seen.put(lang + " start", sweep(page, lang, "start page"));

      page.navigate(url("/dialoger/" + s.dialogue().slug() + "?pin=" + s.pin()));
      page.locator("#dialogue-header").waitFor();
      page.locator(".leaflet-popup .pin-reply").waitFor();
      page.locator("#list-toggle").click();
      page.locator("#pin-list .pin-reply").first().waitFor();
      page.waitForLoadState(LoadState.NETWORKIDLE);
      seen.put(lang + " dialogue", sweep(page, lang, "dialogue page with the list and a popup open"));
      page.locator("label[for=shape-kind-area]").click();
      page.locator("#shape-neighbourhood option").first().waitFor(
          new com.microsoft.playwright.Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
      seen.put(lang + " neighbourhoods", sweep(page, lang, "dialogue page's neighbourhoods for an area"));
      page.navigate(url("/dialoger/" + s.dialogue().slug()));
      page.locator("#map.leaflet-container").waitFor();
      // Off the centre, where the one pin sits after the map fitted it.
      var box = page.locator("#map").boundingBox();
      page.locator("#map").click(new com.microsoft.playwright.Locator.ClickOptions().setPosition(box.width * 0.3, box.height * 0.7));
      page.locator("input[name=category][value=safety_concern]").waitFor();
      page.locator("label[for=category-safety_concern]").click();
      page.waitForLoadState(LoadState.NETWORKIDLE);
      sweep(page, lang, "dialogue page's form");

      page.navigate(url("/kvitto#" + s.receipt()));
      page.locator("#receipt-pins .receipt-pin .pin-reply").first().waitFor();
      seen.put(lang + " receipt", sweep(page, lang, "receipt"));

      BrowserContext phone = newPhoneContext();
      try {
        language(phone, lang);
        phone.grantPermissions(List.of("geolocation"));
        phone.setGeolocation(new Geolocation(58.5901, 16.181).setAccuracy(8));
        Page p = phone.newPage();
        List<String> errors = new ArrayList<>();
        p.onPageError(errors::add);
        p.navigate(url("/vandring/" + s.walk()));
        p.locator("#walk-map.leaflet-container").waitFor();
        assertThat(p.locator("#walk-checklist")).isVisible();
        assertThat(p.locator("#walk-checklist .walk-rate")).not().hasCount(0);
        // The walk's description (two lines, two paragraphs) is among the texts swept.
        assertThat(p.locator("#walk-description .walk-description[lang='sv'] p")).hasCount(2);
        seen.put(lang + " walk", sweep(p, lang, "walk mode"));
        assertThat(errors).isEmpty();
      } finally {
        phone.close();
      }

      page.navigate(url("/folj"));
      page.locator("#follow-form").waitFor();
      page.waitForLoadState(LoadState.NETWORKIDLE);
      page.locator("#follow-dialogue option[value='" + s.dialogue().slug() + "']").waitFor(
          new com.microsoft.playwright.Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
      seen.put(lang + " follow", sweep(page, lang, "following by e-mail"));

      page.navigate(url(s.answerLink()));
      page.locator("li.answer-pin").first().waitFor();
      seen.put(lang + " answer", sweep(page, lang, "the department's answer page"));

      page.navigate(url("/tillganglighet"));
      page.locator("#a11y-report-text").waitFor();
      page.waitForLoadState(LoadState.NETWORKIDLE);
      sweep(page, lang, "accessibility statement");
    }
    assertThat(faults).as("Swedish texts not marked lang=sv (or, in Arabic, not isolated)").isEmpty();
    // The sweep saw the marked texts it was meant to check (so a page that shows none is not a pass).
    for (String lang : List.of("en", "fi", "ar")) {
      assertThat(seen.get(lang + " start")).as(lang + " start").isGreaterThanOrEqualTo(2);
      assertThat(seen.get(lang + " dialogue")).as(lang + " dialogue").isGreaterThanOrEqualTo(6);
      assertThat(seen.get(lang + " neighbourhoods")).as(lang + " neighbourhoods").isGreaterThanOrEqualTo(1);
      assertThat(seen.get(lang + " receipt")).as(lang + " receipt").isGreaterThanOrEqualTo(2);
      assertThat(seen.get(lang + " walk")).as(lang + " walk").isGreaterThanOrEqualTo(6);
      assertThat(seen.get(lang + " answer")).as(lang + " answer").isGreaterThanOrEqualTo(2);
      assertThat(seen.get(lang + " follow")).as(lang + " follow").isGreaterThanOrEqualTo(2);
    }
    assertThat(consoleErrors).isEmpty();
  }

  /**
   * A planner answers a pin written on an English page in English (the detail's "Svarets språk"),
   * another in Swedish: the English page shows the English reply plainly and the Swedish one
   * marked lang="sv" with "(in Swedish)"; a Swedish page marks the English one lang="en".
   */
  @Test
  void aPlannerAnswersInEnglishAndThePagesMarkEachReplyByItsLanguage() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    Api api = new Api(port);
    Api.Response created = api.postJson("/api/v1/dialogues/" + d.id() + "/pins",
        "{\"category\": \"suggestion\", \"text\": \"More benches by the river\", \"language\": \"en\","
            + " \"location\": {\"type\": \"Point\", \"coordinates\": [16.195, 58.597]}}",
        "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long pin = created.json().get("id").asLong();
    String planner = new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER);
    page.navigate(url("/logga-in"));
    page.locator("#username").fill(planner);
    page.locator("#password").fill(StaffAccounts.PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/personal/");
    page.navigate(url("/personal/moderation.html"));
    page.locator("#dialogue-select").selectOption(String.valueOf(d.id()));
    page.locator("#state-filter").selectOption("published");
    page.locator("li.queue-item[data-pin-id='" + pin + "'] .queue-item__open").click();
    assertThat(page.locator("#pin-detail")).containsText("#" + pin);
    assertThat(page.locator("#reply-language")).hasValue("sv");
    assertThat(page.locator("#reply-language-hint")).containsText("Engelska");
    org.dialogkarta.support.Axe.check(page, "sv moderation detail with the reply's language");
    page.locator("#reply-text").fill("Thank you: three new benches come in May.");
    page.locator("#reply-language").selectOption("en");
    page.locator("#reply-save").click();
    assertThat(page.locator("#reply-language")).hasValue("sv"); // the form starts again in Swedish
    page.locator("#reply-text").fill("Vi ställer ut bänkarna i maj.");
    page.locator("#reply-save").click();
    eventually(() -> jdbc.sql("SELECT count(*) FROM pin_reply WHERE pin_id = :p").param("p", pin).query(Long.class).single() == 2,
        "both replies stored");
    assertThat(jdbc.sql("SELECT r.language FROM reply r JOIN pin_reply pr ON pr.reply_id = r.id WHERE pr.pin_id = :p ORDER BY r.id")
        .param("p", pin).query(String.class).list()).containsExactly("en", "sv");

    language(context, "en");
    page.navigate(url("/dialoger/" + d.slug()));
    page.locator("#list-toggle").click();
    var replies = page.locator("#pin-list .pin-reply__text");
    assertThat(replies).hasCount(2);
    assertThat(replies.nth(0)).hasText("Thank you: three new benches come in May.");
    assertThat(replies.nth(0)).not().hasAttribute("lang", "sv");
    assertThat(replies.nth(1)).hasAttribute("lang", "sv");
    assertThat(page.locator("#pin-list .pin-replies")).containsText("(in Swedish)");

    language(context, "sv");
    page.navigate(url("/dialoger/" + d.slug()));
    page.locator("#list-toggle").click();
    assertThat(replies).hasCount(2);
    assertThat(replies.nth(0)).hasAttribute("lang", "en");
    assertThat(replies.nth(1)).not().hasAttribute("lang", "sv");
    assertThat(consoleErrors).isEmpty();
  }
}
