package org.dialogkarta.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF read back with Debian's poppler-utils (pdftotext, pdfinfo) and with PDFBox. */
class ReportPdfWriterTest {

  private static final ReportDocument REPORT = ReportFixture.report(30, null);
  private static byte[] pdf;

  @TempDir
  Path directory;

  @BeforeAll
  static void write() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfReportWriter().write(REPORT, out, ReportWriter.Progress.NONE);
    pdf = out.toByteArray();
  }

  @Test
  void containsEveryVisibleTextAndNoHiddenOne() throws Exception {
    String text = normalised(run("pdftotext", "-enc", "UTF-8", file().toString(), "-"));
    for (String visible : ReportFixture.visibleTexts(REPORT)) {
      assertThat(text).contains(normalised(visible));
    }
    assertThat(text).contains("Dold av moderering: " + ReportFixture.HIDDEN_REASON, "färre än 5", "Utkast",
        "5 Bilaga: alla synpunkter");
    assertThat(text).doesNotContain(ReportFixture.SECRET);
  }

  @Test
  void isTaggedInSwedishWithItsTitle() throws Exception {
    String info = run("pdfinfo", file().toString());
    assertThat(info).contains("Tagged:          yes").containsPattern("Title: +" + REPORT.title());
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo(REPORT.title());
      assertThat(document.getDocumentCatalog().getMetadata()).isNotNull();
    }
  }

  @Test
  void everyFigureHasAltTextAndTheStructureHasHeadingsAndTableHeaders() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDStructureElement> elements = new ArrayList<>();
      collect(document.getDocumentCatalog().getStructureTreeRoot(), elements);
      List<PDStructureElement> figures = elements.stream().filter(e -> e.getStructureType().equals("Figure")).toList();
      assertThat(figures).hasSize(3);
      assertThat(figures).allSatisfy(f -> assertThat(f.getAlternateDescription()).isNotBlank());
      assertThat(figures.get(0).getAlternateDescription()).isEqualTo(ReportFixture.overviewMap().altText());
      assertThat(elements).extracting(PDStructureElement::getStructureType)
          .contains("H1", "H2", "H3", "Table", "TH", "TD", "Caption");
      assertThat(elements.stream().filter(e -> e.getStructureType().equals("H2")).count()).isEqualTo(5);
      List<PDStructureElement> appendixHeaders = elements.stream()
          .filter(e -> e.getStructureType().equals("TH") && e.getCOSObject().getDictionaryObject(COSName.A) instanceof COSDictionary a
              && COSName.getPDFName("Column").equals(a.getDictionaryObject(COSName.getPDFName("Scope"))))
          .toList();
      assertThat(appendixHeaders).hasSizeGreaterThanOrEqualTo(7);
    }
  }

  @Test
  void embedsEveryFont() throws Exception {
    String fonts = run("pdffonts", file().toString());
    assertThat(fonts).contains("DejaVuSans");
    fonts.lines().skip(2).forEach(line -> assertThat(line).as(line).contains(" yes yes yes "));
  }

  @Test
  void aMissingFontIsNamed() {
    assertThatThrownBy(() -> new PdfReportWriter(directory, new MapPainter()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DejaVuSans.ttf").hasMessageContaining("fonts-dejavu-core");
  }

  private static void collect(PDStructureNode node, List<PDStructureElement> into) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        into.add(element);
        collect(element, into);
      }
    }
  }

  private Path file() throws IOException {
    Path file = directory.resolve("rapport.pdf");
    if (!Files.exists(file)) {
      Files.write(file, pdf);
    }
    return file;
  }

  private static String run(String... command) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin", command[0])), command[0] + " (poppler-utils) is not installed");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }

  /** All white space as single spaces, since the PDF breaks lines where the text had none. */
  private static String normalised(String text) {
    return text.replaceAll("[\\s\\u00a0]+", " ").strip();
  }
}
