package org.dialogkarta.analysis.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextAnalyzerTest {

  private final TextAnalyzer analyzer = TextAnalyzer.get();

  @ParameterizedTest
  @CsvSource({
      "lamporna, lampa",
      "bussarna, bussen",
      "lekplatsen, lekplatser",
      "gungorna, gungor"})
  void inflectedFormsShareAStem(String one, String other) {
    assertThat(analyzer.analyze(one).stems()).isEqualTo(analyzer.analyze(other).stems()).hasSize(1);
  }

  @Test
  void stopWordsAndRequestWordsAreDroppedAndTheWrittenFormIsKept() {
    TextAnalyzer.Analyzed a = analyzer.analyze("Det behövs fler lampor på gångvägen, och det är mörkt 2026!");
    assertThat(a.language()).isEqualTo(Language.SWEDISH);
    assertThat(a.words()).containsExactly("lampor", "gångvägen", "mörkt");
    assertThat(a.stems()).doesNotContain("det", "och", "är", "på", "behov", "fler", "2026");
  }

  @Test
  void englishCommentsAreAnalysedInEnglish() {
    TextAnalyzer.Analyzed a = analyzer.analyze("The street lights are broken and it is very dark here");
    assertThat(a.language()).isEqualTo(Language.ENGLISH);
    assertThat(a.stems()).contains("street", "light", "broken", "dark").doesNotContain("the", "are", "very");
  }

  @Test
  void aTextOfStopWordsAndNumbersHasNoContent() {
    assertThat(analyzer.analyze("Det är så det är. 12 3").isEmpty()).isTrue();
    assertThat(analyzer.analyze("").isEmpty()).isTrue();
  }

  @Test
  void languageIsSwedishUnlessEnglishStopWordsWin() {
    assertThat(Language.detect("lampa")).isEqualTo(Language.SWEDISH);
    assertThat(Language.detect("det är mörkt")).isEqualTo(Language.SWEDISH);
    assertThat(Language.detect("it is dark at the station")).isEqualTo(Language.ENGLISH);
  }
}
