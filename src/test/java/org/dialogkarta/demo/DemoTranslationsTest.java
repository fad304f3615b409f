package org.dialogkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo (its own database, loaded as {@code make run} loads it) shows the languages of issue 19
 * and the forwarding of issue 18: the Navestad safety walk is translated, the others fall back to
 * Swedish, and the departments a planner forwards to have contact addresses.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "spring.datasource.url=${DIALOGKARTA_DEMO_TEST_DB_URL:jdbc:postgresql://127.0.0.1:${DIALOGKARTA_PG_PORT:55432}/dialogkarta_demo_test}",
    "dialogkarta.demo-data=true"})
class DemoTranslationsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void theSafetyWalkIsInArabicFinnishAndEnglishAndTheOthersFallBackToSwedish() {
    Api api = new Api(port);
    JsonNode walk = api.get("/api/v1/dialogues/trygghetsvandring-navestad-2026?lang=ar").json();
    assertThat(walk.get("title").asString()).isEqualTo("جولة الأمان في نافستاد");
    assertThat(walk.get("titleLang").asString()).isEqualTo("ar");
    assertThat(walk.get("summaryLang").asString()).isEqualTo("ar");
    assertThat(api.get("/api/v1/dialogues/trygghetsvandring-navestad-2026?lang=fi").json().get("title").asString())
        .isEqualTo("Turvallisuuskävely Navestadissa");
    JsonNode park = api.get("/api/v1/dialogues/gronstrukturplan-norrkopings-stad?lang=en").json();
    assertThat(park.get("title").asString()).isEqualTo("Grönstrukturplan för Norrköpings stad");
    assertThat(park.get("titleLang").asString()).isEqualTo("sv");
  }

  @Test
  void theSafetyWalksWalksAreDescribedInSwedishAndTranslated() {
    Api api = new Api(port);
    long october = jdbc.sql("""
            SELECT w.id FROM walk w JOIN dialogue d ON d.id = w.dialogue_id
            WHERE d.slug = 'trygghetsvandring-navestad-2026' ORDER BY w.starts_at LIMIT 1""").query(Long.class).single();
    JsonNode sv = api.get("/api/v1/walks/" + october + "?lang=sv").json();
    assertThat(sv.get("description").asString()).startsWith("Vi går tillsammans genom Navestad").contains("\nVägen går");
    JsonNode fi = api.get("/api/v1/walks/" + october + "?lang=fi").json();
    assertThat(fi.get("descriptionLang").asString()).isEqualTo("fi");
    assertThat(fi.get("description").asString()).startsWith("Kävelemme yhdessä").contains("\nReitti kulkee");
    assertThat(api.get("/api/v1/walks/" + october + "?lang=ar").json().get("descriptionLang").asString()).isEqualTo("ar");
    assertThat(api.get("/api/v1/walks/" + october + "?lang=en").json().get("description").asString())
        .startsWith("We walk through Navestad together");
    long described = jdbc.sql("""
            SELECT count(*) FROM walk w JOIN dialogue d ON d.id = w.dialogue_id
            WHERE d.slug = 'trygghetsvandring-navestad-2026' AND w.description IS NOT NULL
              AND (SELECT count(*) FROM walk_translation t WHERE t.walk_id = w.id AND t.field = 'description') = 3""")
        .query(Long.class).single();
    assertThat(described).as("both walks described, in en, fi and ar").isEqualTo(2);
  }

  @Test
  void theRuralDialoguesQuestionsAreInFinnishAndArabic() {
    Api api = new Api(port);
    JsonNode fi = api.get("/api/v1/dialogues/service-pa-landsbygden/questionnaire?lang=fi").json().get("questions");
    assertThat(fi.get(0).get("label").get("text").asString()).isEqualTo("Kuinka usein matkustat bussilla?");
    assertThat(fi.get(0).get("label").get("lang").asString()).isEqualTo("fi");
    assertThat(fi.get(0).get("options").get(3).get("text").asString()).isEqualTo("En koskaan");
    assertThat(fi.get(2).get("scaleLabels").get(1).get("text").asString()).isEqualTo("Erittäin tyytyväinen");
    JsonNode ar = api.get("/api/v1/dialogues/service-pa-landsbygden/questionnaire?lang=ar").json().get("questions");
    assertThat(ar.get(0).get("label").get("text").asString()).isEqualTo("كم مرة تركب الحافلة؟");
    assertThat(ar.get(0).get("help").get("fallback").asBoolean()).isFalse();
    long untranslated = jdbc.sql("""
            SELECT count(*) FROM question q JOIN dialogue d ON d.id = q.dialogue_id
            WHERE d.slug = 'service-pa-landsbygden' AND NOT EXISTS (SELECT 1 FROM question_translation t
              JOIN question_version v ON v.id = t.question_version_id WHERE v.question_id = q.id AND t.field = 'label')""")
        .query(Long.class).single();
    assertThat(untranslated).as("every question's label is translated").isZero();
  }

  @Test
  void theDepartmentsAPlannerForwardsToHaveContactAddresses() {
    assertThat(jdbc.sql("""
            SELECT count(DISTINCT d.name) FROM department_contact c JOIN department d ON d.id = c.department_id
            WHERE c.address LIKE '%.example'""").query(Long.class).single()).isEqualTo(4);
  }
}
