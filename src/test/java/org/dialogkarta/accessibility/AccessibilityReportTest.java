package org.dialogkarta.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
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
 * A visitor reports an accessibility problem and gets a receipt; an administrator answers and
 * closes it, audited; the reporter reads the answer with the receipt. Bad input is refused by field.
 */
@IntegrationTest
class AccessibilityReportTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private String admin;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    admin = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.ADMIN));
  }

  @Test
  void aReportIsAnsweredAndTheReporterReadsTheAnswerWithTheReceipt() {
    Api.Response sent = api.postJson("/api/v1/accessibility/reports", """
        {"page": "/dialoger/parken", "description": "Kartans knappar går inte att nå med tab.\\u0007",
         "email": "anna@example.se", "language": "en"}""");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    long id = sent.json().get("id").asLong();
    String token = sent.json().get("receipt").asString();
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(jdbc.sql("SELECT count(*) FROM receipt WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
        .param("t", token).query(Long.class).single()).as("only the hash is stored").isEqualTo(1);

    JsonNode mine = mine(token).json();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("description").asString()).isEqualTo("Kartans knappar går inte att nå med tab.");
    assertThat(mine.get(0).get("state").asString()).isEqualTo("open");
    assertThat(mine.get(0).has("email")).as("the receipt does not show the address").isFalse();

    JsonNode listed = find(staff("GET", "/api/v1/staff/accessibility/reports", null).json(), id);
    assertThat(listed.get("email").asString()).isEqualTo("anna@example.se");
    assertThat(listed.get("language").asString()).isEqualTo("en");

    Api.Response answered = staff("POST", "/api/v1/staff/accessibility/reports/" + id + "/answer",
        "{\"answer\": \"Tack! Vi har rättat knapparna.\"}");
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(answered.json().get("state").asString()).isEqualTo("answered");
    JsonNode after = mine(token).json().get(0);
    assertThat(after.get("answer").asString()).isEqualTo("Tack! Vi har rättat knapparna.");
    assertThat(after.get("state").asString()).isEqualTo("answered");
    assertThat(after.get("answeredAt").isNull()).isFalse();

    assertThat(staff("POST", "/api/v1/staff/accessibility/reports/" + id + "/close", "{}").json().get("state").asString())
        .isEqualTo("closed");
    assertThat(mine(token).json().get(0).get("state").asString()).isEqualTo("closed");
    assertThat(jdbc.sql("SELECT email FROM accessibility_report WHERE id = :id").param("id", id)
        .query((rs, n) -> String.valueOf(rs.getString(1))).single()).as("closed: the address is gone").isEqualTo("null");
    Problems.assertProblem(staff("POST", "/api/v1/staff/accessibility/reports/" + id + "/answer", "{\"answer\": \"Mer\"}"),
        409, "report.closed", null);

    String audit = jdbc.sql("""
            SELECT string_agg(action || ' ' || coalesce(after::text, ''), ' | ' ORDER BY id) FROM audit_event
            WHERE target_type = 'accessibility_report' AND target_id = :id""")
        .param("id", id).query(String.class).single();
    assertThat(audit).contains("accessibility.answer", "accessibility.close").doesNotContain("anna@example.se");
  }

  @Test
  void badReportsAreRefusedByFieldAndNothingIsStored() {
    long before = jdbc.sql("SELECT count(*) FROM accessibility_report").query(Long.class).single();
    Api.Response r = api.postJson("/api/v1/accessibility/reports",
        "{\"page\": \" \", \"description\": \"" + "x".repeat(4001) + "\", \"email\": \"inte en adress\", \"language\": \"xx\"}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("page", "description", "email", "language");
    Problems.assertProblem(api.postJson("/api/v1/accessibility/reports", "{\"page\": \"/\"}"), 422, "text.blank", "description");
    Problems.assertProblem(api.postJson("/api/v1/accessibility/reports",
        "{\"page\": \"/\", \"description\": \"Fel\", \"email\": \"a@b.se\\r\\nBcc: x@y.se\"}"), 422, "email.invalid", "email");
    assertThat(jdbc.sql("SELECT count(*) FROM accessibility_report").query(Long.class).single()).isEqualTo(before);

    // An unknown receipt is 404; an empty answer 422; only administrators see or answer reports.
    assertThat(mine("A".repeat(43)).status()).isEqualTo(404);
    long id = api.postJson("/api/v1/accessibility/reports", "{\"page\": \"/\", \"description\": \"Fel\"}").json().get("id").asLong();
    Problems.assertProblem(staff("POST", "/api/v1/staff/accessibility/reports/" + id + "/answer", "{\"answer\": \"  \"}"),
        422, "text.blank", "answer");
    assertThat(api.get("/api/v1/staff/accessibility/reports").status()).isIn(401, 403);
    assertThat(api.postJson("/api/v1/staff/accessibility/reports/" + id + "/close", "{}").status()).isIn(401, 403);
    String moderator = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.MODERATOR));
    assertThat(api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/accessibility/reports"))
        .header("Authorization", moderator)).status()).isEqualTo(403);
  }

  @Test
  void theStatementNamesTheOrganisationAndDigg() {
    JsonNode s = api.get("/api/v1/accessibility").json();
    assertThat(s.get("organisation").asString()).isNotBlank();
    assertThat(s.get("conformance").asString()).isEqualTo("partially_compliant");
    assertThat(s.get("supervisoryAuthorityUrl").asString()).isEqualTo("https://www.digg.se/tdosanmalan");
    Api.Response page = api.get("/tillganglighet");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Tillgänglighetsredogörelse", "delvis förenlig", "WCAG 2.1", "https://www.digg.se/tdosanmalan");
    assertThat(api.get("/").body()).as("every page's footer links the statement").contains("href=\"/tillganglighet\"");
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode r : list) {
      if (r.get("id").asLong() == id) {
        return r;
      }
    }
    throw new AssertionError("not listed: " + id);
  }

  private Api.Response mine(String token) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/accessibility/reports/mine"))
        .header("X-Receipt-Token", token));
  }

  private Api.Response staff(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", admin);
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return api.send(b);
  }
}
