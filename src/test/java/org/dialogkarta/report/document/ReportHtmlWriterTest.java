package org.dialogkarta.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportHtmlWriterTest {

  private final ReportDocument report = ReportFixture.report(30, null);

  @Test
  void isWellFormedSwedishHtmlWithHeadingsInOrder() throws Exception {
    Document dom = parse(html(report));
    assertThat(dom.getDocumentElement().getAttribute("lang")).isEqualTo("sv");
    assertThat(dom.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(report.title());
    List<String> headings = new ArrayList<>();
    NodeList all = dom.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      String name = all.item(i).getNodeName();
      if (name.matches("h[1-6]")) {
        headings.add(name + " " + all.item(i).getTextContent());
      }
    }
    assertThat(headings).first().isEqualTo("h1 " + report.title());
    assertThat(headings).filteredOn(h -> h.startsWith("h2")).containsExactly(
        "h2 1 Om dialogen", "h2 2 Vem deltog", "h2 3 Kartor", "h2 4 Synpunkter och ställningstaganden",
        "h2 5 Bilaga: alla synpunkter");
    assertThat(headings).contains("h3 Vad kom vi fram till?", "h3 Vad händer nu?", "h3 Belysning och trygghet");
    int level = 1;
    for (String heading : headings) {
      int next = heading.charAt(1) - '0';
      assertThat(next).as("no heading level is skipped: %s", heading).isLessThanOrEqualTo(level + 1);
      level = next;
    }
  }

  @Test
  void showsEveryVisibleTextAndNoHiddenOne() throws Exception {
    String html = html(report);
    String text = parse(html).getDocumentElement().getTextContent();
    for (String visible : ReportFixture.visibleTexts(report)) {
      assertThat(text).contains(visible);
    }
    assertThat(text).contains("Dold av moderering: " + ReportFixture.HIDDEN_REASON, "färre än 5");
    assertThat(html).doesNotContain(ReportFixture.SECRET).doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&quot;hej &amp; hå&quot;)&lt;/script&gt;");
  }

  @Test
  void tablesHaveCaptionsAndColumnHeaders() throws Exception {
    Document dom = parse(html(report));
    NodeList tables = dom.getElementsByTagName("table");
    assertThat(tables.getLength()).isEqualTo(5);
    for (int i = 0; i < tables.getLength(); i++) {
      Element table = (Element) tables.item(i);
      assertThat(table.getElementsByTagName("caption").getLength()).isEqualTo(1);
      NodeList headers = ((Element) table.getElementsByTagName("thead").item(0)).getElementsByTagName("th");
      for (int h = 0; h < headers.getLength(); h++) {
        assertThat(((Element) headers.item(h)).getAttribute("scope")).isEqualTo("col");
      }
    }
    Element appendix = (Element) tables.item(4);
    assertThat(appendix.getElementsByTagName("tbody").item(0).getChildNodes().getLength()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void mapsAreInlinePngsWithTheirAltTextAndCaption() throws Exception {
    Document dom = parse(html(report));
    NodeList images = dom.getElementsByTagName("img");
    assertThat(images.getLength()).isEqualTo(3);
    Element first = (Element) images.item(0);
    assertThat(first.getAttribute("src")).startsWith("data:image/png;base64,iVBOR");
    assertThat(first.getAttribute("alt")).isEqualTo(ReportFixture.overviewMap().altText());
    assertThat(dom.getElementsByTagName("figcaption").item(0).getTextContent())
        .isEqualTo("Figur 1. " + ReportFixture.overviewMap().caption());
  }

  @Test
  void aDraftSaysSoAndAPublishedReportItsVersion() throws Exception {
    assertThat(html(report)).contains("Utkast").doesNotContain("Version ");
    assertThat(html(ReportFixture.report(3, 4))).contains("Version 4").doesNotContain("Utkast");
  }

  @Test
  void readsOnANarrowScreenAndInPrint() throws Exception {
    String html = html(report);
    assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />",
        "@media (max-width: 40rem)", "@media print", "overflow-x: auto");
  }

  @Test
  void toldTheProgress() throws Exception {
    List<Integer> told = new ArrayList<>();
    new HtmlReportWriter().write(report, new ByteArrayOutputStream(), told::add);
    assertThat(told).last().isEqualTo(30);
    assertThat(new HtmlReportWriter().mediaType()).isEqualTo("text/html; charset=UTF-8");
  }

  static String html(ReportDocument report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlReportWriter().write(report, out, ReportWriter.Progress.NONE);
    return out.toString(StandardCharsets.UTF_8);
  }

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }
}
