package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialogkarta.support.Problems.assertProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Profile answers never single anyone out ({@link ProfileDisclosure}), on every analysis endpoint,
 * the OGC analysis collections and the analysis exports. The pins, far west of the other analysis
 * tests so that only this test's neighbourhood holds them:
 * <pre>
 *   spot A (neighbourhood MASK-A): 7 safety_concern 25_44 woman, 2 service_gap 25_44 woman
 *   spot B, 1 km east (no neighbourhood): 3 suggestion 65_79 man
 *   spot C, 2 km east: 6 suggestion without profile answers
 * </pre>
 * So {@code ageBand=25_44} is a group of 9 (its service_gap part of 2), {@code ageBand=65_79} a
 * group of 3.
 */
class ProfileMaskTest extends AnalysisApiTestBase {

  private static final double WEST = -120_000;
  private static final String FEWER = "fewer than 5";

  private String admin;
  private String neighbourhood;
  private final List<Long> groupA = new ArrayList<>();
  private final List<Long> groupB = new ArrayList<>();

  @BeforeEach
  void pins() {
    admin = StaffAccounts.basic(new StaffAccounts(accountRepository, encoder).create(StaffRole.ADMIN));
    neighbourhood = "MASK-A";
    jdbc.sql("DELETE FROM neighbourhood WHERE code LIKE 'MASK-%'").update();
    jdbc.sql("""
            INSERT INTO neighbourhood (code, name, population, boundary)
            VALUES (:code, :code, 1000, ST_Multi(ST_Transform(ST_MakeEnvelope(:x - 300, :y - 300, :x + 300, :y + 300, 3006), 4326)))""")
        .param("code", neighbourhood).param("x", X0 + WEST).param("y", Y0).update();
    for (int i = 0; i < 9; i++) {
      groupA.add(profilePin(i % 3 * 3, i / 3 * 3, i < 7 ? "safety_concern" : "service_gap", "25_44", "woman"));
    }
    for (int i = 0; i < 3; i++) {
      groupB.add(profilePin(1000 + i * 3, 0, "suggestion", "65_79", "man"));
    }
    for (int i = 0; i < 6; i++) {
      profilePin(2000 + i * 3, 0, "suggestion", null, null);
    }
    // The dialogue's study area is where these pins are, so that hotspots analyse them.
    jdbc.sql("""
            UPDATE dialogue SET study_area = ST_Multi(ST_Transform(
                ST_MakeEnvelope(:x - 1000, :y - 1000, :x + 3000, :y + 1000, 3006), 4326)) WHERE id = :d""")
        .param("x", X0 + WEST).param("y", Y0).param("d", dialogue.id()).update();
  }

  // --- pin-level answers: GIS refused, planners (and admins) given ids, small groups masked

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/analysis/pins", "/api/v1/analysis/clusters", "/api/v1/analysis/hotspots",
      "/api/v1/analysis/themes"})
  void gisIsRefusedPinLevelAnswersAboutAProfileGroup(String path) {
    Api.Response age = get(gis, path + "?dialogue=" + dialogue.slug() + "&ageBand=25_44");
    assertProblem(age, 403, ProfileDisclosure.REFUSED, "ageBand");
    assertThat(age.body()).doesNotContain("pinIds").doesNotContainPattern(asNumber(groupA.getFirst()));

    Api.Response both = get(gis, path + "?dialogue=" + dialogue.slug() + "&gender=woman&ageBand=25_44");
    assertThat(both.status()).isEqualTo(403);
    assertThat(fields(both.json())).containsExactly("ageBand", "gender");

    Api.Response gender = get(gis, path + "?dialogue=" + dialogue.slug() + "&gender=man");
    assertProblem(gender, 403, ProfileDisclosure.REFUSED, "gender");

    // The same question without the profile group is the GIS role's to ask.
    assertThat(get(gis, path + "?dialogue=" + dialogue.slug()).status()).isEqualTo(200);
  }

  @Test
  void aPlannerAndAnAdministratorGetTheIdsOfAGroupOfFiveOrMore() {
    for (String who : List.of(planner, admin)) {
      JsonNode pins = json(who, "/api/v1/analysis/pins?dialogue=" + dialogue.slug() + "&ageBand=25_44");
      assertThat(pins.get("total").asLong()).isEqualTo(9);
      assertThat(pins.has("masked")).isFalse();
      assertThat(featureIds(pins)).containsExactlyInAnyOrderElementsOf(groupA);
      assertThat(pins.get("features").get(0).get("properties").get("text").asString()).startsWith("Profil");

      JsonNode clusters = json(who, "/api/v1/analysis/clusters?dialogue=" + dialogue.slug()
          + "&ageBand=25_44&eps=20&minPoints=3");
      assertThat(clusters.get("pinCount").asLong()).isEqualTo(9);
      JsonNode cluster = clusters.get("features").get(0).get("properties");
      assertThat(cluster.get("pinCount").asInt()).isEqualTo(9);
      assertThat(ids(cluster.get("pinIds"))).containsExactlyInAnyOrderElementsOf(groupA);
      // 7 + 2 by category: the 2 is masked, and the 7 with it, or 9 - 7 would give it away.
      assertThat(cluster.get("categories").get("service_gap").isNull()).isTrue();
      assertThat(cluster.get("categories").get("safety_concern").isNull()).isTrue();
    }
  }

  @Test
  void aPlannerAndAnAdministratorGetTheHotspotIdsOfAGroupLargeEnoughToTest() {
    List<Long> group = new ArrayList<>(groupA);
    for (int i = 0; i < 30; i++) {
      group.add(profilePin(-800 + (i % 6) * 500, -800 + (i / 6) * 350, "suggestion", "25_44", "woman"));
    }
    for (String who : List.of(planner, admin)) {
      JsonNode hotspots = json(who, "/api/v1/analysis/hotspots?dialogue=" + dialogue.slug()
          + "&ageBand=25_44&cellSize=100");
      assertThat(hotspots.get("outcome").asString()).isEqualTo("tested");
      assertThat(hotspots.get("pinCount").asLong()).isEqualTo(39);
      JsonNode cell = features(hotspots).stream().filter(p -> !p.get("count").isNull()).findFirst().orElseThrow();
      assertThat(cell.get("count").asInt()).isEqualTo(9);
      assertThat(ids(cell.get("pinIds"))).containsExactlyInAnyOrderElementsOf(groupA);
      // The single pins of the group are cells of one: masked, ids and all.
      List<Long> shown = new ArrayList<>();
      for (JsonNode p : features(hotspots)) {
        if (p.get("count").isNull()) {
          assertThat(p.get("pinIds").isNull()).isTrue();
          assertThat(p.get("masked").asString()).isEqualTo(FEWER);
        } else {
          shown.addAll(ids(p.get("pinIds")));
        }
      }
      assertThat(group).containsAll(shown);
    }
  }

  @Test
  void aPlannerGetsFewerThanFiveInsteadOfTheIdsOfASmallGroup() {
    JsonNode pins = json(planner, "/api/v1/analysis/pins?dialogue=" + dialogue.slug() + "&ageBand=65_79");
    assertMasked(pins, "total");
    assertThat(pins.get("features")).isEmpty();
    assertThat(pins.toString()).doesNotContain("Profil");

    // Asking by id whether one pin is in a group is a group of one.
    JsonNode probe = json(planner, "/api/v1/analysis/pins?ageBand=65_79&ids=" + groupB.getFirst());
    assertMasked(probe, "total");
    assertThat(probe.get("features")).isEmpty();

    JsonNode clusters = json(planner, "/api/v1/analysis/clusters?dialogue=" + dialogue.slug()
        + "&ageBand=65_79&eps=20&minPoints=3");
    assertMasked(clusters, "pinCount");
    JsonNode cluster = clusters.get("features").get(0).get("properties");
    assertMasked(cluster, "pinCount");
    assertThat(cluster.get("pinIds").isNull()).isTrue();
    assertThat(cluster.get("firstAt").isNull()).isTrue();
    assertThat(cluster.get("categories").get("suggestion").isNull()).isTrue();
    assertThat(clusters.get("noise").get("pinIds").isNull()).isTrue();
    assertThat(clusters.toString()).doesNotContainPattern(asNumber(groupB.getFirst()));

    JsonNode themes = json(planner, "/api/v1/analysis/themes?dialogue=" + dialogue.slug() + "&ageBand=65_79");
    assertMasked(themes, "commentCount");
    assertThat(themes.get("themes")).isEmpty();
    assertThat(themes.toString()).doesNotContain("Profil").doesNotContainPattern(asNumber(groupB.getFirst()));
    assertThat(json(planner, "/api/v1/analysis/themes?dialogue=" + dialogue.slug() + "&ageBand=25_44")
        .get("commentCount").asInt()).isEqualTo(9);

    // Three pins are too few for a hot spot test, and the answer does not say how few.
    JsonNode hotspots = json(planner, "/api/v1/analysis/hotspots?dialogue=" + dialogue.slug()
        + "&ageBand=65_79&cellSize=100");
    assertMasked(hotspots, "pinCount");
    assertMasked(hotspots, "pinsAnalysed");
    assertThat(hotspots.get("outcome").asString()).isEqualTo("too_few_pins");
    assertThat(hotspots.get("features")).isEmpty();
    assertThat(hotspots.get("message").get("sv").asString()).contains("färre än 5").doesNotContain(" 3 ");
    assertThat(hotspots.toString()).doesNotContainPattern(asNumber(groupB.getFirst()));
  }

  @Test
  void withoutAProfileGroupNothingIsMasked() {
    JsonNode clusters = json(gis, "/api/v1/analysis/clusters?dialogue=" + dialogue.slug()
        + "&category=service_gap&eps=20&minPoints=1");
    assertThat(clusters.get("pinCount").asLong()).isEqualTo(2);
    assertThat(clusters.get("features").get(0).get("properties").get("pinIds")).hasSize(2);
    JsonNode statistics = json(gis, "/api/v1/analysis/statistics?dialogue=" + dialogue.slug());
    assertThat(statistics.get("pinCount").asLong()).isEqualTo(18);
    assertThat(statistics.get("categories").get("service_gap").asLong()).isEqualTo(2);
    assertThat(statistics.has("masked")).isFalse();
  }

  // --- counts: masked for every role

  @Test
  void statisticsOfAProfileGroupMaskCountsUnderFiveForEveryRole() {
    for (String who : List.of(gis, planner)) {
      JsonNode small = json(who, "/api/v1/analysis/statistics?dialogue=" + dialogue.slug() + "&ageBand=65_79");
      assertMasked(small, "pinCount");
      assertThat(small.get("categories").get("suggestion").isNull()).isTrue();
      assertThat(small.get("sources").get("web").isNull()).isTrue();
      assertThat(small.get("outsideNeighbourhoods").isNull()).isTrue();
      assertMasked(small.get("weeks").get(0), "count");
      assertThat(small.get("weeks").get(0).get("categories").get("suggestion").isNull()).isTrue();

      JsonNode large = json(who, "/api/v1/analysis/statistics?dialogue=" + dialogue.slug() + "&ageBand=25_44");
      assertThat(large.get("pinCount").asLong()).isEqualTo(9);
      assertThat(large.get("masked").asString()).isEqualTo(FEWER);
      assertThat(large.get("categories").get("service_gap").isNull()).isTrue();
      assertThat(large.get("categories").get("safety_concern").isNull()).as("7 = 9 - 2").isTrue();
      assertThat(large.get("weeks").get(0).get("count").asLong()).isEqualTo(9);
      assertThat(large.get("sources").get("web").asLong()).isEqualTo(9);
      JsonNode row = row(large.get("neighbourhoods"), neighbourhood);
      assertThat(row.get("pinCount").asLong()).isEqualTo(9);
      assertThat(row.get("per1000").asDouble()).isEqualTo(9.0);
      assertThat(row.get("categories").get("service_gap").get("count").isNull()).isTrue();
      assertThat(row.get("categories").get("service_gap").get("per1000").isNull()).isTrue();
      // Within the group, "who has been heard" holds 9 in one band: the other bands, 0, are masked.
      JsonNode bands = large.get("heard").get("ageBands");
      for (JsonNode band : bands) {
        if (band.get("ageBand").asString().equals("25_44")) {
          assertThat(band.get("answers").asLong()).isEqualTo(9);
        } else {
          assertThat(band.get("answers").isNull()).isTrue();
        }
      }
    }
  }

  @Test
  void aSmallerMinimumGroupDoesNotLowerTheMaskOfAProfileGroup() {
    JsonNode s = json(planner, "/api/v1/analysis/statistics?dialogue=" + dialogue.slug()
        + "&ageBand=65_79&minimumGroup=3");
    assertThat(s.get("heard").get("minimumGroup").asInt()).isEqualTo(5);
    for (JsonNode band : s.get("heard").get("ageBands")) {
      assertThat(band.get("answers").isNull()).as(band.toString()).isTrue();
    }
  }

  @Test
  void theNeighbourhoodLayerOfAProfileGroupMasksSmallNeighbourhoodsForEveryRole() {
    for (String who : List.of(gis, planner)) {
      JsonNode large = json(who, "/api/v1/analysis/neighbourhoods?dialogue=" + dialogue.slug() + "&ageBand=25_44");
      JsonNode mine = row(features(large), neighbourhood);
      assertThat(mine.get("pinCount").asLong()).isEqualTo(9);
      assertThat(mine.get("per1000").asDouble()).isEqualTo(9.0);
      assertThat(mine.get("categories").get("service_gap").isNull()).isTrue();
      assertThat(mine.get("categories").get("safety_concern").isNull()).isTrue();

      JsonNode small = json(who, "/api/v1/analysis/neighbourhoods?dialogue=" + dialogue.slug() + "&ageBand=65_79");
      assertThat(small.get("outsideNeighbourhoods").isNull()).as("3 pins outside").isTrue();
      assertMasked(row(features(small), neighbourhood), "pinCount");

      JsonNode all = json(who, "/api/v1/analysis/neighbourhoods?dialogue=" + dialogue.slug());
      assertThat(all.get("outsideNeighbourhoods").asLong()).isEqualTo(9);
    }
  }

  // --- the OGC API and exports never take a profile group

  @ParameterizedTest
  @ValueSource(strings = {"clusters-", "hotspots-"})
  void theOgcAnalysisCollectionsRefuseAProfileGroup(String collection) {
    String items = "/ogc/collections/" + collection + dialogue.slug() + "/items";
    for (String field : List.of("ageBand", "gender")) {
      Api.Response r = api.get(items + "?" + field + "=" + (field.equals("ageBand") ? "65_79" : "man"));
      assertProblem(r, 400, "ogc.parameter.invalid", field);
      assertThat(r.body()).doesNotContain("pinIds");
    }
    assertThat(api.get(items).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"clusters", "hotspots"})
  void theAnalysisExportsRefuseAProfileGroup(String layer) {
    for (String who : List.of(gis, admin)) {
      Api.Response r = get(who, "/api/v1/exports/" + layer + ".geojson?dialogue=" + dialogue.slug() + "&ageBand=65_79");
      assertProblem(r, 422, "parameter.unknown", "ageBand");
      assertThat(r.body()).doesNotContainPattern(asNumber(groupB.getFirst()));
    }
  }

  // --- helpers

  private long profilePin(double dx, double dy, String category, String ageBand, String gender) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, age_band, gender, created_at)
            VALUES (:d, ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), 3006), 4326), :c, 'Profil ' || :c,
                    :ageBand, :gender, TIMESTAMPTZ '2026-04-01 12:00:00+00')
            RETURNING id""")
        .param("d", dialogue.id()).param("x", X0 + WEST + dx).param("y", Y0 + dy).param("c", category)
        .param("ageBand", ageBand).param("gender", gender).query(Long.class).single();
  }

  private JsonNode json(String who, String path) {
    Api.Response r = get(who, path);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static void assertMasked(JsonNode node, String count) {
    assertThat(node.get(count).isNull()).as(node.toString()).isTrue();
    assertThat(node.get("masked").asString()).isEqualTo(FEWER);
  }

  private static List<String> fields(JsonNode problem) {
    List<String> out = new ArrayList<>();
    problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
    return out;
  }

  private static Set<Long> ids(JsonNode array) {
    Set<Long> out = new HashSet<>();
    array.forEach(id -> out.add(id.asLong()));
    return out;
  }

  private static Set<Long> featureIds(JsonNode collection) {
    Set<Long> out = new HashSet<>();
    collection.get("features").forEach(f -> out.add(f.get("id").asLong()));
    return out;
  }

  private static List<JsonNode> features(JsonNode collection) {
    List<JsonNode> out = new ArrayList<>();
    collection.get("features").forEach(f -> out.add(f.get("properties")));
    return out;
  }

  private static JsonNode row(Iterable<JsonNode> rows, String code) {
    for (JsonNode row : rows) {
      if (row.get("code").asString().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("No neighbourhood " + code);
  }

  /** The id as a number of its own in JSON, not as digits inside a coordinate (14.1330929 holds 309). */
  private static String asNumber(long id) {
    return "(?<![0-9.])" + id + "(?![0-9.])";
  }
}
