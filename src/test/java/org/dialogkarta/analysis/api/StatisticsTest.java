package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Statistics and the neighbourhood layer on pins with known counts, around 15.5 E 58.5 N (no other
 * test's place). Neighbourhood A has 2,000 inhabitants, 1,000 of them in the population table
 * (25-44 and 65-79, women and men alike); B has no population. Pins:
 * <pre>
 *   A: 6 safety_concern  web      25_44 woman  14 Jan 2026 23:00 (dark)  ISO week 2026-W03
 *   A: 5 suggestion      walk     65_79 man    10 Jun 2026 12:00 (day)   ISO week 2026-W24
 *   A: 1 suggestion      meeting  no profile   10 Jun (day)
 *   B: 3 service_gap     web      woman only   10 Jun (day)
 *   B: 1 service_gap     web      16_24 other  10 Jun (day)
 *   outside: 1 suggestion web     no profile   10 Jun (day)
 *   A: one hidden, one pending and one merged valued_place pin, which must not count anywhere.
 * </pre>
 */
@IntegrationTest
class StatisticsTest {

  private static final String DARK = "2026-01-14T22:00:00Z";
  private static final String DAY = "2026-06-10T10:00:00Z";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private String planner;
  private TestData.Dialogue dialogue;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    jdbc.sql("DELETE FROM neighbourhood WHERE code LIKE 'STAT-%'").update();
    dialogue = new TestData(jdbc).dialogue("ongoing",
        "POLYGON((15.45 58.45, 15.75 58.45, 15.75 58.55, 15.45 58.55, 15.45 58.45))",
        List.of("suggestion", "safety_concern", "service_gap", "valued_place"));
    long a = neighbourhood("STAT-A", 15.5, 2000);
    neighbourhood("STAT-B", 15.6, null);
    for (String band : List.of("25_44", "65_79")) {
      for (String gender : List.of("woman", "man")) {
        jdbc.sql("INSERT INTO neighbourhood_population VALUES (:id, :band, :gender, :n)")
            .param("id", a).param("band", band).param("gender", gender).param("n", band.equals("25_44") ? 300 : 200)
            .update();
      }
    }
    pins(6, 15.5, "safety_concern", "web", "25_44", "woman", DARK, "published");
    pins(5, 15.5, "suggestion", "walk", "65_79", "man", DAY, "published");
    pins(1, 15.5, "suggestion", "meeting", null, null, DAY, "published");
    pins(3, 15.6, "service_gap", "web", null, "woman", DAY, "published");
    pins(1, 15.6, "service_gap", "web", "16_24", "other", DAY, "published");
    pins(1, 15.7, "suggestion", "web", null, null, DAY, "published");
    pins(1, 15.5, "valued_place", "web", "80_plus", "man", DAY, "hidden");
    pins(1, 15.5, "valued_place", "web", "80_plus", "man", DAY, "pending");
    long survivor = pins(1, 15.5, "valued_place", "web", "80_plus", "man", DAY, "hidden");
    long merged = pins(1, 15.5, "valued_place", "web", "80_plus", "man", DAY, "published");
    jdbc.sql("UPDATE pin SET merged_into = :s WHERE id = :m").param("s", survivor).param("m", merged).update();
  }

  @Test
  void countsByNeighbourhoodCategoryWeekSourceAndDarkness() {
    JsonNode s = statistics("dialogue=" + dialogue.slug());

    assertThat(s.get("pinCount").asLong()).isEqualTo(17);
    assertThat(s.get("categories").toString())
        .isEqualTo("{\"suggestion\":7,\"safety_concern\":6,\"service_gap\":4}");
    assertThat(s.get("outsideNeighbourhoods").asLong()).isEqualTo(1);
    JsonNode a = neighbourhood(s, "STAT-A");
    assertThat(a.get("population").asInt()).isEqualTo(2000);
    assertThat(a.get("pinCount").asLong()).isEqualTo(12);
    assertThat(a.get("per1000").asDouble()).isEqualTo(6.0);
    assertThat(a.get("categories").get("safety_concern").get("count").asLong()).isEqualTo(6);
    assertThat(a.get("categories").get("safety_concern").get("per1000").asDouble()).isEqualTo(3.0);
    assertThat(a.get("categories").get("suggestion").get("per1000").asDouble()).isEqualTo(3.0);
    assertThat(a.get("categories").has("valued_place")).as("hidden, pending and merged pins").isFalse();
    JsonNode b = neighbourhood(s, "STAT-B");
    assertThat(b.get("pinCount").asLong()).isEqualTo(4);
    assertThat(b.get("per1000").isNull()).isTrue();
    assertThat(b.get("categories").get("service_gap").get("per1000").isNull()).isTrue();

    JsonNode weeks = s.get("weeks");
    assertThat(weeks).hasSize(22); // 2026-W03 to 2026-W24, the empty weeks between included
    assertThat(weeks.get(0).get("week").asString()).isEqualTo("2026-W03");
    assertThat(weeks.get(0).get("start").asString()).isEqualTo("2026-01-12");
    assertThat(weeks.get(0).get("count").asLong()).isEqualTo(6);
    assertThat(weeks.get(0).get("categories").get("safety_concern").asLong()).isEqualTo(6);
    assertThat(weeks.get(1).get("count").asLong()).isZero();
    assertThat(weeks.get(21).get("week").asString()).isEqualTo("2026-W24");
    assertThat(weeks.get(21).get("start").asString()).isEqualTo("2026-06-08");
    assertThat(weeks.get(21).get("count").asLong()).isEqualTo(11);

    assertThat(s.get("sources").toString()).isEqualTo("{\"web\":11,\"walk\":5,\"meeting\":1}");
    assertThat(s.get("timeOfDay").toString()).isEqualTo("{\"day\":11,\"dark\":6}");
  }

  @Test
  void whoHasBeenHeardMasksSmallGroupsAndWhatCouldBeWorkedOutFromThem() {
    JsonNode heard = statistics("dialogue=" + dialogue.slug()).get("heard");

    assertThat(heard.get("minimumGroup").asInt()).isEqualTo(5);
    assertThat(heard.get("unanswered").asLong()).isEqualTo(2);
    assertThat(heard.get("ageBandUnanswered").asLong()).isEqualTo(5);
    assertThat(heard.get("genderUnanswered").asLong()).isEqualTo(2);
    JsonNode ages = heard.get("ageBands");
    assertThat(ages).hasSize(6);
    JsonNode young = group(ages, "ageBand", "25_44");
    assertThat(young.get("answers").asLong()).isEqualTo(6);
    assertThat(young.get("share").asDouble()).isEqualTo(0.5);
    assertThat(young.get("populationShare").asDouble()).isEqualTo(0.6);
    // 16_24 has one answer: masked. 65_79 has five, enough on its own, but with only 16_24 masked
    // its one answer could be worked out from the total, so 65_79 is masked too.
    for (String band : List.of("16_24", "65_79", "under_16", "80_plus")) {
      JsonNode g = group(ages, "ageBand", band);
      assertThat(g.has("answers") && g.get("answers").isNull()).as(band).isTrue();
      assertThat(g.get("fewerThan").asInt()).as(band).isEqualTo(5);
      assertThat(g.has("share")).as(band).isFalse();
    }
    JsonNode genders = heard.get("genders");
    assertThat(group(genders, "gender", "woman").get("answers").asLong()).isEqualTo(9);
    assertThat(group(genders, "gender", "woman").get("share").asDouble()).isEqualTo(0.6);
    assertThat(group(genders, "gender", "woman").get("populationShare").asDouble()).isEqualTo(0.5);
    assertThat(group(genders, "gender", "man").get("answers").isNull()).isTrue();
    assertThat(group(genders, "gender", "other").get("answers").isNull()).isTrue();
    assertThat(group(genders, "gender", "other").get("populationShare").isNull()).isTrue();
    assertThat(heard.get("populationBase").get("population").asLong()).isEqualTo(1000);

    // In A alone, 25_44 (6) and 65_79 (5) both reach five and nothing small is left to protect.
    JsonNode aAges = neighbourhood(statistics("dialogue=" + dialogue.slug()), "STAT-A").get("heard").get("ageBands");
    assertThat(group(aAges, "ageBand", "65_79").get("answers").asLong()).isEqualTo(5);
    assertThat(group(aAges, "ageBand", "65_79").get("populationShare").asDouble()).isEqualTo(0.4);
  }

  @Test
  void aLargerMinimumGroupMasksMore() {
    JsonNode ages = statistics("dialogue=" + dialogue.slug() + "&minimumGroup=7").get("heard").get("ageBands");
    assertThat(group(ages, "ageBand", "25_44").get("answers").isNull()).isTrue();
    assertThat(group(ages, "ageBand", "25_44").get("fewerThan").asInt()).isEqualTo(7);
  }

  @Test
  void weeksAreSwedishIsoWeeksAlsoAroundMidnightOnSunday() {
    TestData.Dialogue other = new TestData(jdbc).dialogue("ongoing",
        "POLYGON((15.45 58.45, 15.75 58.45, 15.75 58.55, 15.45 58.55, 15.45 58.45))", List.of("suggestion"));
    TestData.Dialogue fixture = dialogue;
    dialogue = other;
    pins(1, 15.5, "suggestion", "web", null, null, "2026-01-18T22:30:00Z", "published"); // Sun 23:30 CET: W03
    pins(2, 15.5, "suggestion", "web", null, null, "2026-01-18T23:30:00Z", "published"); // Mon 00:30 CET: W04
    pins(4, 15.5, "suggestion", "web", null, null, "2026-06-14T21:30:00Z", "published"); // Sun 23:30 CEST: W24
    pins(8, 15.5, "suggestion", "web", null, null, "2026-06-14T22:30:00Z", "published"); // Mon 00:30 CEST: W25
    dialogue = fixture;

    JsonNode weeks = statistics("dialogue=" + other.slug()).get("weeks");

    assertThat(weeks.get(0).get("week").asString()).isEqualTo("2026-W03");
    assertThat(weeks.get(0).get("count").asLong()).isEqualTo(1);
    assertThat(weeks.get(1).get("week").asString()).isEqualTo("2026-W04");
    assertThat(weeks.get(1).get("count").asLong()).isEqualTo(2);
    JsonNode last = weeks.get(weeks.size() - 1);
    JsonNode beforeLast = weeks.get(weeks.size() - 2);
    assertThat(beforeLast.get("week").asString()).isEqualTo("2026-W24");
    assertThat(beforeLast.get("count").asLong()).isEqualTo(4);
    assertThat(last.get("week").asString()).isEqualTo("2026-W25");
    assertThat(last.get("start").asString()).isEqualTo("2026-06-15");
    assertThat(last.get("count").asLong()).isEqualTo(8);
  }

  @Test
  void filtersApply() {
    JsonNode dark = statistics("dialogue=" + dialogue.slug() + "&timeOfDay=dark");
    assertThat(dark.get("pinCount").asLong()).isEqualTo(6);
    assertThat(dark.get("weeks")).hasSize(1);
    JsonNode walks = statistics("dialogue=" + dialogue.slug() + "&source=walk,meeting&category=suggestion");
    assertThat(walks.get("pinCount").asLong()).isEqualTo(6);
    assertThat(walks.get("sources").toString()).isEqualTo("{\"web\":0,\"walk\":5,\"meeting\":1}");
  }

  @Test
  void anEmptySelectionIsAValidEmptyAnswer() {
    JsonNode s = statistics("dialogue=" + dialogue.slug() + "&category=valued_place");
    assertThat(s.get("pinCount").asLong()).isZero();
    assertThat(s.get("weeks")).isEmpty();
    assertThat(neighbourhood(s, "STAT-A").get("pinCount").asLong()).isZero();
    assertThat(neighbourhood(s, "STAT-A").get("per1000").asDouble()).isZero();
    assertThat(s.get("heard").get("ageBands").get(0).get("answers").isNull()).isTrue();
  }

  @Test
  void theNeighbourhoodLayerCountsPinsPerThousand() {
    Api.Response r = get("/api/v1/analysis/neighbourhoods?dialogue=" + dialogue.slug());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode layer = r.json();
    assertThat(layer.get("type").asString()).isEqualTo("FeatureCollection");
    JsonNode a = null;
    for (JsonNode f : layer.get("features")) {
      if ("STAT-A".equals(f.get("properties").get("code").asString())) {
        a = f;
      }
    }
    assertThat(a).isNotNull();
    assertThat(a.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
    assertThat(a.get("geometry").get("coordinates").get(0).get(0).get(0).get(0).asDouble()).isBetween(15.46, 15.54);
    assertThat(a.get("properties").get("pinCount").asLong()).isEqualTo(12);
    assertThat(a.get("properties").get("per1000").asDouble()).isEqualTo(6.0);
    assertThat(a.get("properties").get("categories").toString()).isEqualTo("{\"suggestion\":6,\"safety_concern\":6}");
  }

  @Test
  void badParametersAreRefused() {
    Problems.assertProblem(get("/api/v1/analysis/statistics?minimumGroup=2"), 422, "minimumGroup.invalid", "minimumGroup");
    Problems.assertProblem(get("/api/v1/analysis/statistics?minimumGroup=x"), 422, "minimumGroup.invalid", "minimumGroup");
    Problems.assertProblem(get("/api/v1/analysis/statistics?eps=50"), 422, "parameter.unknown", "eps");
    Problems.assertProblem(get("/api/v1/analysis/neighbourhoods?minimumGroup=5"), 422, "parameter.unknown", "minimumGroup");
    Problems.assertProblem(get("/api/v1/analysis/statistics?dialogue=no-such-dialogue"), 422, "dialogue.unknown", "dialogue");
  }

  private long neighbourhood(String code, double lon, Integer population) {
    return jdbc.sql("""
            INSERT INTO neighbourhood (code, name, population, boundary)
            VALUES (:code, :code, :population, ST_Multi(ST_MakeEnvelope(:lon - 0.03, 58.47, :lon + 0.03, 58.53, 4326)))
            RETURNING id""")
        .param("code", code).param("population", population).param("lon", lon).query(Long.class).single();
  }

  /** Inserts {@code n} pins; the id of the last. */
  private long pins(int n, double lon, String category, String source, String ageBand, String gender, String at,
      String state) {
    long id = 0;
    for (int i = 0; i < n; i++) {
      id = jdbc.sql("""
              INSERT INTO pin (dialogue_id, location, category, text, source, age_band, gender, created_at,
                               moderation_state)
              VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, 58.5 + :i * 0.001), 4326), :category, 'Här', :source,
                      :ageBand, :gender, CAST(:at AS timestamptz), :state)
              RETURNING id""")
          .param("d", dialogue.id()).param("lon", lon).param("i", i).param("category", category)
          .param("source", source).param("ageBand", ageBand).param("gender", gender).param("at", at)
          .param("state", state).query(Long.class).single();
    }
    return id;
  }

  private JsonNode statistics(String query) {
    Api.Response r = get("/api/v1/analysis/statistics?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private Api.Response get(String path) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", planner).GET());
  }

  private static JsonNode neighbourhood(JsonNode statistics, String code) {
    for (JsonNode n : statistics.get("neighbourhoods")) {
      if (code.equals(n.get("code").asString())) {
        return n;
      }
    }
    throw new AssertionError(code + " missing in " + statistics.get("neighbourhoods"));
  }

  private static JsonNode group(JsonNode groups, String key, String code) {
    for (JsonNode g : groups) {
      if (code.equals(g.get(key).asString())) {
        return g;
      }
    }
    throw new AssertionError(code + " missing in " + groups);
  }
}
