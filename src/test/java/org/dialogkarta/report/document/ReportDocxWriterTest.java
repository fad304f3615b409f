package org.dialogkarta.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportDocxWriterTest {

  private static final ReportDocument REPORT = ReportFixture.report(30, 2);
  private static byte[] docx;
  private static Map<String, String> parts;

  @BeforeAll
  static void write() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DocxReportWriter().write(REPORT, out, ReportWriter.Progress.NONE);
    docx = out.toByteArray();
    parts = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1));
      }
    }
  }

  @Test
  void opensInPoiAndContainsEveryVisibleTextAndNoHiddenOne() throws IOException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      String text = extractor.getText();
      for (String visible : ReportFixture.visibleTexts(REPORT)) {
        assertThat(text).contains(visible);
      }
      assertThat(text).contains("Dold av moderering: " + ReportFixture.HIDDEN_REASON, "färre än 5", "Version 2")
          .doesNotContain(DocxAppendix.MARKER);
      assertThat(document.getTables()).hasSize(5);
      assertThat(document.getTables().get(4).getRows()).hasSize(31);
      assertThat(document.getTables()).allSatisfy(t -> assertThat(t.getRow(0).isRepeatHeader()).isTrue());
      assertThat(document.getProperties().getCoreProperties().getTitle()).isEqualTo(REPORT.title());
    }
    assertThat(parts.values()).noneMatch(part -> part.contains(ReportFixture.SECRET));
  }

  @Test
  void headingsUseTheHeadingStylesThatTheStylesDefine() {
    String document = utf8(parts.get("word/document.xml"));
    assertThat(document).contains("<w:pStyle w:val=\"Heading1\"/>", "<w:pStyle w:val=\"Heading2\"/>",
        "<w:pStyle w:val=\"Heading3\"/>");
    String styles = utf8(parts.get("word/styles.xml"));
    assertThat(styles).contains("w:styleId=\"Heading1\"", "w:val=\"heading 1\"", "w:styleId=\"Heading3\"",
        "<w:outlineLvl w:val=\"0\"/>", "<w:lang w:val=\"sv-SE\"/>");
  }

  @Test
  void picturesHaveAltText() {
    String document = utf8(parts.get("word/document.xml"));
    assertThat(document).contains("descr=\"" + ReportFixture.overviewMap().altText() + "\"");
    assertThat(parts.keySet().stream().filter(name -> name.startsWith("word/media/"))).hasSize(3);
  }

  private static String utf8(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
