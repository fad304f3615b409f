package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input to the staff endpoints: answered with a problem naming the fault,
 * never a 5xx, and nothing stored (no pin changed, no event, note, reply or audit row).
 */
class ModerationBadInputTest extends StaffApiTest {

  private static final long UNKNOWN = 999_999_999L;
  private static final String SQUARE = """
      {"type": "Polygon", "coordinates": [[[16.17, 58.58], [16.175, 58.58], [16.175, 58.585], [16.17, 58.585], [16.17, 58.58]]]}""";

  private Submitted pin;
  private Submitted other;
  private Submitted elsewhere;

  @BeforeEach
  void pins() {
    pin = pin("Mörkt", 16.18, 58.59);
    other = pin("Också mörkt", 16.18, 58.59);
    TestData.Dialogue second = data.openDialogue();
    elsewhere = pin(second, "suggestion", "I en annan dialog", 16.18, 58.59);
  }

  @Test
  void moderation() {
    String p = "/api/v1/staff/moderation/pins/";
    refused(moderator, p + UNKNOWN + "/approve", "", 404, "not_found");
    refused(moderator, p + UNKNOWN + "/hide", "{\"reason\": \"Spam\"}", 404, "not_found");
    refused(moderator, p + UNKNOWN + "/redact", "{\"text\": \"Ny text\"}", 404, "not_found");
    refused(moderator, p + "abc/approve", "", 400, "parameter.invalid");
    refused(moderator, p + pin.id() + "/hide", "{}", 422, "reason.blank");
    refused(moderator, p + pin.id() + "/hide", "{\"reason\": \"\"}", 422, "reason.blank");
    refused(moderator, p + pin.id() + "/hide", "{\"reason\": \" \\n\\t \"}", 422, "reason.blank");
    refused(moderator, p + pin.id() + "/hide", "{\"reason\": \"" + "x".repeat(501) + "\"}", 422, "reason.too_long");
    refused(moderator, p + pin.id() + "/hide", "{\"reason\": \"\\ud800\"}", 422, "reason.invalid");
    refused(moderator, p + pin.id() + "/hide", "{\"reason\": 12", 400, "body.malformed");
    refused(moderator, p + pin.id() + "/hide", "", 400, "body.malformed");
    refused(moderator, p + pin.id() + "/redact", "{\"text\": \"\"}", 422, "text.blank");
    refused(moderator, p + pin.id() + "/redact", "{}", 422, "text.blank");
    refused(moderator, p + pin.id() + "/redact", "{\"text\": \"" + "å".repeat(2001) + "\"}", 422, "text.too_long");
    // Retention deleted the text: there is nothing left to redact.
    jdbc.sql("UPDATE pin SET text = NULL, text_deleted_at = now() WHERE id = :id").param("id", other.id()).update();
    refused(moderator, p + other.id() + "/redact", "{\"text\": \"Ny text\"}", 409, "pin.text_deleted");
    assertThat(moderator.get(p + UNKNOWN).status()).isEqualTo(404);
    assertThat(moderator.get("/api/v1/staff/moderation/photos/" + UNKNOWN).status()).isEqualTo(404);
  }

  @Test
  void lists() {
    assertThat(problem(moderator.get("/api/v1/staff/moderation/queue?state=secret"), 422)).isEqualTo("state.unknown");
    assertThat(problem(moderator.get("/api/v1/staff/moderation/queue?dialogue=finns-inte"), 404)).isEqualTo("not_found");
    assertThat(problem(moderator.get("/api/v1/staff/moderation/queue?limit=many"), 400)).isEqualTo("parameter.invalid");
    assertThat(problem(planner.get("/api/v1/staff/pins?status=closed"), 422)).isEqualTo("status.unknown");
    assertThat(problem(planner.get("/api/v1/staff/pins?category=complaint"), 422)).isEqualTo("category.unknown");
    assertThat(problem(planner.get("/api/v1/staff/pins?department=x"), 400)).isEqualTo("parameter.invalid");
    assertThat(moderator.get("/api/v1/staff/moderation/queue?limit=-5&after=" + UNKNOWN).status()).isEqualTo(200);
  }

  @Test
  void statusAndNotes() {
    long disabled = department("Nedlagda kontoret");
    jdbc.sql("UPDATE department SET enabled = false WHERE id = :id").param("id", disabled).update();
    String s = "/api/v1/staff/pins/" + pin.id() + "/status";
    refused(planner, "/api/v1/staff/pins/" + UNKNOWN + "/status", "{\"status\": \"in_review\"}", 404, "not_found");
    refused(planner, s, "{}", 422, "status.missing");
    refused(planner, s, "{\"status\": \"closed\"}", 422, "status.unknown");
    refused(planner, s, "{\"status\": \"forwarded\"}", 422, "department.required");
    refused(planner, s, "{\"status\": \"forwarded\", \"departmentId\": " + UNKNOWN + "}", 422, "department.unknown");
    refused(planner, s, "{\"status\": \"forwarded\", \"departmentId\": " + disabled + "}", 422, "department.disabled");
    refused(planner, s, "{\"status\": \"forwarded\", \"departmentId\": \"gatu\"}", 400, "body.malformed");
    refused(planner, "/api/v1/staff/pins/" + UNKNOWN + "/notes", "{\"text\": \"Notering\"}", 404, "not_found");
    refused(planner, "/api/v1/staff/pins/" + pin.id() + "/notes", "{\"text\": \"   \"}", 422, "text.blank");
    refused(planner, "/api/v1/staff/pins/" + pin.id() + "/notes", "[]", 400, "body.malformed");
  }

  @Test
  void replies() {
    String r = "/api/v1/staff/pins/replies";
    String d = "\"dialogue\": \"" + dialogue.slug() + "\"";
    refused(planner, r, "{\"text\": \"Svar\"}", 422, "selection.missing");
    refused(planner, r, "{\"pinIds\": [" + pin.id() + "], " + d + ", \"area\": " + SQUARE + ", \"text\": \"Svar\"}",
        422, "selection.ambiguous");
    refused(planner, r, "{\"pinIds\": [], \"text\": \"Svar\"}", 422, "pinIds.invalid");
    refused(planner, r, "{\"pinIds\": [null], \"text\": \"Svar\"}", 422, "pinIds.invalid");
    refused(planner, r, "{\"pinIds\": [" + pin.id() + ", " + UNKNOWN + "], \"text\": \"Svar\"}", 404, "not_found");
    refused(planner, r, "{\"pinIds\": [" + pin.id() + "], \"text\": \"\"}", 422, "text.blank");
    refused(planner, r, "{\"pinIds\": [" + pin.id() + "], \"text\": \"Svar\", \"status\": \"closed\"}", 422, "status.unknown");
    refused(planner, r, "{\"pinIds\": [" + pin.id() + "], \"text\": \"Svar\", \"status\": \"forwarded\"}",
        422, "department.required");
    refused(planner, r, "{\"pinIds\": [\"" + pin.id() + "x\"], \"text\": \"Svar\"}", 400, "body.malformed");
    refused(planner, r, "{" + d + ", \"area\": {\"type\": \"Polygon\", \"coordinates\": [[[16.17, 58.58], [16.18, 58.59]]]},"
        + " \"text\": \"Svar\"}", 422, "area.invalid");
    refused(planner, r, "{" + d + ", \"area\": {\"type\": \"Polygon\", \"coordinates\": \"16.17 58.58\"}, \"text\": \"Svar\"}",
        422, "area.invalid");
    refused(planner, r, "{" + d + ", \"area\": {\"type\": \"Polygon\", \"coordinates\": [[[16.17, 58.58], [16.18, 58.59],"
        + " [16.18, 58.58], [16.17, 58.59], [16.17, 58.58]]]}, \"text\": \"Svar\"}", 422, "area.invalid");
    refused(planner, r, "{" + d + ", \"area\": \"POLYGON((16 58, 17 58, 17 59, 16 58))\", \"text\": \"Svar\"}",
        422, "area.invalid");
    refused(planner, r, "{\"area\": " + SQUARE + ", \"text\": \"Svar\"}", 422, "dialogue.missing");
    refused(planner, r, "{\"dialogue\": \"finns-inte\", \"area\": " + SQUARE + ", \"text\": \"Svar\"}", 404, "not_found");
    refused(planner, r, "{" + d + ", \"area\": " + SQUARE + ", \"text\": \"Svar\"}", 422, "selection.empty");
    String cluster = "{\"cluster\": {\"dialogue\": %d, \"eps\": %s, \"minPoints\": %s, \"clusterOf\": %d}, \"text\": \"Svar\"}";
    refused(planner, r, cluster.formatted(dialogue.id(), "0", "2", pin.id()), 422, "cluster.eps");
    refused(planner, r, cluster.formatted(dialogue.id(), "1e9", "2", pin.id()), 422, "cluster.eps");
    refused(planner, r, cluster.formatted(dialogue.id(), "50", "0", pin.id()), 422, "cluster.min_points");
    refused(planner, r, cluster.formatted(dialogue.id(), "50", "2", elsewhere.id()), 422, "cluster.pin_outside");
    refused(planner, r, cluster.formatted(dialogue.id(), "50", "2", UNKNOWN), 404, "not_found");
    refused(planner, r, cluster.formatted(UNKNOWN, "50", "2", pin.id()), 404, "not_found");
    refused(planner, r, "{\"cluster\": {\"eps\": 50, \"minPoints\": 2, \"clusterOf\": " + pin.id() + "}, \"text\": \"Svar\"}",
        422, "dialogue.missing");
    refused(planner, "/api/v1/staff/pins/selection", "{}", 422, "selection.missing");
  }

  @Test
  void merges() {
    String m = "/api/v1/staff/pins/merge";
    refused(planner, m, "{}", 422, "merge.into_missing");
    refused(planner, m, "{\"into\": " + pin.id() + "}", 422, "merge.duplicates_missing");
    refused(planner, m, "{\"into\": " + pin.id() + ", \"duplicates\": []}", 422, "merge.duplicates_missing");
    refused(planner, m, "{\"into\": " + pin.id() + ", \"duplicates\": [" + pin.id() + "]}", 422, "merge.self");
    refused(planner, m, "{\"into\": " + pin.id() + ", \"duplicates\": [" + other.id() + ", " + elsewhere.id() + "]}",
        422, "merge.dialogues");
    refused(planner, m, "{\"into\": " + UNKNOWN + ", \"duplicates\": [" + other.id() + "]}", 404, "not_found");
    refused(planner, m, "{\"into\": " + pin.id() + ", \"duplicates\": [" + UNKNOWN + "]}", 404, "not_found");
    moderator.post("/api/v1/staff/moderation/pins/" + other.id() + "/hide", "{\"reason\": \"Spam\"}");
    refused(planner, m, "{\"into\": " + other.id() + ", \"duplicates\": [" + pin.id() + "]}", 422, "merge.into_hidden");
    Submitted third = pin("Tredje", 16.18, 58.59);
    planner.post(m, "{\"into\": " + pin.id() + ", \"duplicates\": [" + third.id() + "]}");
    refused(planner, m, "{\"into\": " + other.id() + ", \"duplicates\": [" + third.id() + "]}", 422, "merge.into_hidden");
    Submitted fourth = pin("Fjärde", 16.18, 58.59);
    refused(planner, m, "{\"into\": " + fourth.id() + ", \"duplicates\": [" + third.id() + "]}", 422, "merge.already_merged");
    refused(planner, m, "{\"into\": " + third.id() + ", \"duplicates\": [" + fourth.id() + "]}", 422, "merge.into_merged");
  }

  /** Posts as {@code who}, expects the problem, and that nothing at all was stored. */
  private void refused(Staff who, String path, String body, int status, String code) {
    String before = footprint();
    Api.Response r = who.post(path, body);
    assertThat(problem(r, status)).as(path + " " + body).isEqualTo(code);
    assertThat(footprint()).as("stored nothing: " + path + " " + body).isEqualTo(before);
  }

  /** The problem's most specific code: the first field's, or the problem's own. */
  private static String problem(Api.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode json = r.json();
    return json.has("errors") && !json.get("errors").isEmpty()
        ? json.get("errors").get(0).get("code").asString()
        : json.get("code").asString();
  }
}
