package org.dialogkarta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The report of the demo's completed dialogue (its own database, loaded as {@code make run} loads
 * it) in all three formats, read back by outside tools: every published view's text and every
 * answer is there, a hidden view's text is not, the PDF is tagged with Swedish as its language
 * and every figure has alternative text, the Word file's pictures have descriptions.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "spring.datasource.url=${DIALOGKARTA_DEMO_TEST_DB_URL:jdbc:postgresql://127.0.0.1:${DIALOGKARTA_PG_PORT:55432}/dialogkarta_demo_test}",
    "dialogkarta.demo-data=true"})
class DemoReportTest {

  private static final String SECRET = "HEMLIGT-DOLT-INNEHÅLL";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void theCompletedDialoguesReportHoldsEveryViewAndAnswerInEveryFormat() throws IOException {
    long dialogue = jdbc.sql("SELECT id FROM dialogue WHERE slug = :s").param("s", "parken-vid-hageby-centrum")
        .query(Long.class).single();
    ReportClient planner = new ReportClient(new Api(port),
        StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER)));
    // One view hidden by moderation for the length of the test (the demo has none in this dialogue).
    record Hidden(long id, String text) {}
    Hidden hidden = jdbc.sql("""
            SELECT id, text FROM pin WHERE dialogue_id = :d AND moderation_state = 'published' ORDER BY id LIMIT 1""")
        .param("d", dialogue).query((rs, row) -> new Hidden(rs.getLong(1), rs.getString(2))).single();
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden', moderation_reason = 'Demotest', text = :t WHERE id = :id")
        .param("t", SECRET + " " + hidden.text()).param("id", hidden.id()).update();
    try {
      JsonNode build = planner.built(dialogue, null);
      byte[] pdf = planner.bytes(build.get("files").get("pdf").asString());
      byte[] docx = planner.bytes(build.get("files").get("docx").asString());
      String html = new String(planner.bytes(build.get("files").get("html").asString()), StandardCharsets.UTF_8);

      List<String> texts = visibleTexts(dialogue);
      List<String> answers = answers(dialogue);
      assertThat(texts).hasSizeGreaterThan(60);
      assertThat(answers).hasSizeGreaterThanOrEqualTo(8);

      String pdfText = ReadBack.squeezed(ReadBack.pdfText(pdf));
      String docxText = ReadBack.squeezed(ReadBack.docxText(docx));
      String htmlText = ReadBack.squeezed(unescape(html.replaceAll("<[^>]+>", " ")));
      for (String expected : concat(texts, answers)) {
        String s = ReadBack.squeezed(expected);
        assertThat(pdfText).as("PDF holds: %s", expected).contains(s);
        assertThat(docxText).as("Word holds: %s", expected).contains(s);
        assertThat(htmlText).as("HTML holds: %s", expected).contains(s);
      }
      for (String format : List.of(pdfText, docxText, htmlText)) {
        assertThat(format).doesNotContain(SECRET).contains("Demotest");
      }

      String info = ReadBack.pdfInfo(pdf);
      assertThat(info).containsPattern("Tagged:\\s+yes");
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("sv");
        List<PDStructureElement> figures = new ArrayList<>();
        collectFigures(doc.getDocumentCatalog().getStructureTreeRoot(), figures);
        assertThat(figures).as("the maps are figures").hasSizeGreaterThanOrEqualTo(3);
        assertThat(figures).allSatisfy(f -> assertThat(f.getAlternateDescription()).isNotBlank());
      }

      String document = ReadBack.docxDocument(docx);
      int pictures = count(document, "<wp:docPr ");
      assertThat(pictures).isGreaterThanOrEqualTo(3);
      assertThat(count(document, "<wp:docPr [^>]*descr=\"[^\"]+\"")).isEqualTo(pictures);
      assertThat(document).contains("w:val=\"Heading1\"");

      assertThat(html).contains("lang=\"sv\"");
      assertThat(count(html, "<img ")).isGreaterThanOrEqualTo(3).isEqualTo(count(html, "<img [^>]*alt=\"[^\"]+\""));
    } finally {
      jdbc.sql("UPDATE pin SET moderation_state = 'published', moderation_reason = NULL, text = :t WHERE id = :id")
          .param("t", hidden.text()).param("id", hidden.id()).update();
    }
  }

  private List<String> visibleTexts(long dialogue) {
    List<String> texts = new ArrayList<>(jdbc.sql("""
            SELECT text FROM pin WHERE dialogue_id = :d AND moderation_state = 'published' AND text IS NOT NULL""")
        .param("d", dialogue).query(String.class).list());
    texts.addAll(jdbc.sql("SELECT text FROM incoming_view WHERE dialogue_id = :d").param("d", dialogue)
        .query(String.class).list());
    return texts;
  }

  /** The topics' answers and reasons, and every public reply to the dialogue's pins. */
  private List<String> answers(long dialogue) {
    List<String> out = new ArrayList<>(jdbc.sql("""
            SELECT x FROM report_topic t, LATERAL (VALUES (t.answer), (t.reason)) v(x)
            WHERE t.dialogue_id = :d AND x IS NOT NULL""")
        .param("d", dialogue).query(String.class).list());
    out.addAll(jdbc.sql("""
            SELECT DISTINCT r.text FROM reply r JOIN pin_reply pr ON pr.reply_id = r.id JOIN pin p ON p.id = pr.pin_id
            WHERE p.dialogue_id = :d""").param("d", dialogue).query(String.class).list());
    return out;
  }

  private static void collectFigures(PDStructureNode node, List<PDStructureElement> out) {
    if (node == null) {
      return;
    }
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        if ("Figure".equals(e.getStructureType())) {
          out.add(e);
        }
        collectFigures(e, out);
      }
    }
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&#x27;", "'").replace("&apos;", "'").replace("&amp;", "&");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
