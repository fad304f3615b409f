package org.dialogkarta.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Staff translate a dialogue's texts; the public API answers each text in the language asked for
 * where it exists, else in Swedish, and says which language each text is in.
 */
@IntegrationTest
class DialogueTranslationTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private String admin;
  private String slug;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    admin = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN));
    slug = "sprak-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created = api.postJson("/api/v1/staff/dialogues", """
        {"slug": "%s", "title": "Parken vid torget", "summary": "Vad tycker du om parken?", "status": "ongoing",
         "participationLevel": "dialogue", "categories": [],
         "subtags": {"safety_concern": ["lighting", "klotter"]}, "subtagLabels": {"klotter": "Klotter"},
         "outcome": "Fler bänkar.", "responsibleUnit": "Parkenheten"}""".formatted(slug), "Authorization", admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @Test
  void translatedTextsComeInTheLanguageAskedForAndTheRestInSwedishMarkedSo() {
    Api.Response saved = put("en", """
        {"title": "The park by the square", "summary": "  What do you think of the park?  ", "subtag.klotter": "Graffiti",
         "nextSteps": ""}""");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("summary").asString()).isEqualTo("What do you think of the park?");
    assertThat(saved.json().has("nextSteps")).as("a blank text is no translation").isFalse();

    JsonNode en = api.get("/api/v1/dialogues/" + slug + "?lang=en").json();
    assertThat(en.get("title").asString()).isEqualTo("The park by the square");
    assertThat(en.get("titleLang").asString()).isEqualTo("en");
    assertThat(en.get("summaryLang").asString()).isEqualTo("en");
    assertThat(en.get("outcome").asString()).isEqualTo("Fler bänkar.");
    assertThat(en.get("outcomeLang").asString()).isEqualTo("sv");
    assertThat(en.get("nextStepsLang").isNull()).as("no text in any language").isTrue();
    assertThat(en.get("responsibleUnitLang").asString()).isEqualTo("sv");
    assertThat(en.get("subtagLabels").get("klotter").asString()).isEqualTo("Graffiti");
    assertThat(en.get("subtagLabelLangs").get("klotter").asString()).isEqualTo("en");
    assertThat(en.get("language").asString()).isEqualTo("en");
    assertThat(en.get("languages").toString()).isEqualTo("[\"sv\",\"en\"]");

    // Accept-Language when there is no lang=; Finnish has no translation: all Swedish.
    Api.Response byHeader = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dialogues/" + slug))
        .header("Accept-Language", "en-GB,en;q=0.9,sv;q=0.5"));
    assertThat(byHeader.json().get("title").asString()).isEqualTo("The park by the square");
    JsonNode fi = api.get("/api/v1/dialogues/" + slug + "?lang=fi").json();
    assertThat(fi.get("title").asString()).isEqualTo("Parken vid torget");
    assertThat(fi.get("titleLang").asString()).isEqualTo("sv");
    assertThat(fi.get("subtagLabelLangs").get("klotter").asString()).isEqualTo("sv");
    // Easy-read Swedish and no language at all: the Swedish texts, as before.
    JsonNode lattlast = api.get("/api/v1/dialogues/" + slug + "?lang=lattlast").json();
    assertThat(lattlast.get("title").asString()).isEqualTo("Parken vid torget");
    assertThat(lattlast.get("titleLang").asString()).isEqualTo("sv");
    assertThat(api.get("/api/v1/dialogues/" + slug).json().get("title").asString()).isEqualTo("Parken vid torget");

    // The list too.
    JsonNode listed = find(api.get("/api/v1/dialogues?lang=en").json());
    assertThat(listed.get("title").asString()).isEqualTo("The park by the square");
    assertThat(listed.get("outcomeLang").asString()).isEqualTo("sv");

    // Staff read all translations; replacing a language replaces it whole; Arabic and mixed scripts as written.
    String arabic = "الحديقة بجانب الساحة – Parken \u202Eabc";
    assertThat(put("ar", "{\"title\": \"" + arabic + "\"}").status()).isEqualTo(200);
    assertThat(put("en", "{\"title\": \"The park\"}").status()).isEqualTo(200);
    JsonNode all = get("/api/v1/staff/dialogues/" + slug + "/translations").json();
    assertThat(all.get("en").toString()).isEqualTo("{\"title\":\"The park\"}");
    assertThat(all.get("ar").get("title").asString()).isEqualTo(arabic);
    assertThat(api.get("/api/v1/dialogues/" + slug + "?lang=ar").json().get("title").asString()).isEqualTo(arabic);
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'dialogue.translation' AND target_id = :id")
        .param("id", en.get("id").asLong()).query(Long.class).single()).isEqualTo(3);
  }

  @Test
  void badTranslationsAreRefusedByFieldAndNothingIsStored() {
    Problems.assertProblem(put("de", "{\"title\": \"Der Park\"}"), 422, "language.unknown", "language");
    Problems.assertProblem(put("sv", "{\"title\": \"Parken\"}"), 422, "language.unknown", "language");
    Problems.assertProblem(put("en", "{\"title\": \"" + "x".repeat(201) + "\"}"), 422, "text.too_long", "texts.title");
    Problems.assertProblem(put("en", "{\"subtag.klotter\": \"" + "x".repeat(61) + "\"}"), 422, "text.too_long", "texts.subtag.klotter");
    Problems.assertProblem(put("en", "{\"title\": \"Two\\nlines\"}"), 422, "text.one_line", "texts.title");
    Problems.assertProblem(put("en", "{\"contact\": \"x@example.se\"}"), 422, "translation.field_unknown", "texts.contact");
    Problems.assertProblem(put("en", "{\"subtag.vegetation\": \"Bushes\"}"), 422, "translation.field_unknown",
        "texts.subtag.vegetation");
    // One bad field, one good: nothing is stored.
    assertThat(put("en", "{\"title\": \"Fine\", \"summary\": \"" + "y".repeat(5001) + "\"}").status()).isEqualTo(422);
    assertThat(jdbc.sql("SELECT count(*) FROM dialogue_translation t JOIN dialogue d ON d.id = t.dialogue_id WHERE d.slug = :s")
        .param("s", slug).query(Long.class).single()).isZero();
    // The public API refuses a language it does not know, naming the parameter.
    Problems.assertProblem(api.get("/api/v1/dialogues/" + slug + "?lang=xx"), 422, "language.unknown", "lang");
    Problems.assertProblem(api.get("/api/v1/dialogues?lang=klingon"), 422, "language.unknown", "lang");
    // A malformed Accept-Language is no fault: Swedish.
    Api.Response odd = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dialogues/" + slug))
        .header("Accept-Language", ";;q=x,,"));
    assertThat(odd.status()).isEqualTo(200);
    assertThat(odd.json().get("titleLang").asString()).isEqualTo("sv");
    // Only administrators translate.
    assertThat(api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/dialogues/" + slug + "/translations/en"))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}"))).status()).isIn(401, 403);
  }

  @Test
  void aPinKeepsThePageLanguageItWasWrittenIn() {
    String pin = Api.pinJson("suggestion", "More benches please", 16.18, 58.56);
    Api.Response made = api.postJson("/api/v1/dialogues/" + slug + "/pins", pin.replaceFirst("\\{", "{\"language\": \"en\", "));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT language FROM pin WHERE id = :id").param("id", made.json().get("id").asLong())
        .query(String.class).single()).isEqualTo("en");
    Api.Response old = api.postJson("/api/v1/dialogues/" + slug + "/pins", pin);
    assertThat(jdbc.sql("SELECT language FROM pin WHERE id = :id").param("id", old.json().get("id").asLong())
        .query(String.class).optional()).isEmpty();
    Problems.assertProblem(api.postJson("/api/v1/dialogues/" + slug + "/pins", pin.replaceFirst("\\{", "{\"language\": \"tlh\", ")),
        422, "language.unknown", "language");
    // Moderators see it; an older pin has none.
    String moderator = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.MODERATOR));
    JsonNode detail = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/moderation/pins/"
        + made.json().get("id").asLong())).header("Authorization", moderator)).json();
    assertThat(detail.get("language").asString()).isEqualTo("en");
    JsonNode oldDetail = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/moderation/pins/"
        + old.json().get("id").asLong())).header("Authorization", moderator)).json();
    assertThat(oldDetail.get("language").isNull()).isTrue();
  }

  private JsonNode find(JsonNode list) {
    for (JsonNode d : list) {
      if (d.get("slug").asString().equals(slug)) {
        return d;
      }
    }
    throw new AssertionError("not listed: " + slug);
  }

  private Api.Response get(String path) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", admin));
  }

  private Api.Response put(String language, String body) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/dialogues/" + slug + "/translations/" + language))
        .header("Authorization", admin).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }
}
