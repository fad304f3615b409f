package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t  \r\n", "\u0000", " \u0007 "})
  void nothingButWhiteSpaceOrControlsIsNoText(String raw) {
    assertThat(PinText.clean(raw)).isNull();
  }

  @Test
  void trimsAndDropsControlCharactersButKeepsLineBreaks() {
    assertThat(PinText.clean("  Mörkt\r\nvid\u0000 tunneln\t \n")).isEqualTo("Mörkt\nvid tunneln");
  }

  @Test
  void htmlIsKeptAsTextNotInterpreted() {
    assertThat(PinText.clean("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
  }

  @Test
  void composedAndDecomposedLettersAreTheSameText() {
    String decomposed = "a\u030Angen"; // "ången" typed as a + combining ring
    assertThat(PinText.clean(decomposed)).isEqualTo("ången");
    assertThat(PinText.length(PinText.clean(decomposed))).isEqualTo(5);
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    assertThat(PinText.length("🚲🚲")).isEqualTo(2);
  }

  @Test
  void findsLoneSurrogates() {
    assertThat(PinText.hasLoneSurrogate("ok 🚲")).isFalse();
    assertThat(PinText.hasLoneSurrogate("bad \uD83D end")).isTrue();
    assertThat(PinText.hasLoneSurrogate("\uDE80")).isTrue();
  }
}
