package org.dialogkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference values from Python's math.erfc (C library, double precision). */
class NormalTest {

  @ParameterizedTest
  @CsvSource({
      "0,      1",
      "0.5,    0.4795001221869535",
      "1,      0.15729920705028513",
      "2,      0.004677734981047266",
      "2.4999, 4.071699003334514E-4",
      "2.5,    4.069520174449590E-4",
      "3,      2.209049699858544E-5",
      "5,      1.537459794428035E-12",
      "10,     2.088487583762545E-45",
      "-1,     1.8427007929497148",
      "30,     0"})
  void erfcToTwelveDigits(double x, double expected) {
    assertThat(Normal.erfc(x)).isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-300));
  }

  @ParameterizedTest
  @CsvSource({
      "1.6448536269514722, 0.10",
      "1.959963984540054,  0.05",
      "2.5758293035489004, 0.01",
      "-2.5758293035489004, 0.01",
      "3.2905267314918945, 0.001",
      "0,                  1"})
  void twoSidedPValuesAtTheUsualCriticalValues(double z, double p) {
    assertThat(Normal.twoSidedP(z)).isCloseTo(p, within(p * 1e-12));
  }

  @ParameterizedTest
  @CsvSource({"1.96, 0.9750021048517795", "-1.96, 0.024997895148220435", "0, 0.5"})
  void cdf(double z, double expected) {
    assertThat(Normal.cdf(z)).isCloseTo(expected, within(1e-14));
  }
}
