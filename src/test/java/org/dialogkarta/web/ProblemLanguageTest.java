package org.dialogkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.dialogkarta.kernel.Messages;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.Multipart;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Problem details in the reader's language (Accept-Language, which the pages send): the same
 * refusal in Swedish, English, Finnish (no staff texts: Swedish) and without a language (the
 * English texts for API clients, as before); a citizen's fault in Arabic.
 */
@IntegrationTest
class ProblemLanguageTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

  @LocalServerPort int port;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;

  private JsonNode upload(String planner, String... headers) {
    Api.Response r = new Multipart().file("file", "stadsdelar.geojson", PNG)
        .post(new Api(port), "/api/v1/staff/neighbourhoods", planner, headers);
    assertThat(r.status()).isEqualTo(422);
    return r.json();
  }

  @Test
  void theSameRefusedFileInSwedishEnglishAndFinnish() {
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    JsonNode sv = upload(planner, "Accept-Language", "sv-SE,sv;q=0.9");
    assertThat(sv.get("code").asString()).isEqualTo("validation");
    assertThat(sv.get("errors").get(0).get("code").asString()).isEqualTo("neighbourhoods.file_type");
    assertThat(sv.get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(sv.get("errors").get(0).get("message").asString()).startsWith("Filen är varken GeoJSON eller GeoPackage. (")
        .as("the check's own words kept after it").contains("(.gpkg)");
    assertThat(sv.get("detail").asString()).startsWith("Filen är varken GeoJSON eller GeoPackage.");

    JsonNode en = upload(planner, "Accept-Language", "en");
    assertThat(en.get("errors").get(0).get("message").asString()).startsWith("The file is neither GeoJSON nor a GeoPackage")
        .doesNotContain("Filen");
    assertThat(en.get("detail").asString()).startsWith("The file is neither GeoJSON nor a GeoPackage");

    JsonNode fi = upload(planner, "Accept-Language", "fi");
    assertThat(fi.get("detail").asString()).as("no Finnish staff texts: Swedish").startsWith("Filen är varken GeoJSON eller GeoPackage.");

    JsonNode none = upload(planner);
    assertThat(none.get("detail").asString()).as("API clients keep the exception's English")
        .doesNotContain("Filen").containsIgnoringCase("GeoJSON");
    assertThat(none.get("errors").get(0).get("code").asString()).isEqualTo("neighbourhoods.file_type");
  }

  @Test
  void aCitizensFaultInArabicAndAMissingThingInSwedish() {
    TestData.Dialogue dialogue = new TestData(jdbc).openDialogue();
    Api api = new Api(port);
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.id() + "/pins",
        Api.pinJson("safety_concern", "   ", 16.19, 58.59), "Idempotency-Key", UUID.randomUUID().toString(),
        "Accept-Language", "ar");
    assertThat(r.status()).isEqualTo(422);
    JsonNode faults = r.json().get("errors");
    boolean found = false;
    for (JsonNode fault : faults) {
      if ("text.blank".equals(fault.get("code").asString())) {
        assertThat(fault.get("message").asString()).isEqualTo(Messages.get("ar", "error.text.blank"));
        found = true;
      }
    }
    assertThat(found).as("the blank text is refused: " + faults).isTrue();

    Api.Response missing = api.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(api.base() + "/api/v1/dialogues/finns-inte-alls")).header("Accept-Language", "sv").GET());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("detail").asString()).isEqualTo(Messages.get("sv", "error.not_found"));
  }
}
