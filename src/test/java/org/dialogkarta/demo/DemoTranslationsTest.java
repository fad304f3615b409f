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
  void theDepartmentsAPlannerForwardsToHaveContactAddresses() {
    assertThat(jdbc.sql("""
            SELECT count(DISTINCT d.name) FROM department_contact c JOIN department d ON d.id = c.department_id
            WHERE c.address LIKE '%.example'""").query(Long.class).single()).isEqualTo(4);
  }
}
