package org.dialogkarta.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dialogkarta.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundingBoxTest {

  @Test
  void parsesFourNumbersInLonLatOrder() {
    BoundingBox box = BoundingBox.parse(" 16.1, 58.5 ,16.3,58.7");
    assertThat(box).isEqualTo(new BoundingBox(16.1, 58.5, 16.3, 58.7));
    assertThat(box.toEnvelope().contains(16.2, 58.6)).isTrue();
    assertThat(box.toEnvelope().contains(58.6, 16.2)).isFalse();
  }

  @Test
  void blankMeansNoBox() {
    assertThat(BoundingBox.parse(null)).isNull();
    assertThat(BoundingBox.parse("  ")).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "16.1,58.5,16.3;               four numbers",
      "16.1,58.5,16.3,58.7,1;        four numbers",
      "a,58.5,16.3,58.7;             not a number",
      "NaN,58.5,16.3,58.7;           Longitudes",
      "16.1,58.5,Infinity,58.7;      Longitudes",
      "16.3,58.5,16.1,58.7;          order",
      "16.1,58.7,16.3,58.5;          order",
      "-181,58.5,16.3,58.7;          Longitudes",
      "16.1,-91,16.3,58.7;           Latitudes",
      "58.5,16.1,58.7,96.3;          Latitudes"})
  void refusesBadBoxesNamingTheParameter(String text, String expectedMessagePart) {
    assertThatThrownBy(() -> BoundingBox.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(expectedMessagePart)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations().getFirst().field()).isEqualTo("bbox"));
  }
}
