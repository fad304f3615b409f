package org.dialogkarta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A dialogue with exactly one view gets a report that says "1 synpunkt" (the text, the map's
 * alt text, the appendix) and never "1 synpunkter", in the HTML, the PDF and the Word file.
 */
@IntegrationTest
class ReportPluralsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void oneViewIsOneSynpunkt() {
    Api api = new Api(port);
    ReportClient planner = new ReportClient(api,
        StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER)));
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    new ReportFixture(api, jdbc).pin(d, "safety_concern", "Mörkt vid gångtunneln", 16.180, 58.590);

    JsonNode draft = planner.built(d.id(), null);
    JsonNode files = draft.get("files");
    String html = new String(planner.bytes(files.get("html").asString()), StandardCharsets.UTF_8);
    String pdf = ReadBack.pdfText(planner.bytes(files.get("pdf").asString()));
    String docx = ReadBack.docxText(planner.bytes(files.get("docx").asString()));

    assertThat(html).contains("Det kom in 1 synpunkt.", "Karta över dialogens område med 1 synpunkt som en punkt",
        "Karta med 1 synpunkt; inga kluster", "Den enda synpunkten.", "1 synpunkt saknar svar om ålder och kön");
    assertThat(ReadBack.squeezed(pdf)).contains(ReadBack.squeezed("Det kom in 1 synpunkt."),
        ReadBack.squeezed("Den enda synpunkten."));
    assertThat(docx).contains("Det kom in 1 synpunkt.", "Den enda synpunkten.");
    for (String text : new String[] {html, pdf, docx}) {
      assertThat(text).doesNotContainPattern("(?<!\\d)1\\s+synpunkter")
          .doesNotContain("1 synpunkterna").doesNotContain("1 gånger");
    }
  }
}
