package org.dialogkarta.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportHtmlEscapeTest {

  @Test
  void escapesMarkupQuotesAndAmpersands() {
    assertThat(HtmlEscape.escape("<script>alert(\"x\" + 'y')</script> & co"))
        .isEqualTo("&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; co");
  }

  @Test
  void keepsSwedishLettersAndLineBreaksAndDropsWhatXmlForbids() {
    assertThat(HtmlEscape.escape("Åsa i Ängby\növer\u0000ån\u0007")).isEqualTo("Åsa i Ängby\növerån");
  }

  @Test
  void nullIsEmpty() {
    assertThat(HtmlEscape.escape(null)).isEmpty();
  }

  @Test
  void anAlreadyEscapedTextIsEscapedAgain() {
    assertThat(HtmlEscape.escape("&lt;")).isEqualTo("&amp;lt;");
  }
}
