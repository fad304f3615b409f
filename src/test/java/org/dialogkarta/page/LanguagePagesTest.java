package org.dialogkarta.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import org.dialogkarta.kernel.Messages;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The language of a page: from the cookie dk-lang, else the browser's Accept-Language, else
 * Swedish; its lang and dir on {@code <html>}; the switch offering every language with a bundle
 * (staff pages: Swedish and English); Swedish texts in another language marked lang="sv".
 */
@IntegrationTest
class LanguagePagesTest {

  @LocalServerPort int port;

  private Api.Response get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return new Api(port).send(request);
  }

  private static String skip(String lang) {
    return ">" + Messages.get(lang, "nav.skip") + "<";
  }

  @Test
  void theCookieChoosesTheLanguageAndItsDirection() {
    assertThat(get("/", "Cookie", "dk-lang=fi").body())
        .contains("<html lang=\"fi\" dir=\"ltr\" data-lang=\"fi\"", skip("fi"));
    assertThat(get("/", "Cookie", "dk-lang=ar").body())
        .contains("<html lang=\"ar\" dir=\"rtl\" data-lang=\"ar\"", skip("ar"));
    assertThat(get("/kvitto", "Cookie", "dk-lang=lattlast").body()).as("lättläst is Swedish to the browser")
        .contains("<html lang=\"sv\" dir=\"ltr\" data-lang=\"lattlast\"", skip("lattlast"));
    assertThat(get("/", "Cookie", "dk-lang=se").body()).as("North Sami has no bundle yet: Swedish")
        .contains("<html lang=\"sv\" dir=\"ltr\" data-lang=\"sv\"");
  }

  @Test
  void theSwitchOffersEveryLanguageInItsOwnNameAndScript() {
    String page = get("/", "Cookie", "dk-lang=fi").body();
    assertThat(page).contains("<label for=\"lang-switch\" class=\"visually-hidden\" data-i18n=\"lang.label\">Kieli</label>")
        .contains("<option value=\"sv\" lang=\"sv\" dir=\"ltr\" data-locale=\"sv-SE\">Svenska</option>")
        .contains("<option value=\"lattlast\" lang=\"sv\" dir=\"ltr\" data-locale=\"sv-SE\">Lättläst svenska</option>")
        .contains("<option value=\"en\" lang=\"en\" dir=\"ltr\" data-locale=\"en-GB\">English</option>")
        .contains("<option value=\"fi\" lang=\"fi\" dir=\"ltr\" data-locale=\"fi-FI\" selected=\"selected\">Suomi</option>")
        .contains("<option value=\"ar\" lang=\"ar\" dir=\"rtl\" data-locale=\"ar-u-nu-latn\">العربية</option>")
        .doesNotContain("Davvisámegiella", "Meänkieli", "Soomaali");
  }

  @Test
  void aFirstVisitFollowsTheBrowsersLanguages() {
    assertThat(get("/", "Accept-Language", "fi-FI,fi;q=0.9,en;q=0.8").body()).contains("<html lang=\"fi\"");
    assertThat(get("/", "Accept-Language", "de-DE,de;q=0.9,ar;q=0.5,en;q=0.4").body()).contains("<html lang=\"ar\" dir=\"rtl\"");
    assertThat(get("/", "Accept-Language", "de-DE,de;q=0.9").body()).as("nothing offered: Swedish").contains("<html lang=\"sv\"");
    assertThat(get("/", "Accept-Language", "!!not a header").body()).contains("<html lang=\"sv\"");
    assertThat(get("/", "Accept-Language", "en", "Cookie", "dk-lang=fi").body()).as("a choice wins")
        .contains("<html lang=\"fi\"");
  }

  @Test
  void staffPagesComeInSwedishOrEnglishOnly() {
    String finnish = get("/logga-in", "Cookie", "dk-lang=fi").body();
    assertThat(finnish).contains("<html lang=\"sv\" dir=\"ltr\" data-lang=\"sv\"")
        .contains(">Svenska</option>", ">English</option>").doesNotContain(">Suomi</option>", "العربية");
    assertThat(get("/logga-in", "Accept-Language", "ar,en;q=0.5").body()).contains("<html lang=\"en\"");
    assertThat(get("/logga-in", "Cookie", "dk-lang=en").body()).contains("<html lang=\"en\"");
  }

  @Test
  void aSwedishTextInAnotherLanguageIsMarked() {
    assertThat(PageTextDialect.swedishInstead(Locale.of("fi"), "staff.accounts.heading")).isTrue();
    assertThat(PageTextDialect.swedishInstead(Locale.of("fi"), "nav.skip")).isFalse();
    assertThat(PageTextDialect.swedishInstead(Locale.of("lattlast"), "staff.accounts.heading")).as("same language").isFalse();
    assertThat(PageTextDialect.swedishInstead(Locale.of("sv"), "staff.accounts.heading")).isFalse();

    JsonNode finnishStaff = new Api(port).get("/api/v1/messages/fi?page=personal/accounts").json();
    assertThat(finnishStaff.get("@sv").asString().split(" ")).contains("staff.accounts.heading").doesNotContain("nav.skip");
    assertThat(finnishStaff.get("staff.accounts.heading").asString()).isEqualTo(Messages.get("sv", "staff.accounts.heading"));
    JsonNode lattlast = new Api(port).get("/api/v1/messages/lattlast?page=personal/accounts").json();
    assertThat(lattlast.has("@sv")).as("lättläst falls back to Swedish unmarked").isFalse();
    assertThat(new Api(port).get("/api/v1/messages/fi?page=index").json().has("@sv")).as("complete").isFalse();
  }

  @Test
  void theMessagesOfEveryOfferedLanguageAndNoOther() {
    JsonNode arabic = new Api(port).get("/api/v1/messages/ar?page=dialogue").json();
    assertThat(arabic.get("citizen.nearby.found.two").asString()).isEqualTo(Messages.get("ar", "citizen.nearby.found.two"));
    assertThat(arabic.has("citizen.nearby.found.few")).as("Arabic's own plural forms come along").isTrue();
    assertThat(new Api(port).get("/api/v1/messages/lattlast?page=walk").status()).isEqualTo(200);
    Api.Response sami = new Api(port).get("/api/v1/messages/se");
    assertThat(sami.status()).isEqualTo(422);
    assertThat(sami.json().get("errors").get(0).get("field").asString()).isEqualTo("lang");
    assertThat(new Api(port).get("/api/v1/site").json().get("languages").toString())
        .isEqualTo("[\"sv\",\"lattlast\",\"en\",\"fi\",\"ar\"]");
  }
}
