package org.dialogkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityHeadersFilterTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', nullValues = "NONE", value = {
      "https://tile.openstreetmap.org/{z}/{x}/{y}.png;        ' https://tile.openstreetmap.org'",
      "https://{s}.tile.example.se/{z}/{x}/{y}.png;           ' https://*.tile.example.se'",
      "http://localhost:8088/tiles/{z}/{x}/{y}.png;           ' http://localhost:8088'",
      "'';                                                     ''",
      "not a url;                                             ''"})
  void theTileServerIsTheOnlyOtherImageSource(String template, String origin) {
    assertThat(SecurityHeadersFilter.tileOrigin(template)).isEqualTo(origin);
  }
}
