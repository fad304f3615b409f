package org.dialogkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values worked by hand with the step-up rule. */
class FalseDiscoveryRateTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      step-up carries the smaller value down     ; 0.01 0.04 0.03 0.005        ; 0.02 0.04 0.04 0.02
      capped by the larger ranks                 ; 0.5 0.2 0.9                 ; 0.75 0.6 0.9
      one value is its own                       ; 0.03                        ; 0.03
      ties share the adjusted value              ; 0.02 0.02 0.5 0.9           ; 0.04 0.04 0.6666666666666666 0.9
      never above one                            ; 0.9 0.95 0.99               ; 0.99 0.99 0.99
      NaN stays out of the count                 ; 0.01 NaN 0.04               ; 0.02 NaN 0.04
      ten values, a plateau in the middle        ; 0.0001 0.001 0.008 0.039 0.041 0.042 0.06 0.074 0.205 0.3 ; 0.001 0.005 0.02666666666666667 0.07 0.07 0.07 0.08571428571428572 0.0925 0.2277777777777778 0.3
      """)
  void benjaminiHochberg(String name, String given, String expected) {
    double[] adjusted = FalseDiscoveryRate.adjust(Wkt.numbers(given));
    double[] want = Wkt.numbers(expected);
    assertThat(adjusted).hasSize(want.length);
    for (int i = 0; i < want.length; i++) {
      if (Double.isNaN(want[i])) {
        assertThat(adjusted[i]).isNaN();
      } else {
        assertThat(adjusted[i]).as("q[%d]", i).isCloseTo(want[i], within(1e-12));
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      # z     ; adjusted p ; class
      3.1     ; 0.002      ; HOT_99
      2.2     ; 0.03       ; HOT_95
      1.8     ; 0.08       ; HOT_90
      1.8     ; 0.10       ; HOT_90
      1.5     ; 0.11       ; NOT_SIGNIFICANT
      -1.8    ; 0.09       ; COLD_90
      -2.1    ; 0.05       ; COLD_95
      -4      ; 0.0001     ; COLD_99
      NaN     ; NaN        ; NOT_SIGNIFICANT
      """)
  void classByAdjustedSignificance(double z, double p, HotspotClass expected) {
    assertThat(HotspotClass.of(z, p)).isEqualTo(expected);
  }
}
