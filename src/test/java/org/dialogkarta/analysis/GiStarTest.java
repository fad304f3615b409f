package org.dialogkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GiStarTest {

  /** PySAL esda's test case for G_Local(star=True) with a binary distance band of 15. */
  @Test
  void matchesEsdaOnItsReferenceCase() {
    double[] xs = {10, 20, 40, 15, 30, 30};
    double[] ys = {10, 10, 10, 20, 20, 30};
    double[] values = {2, 3, 3.2, 5, 8, 7};
    double[] expected = {-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331};

    double[] z = GiStar.zScores(xs, ys, values, 15);

    for (int i = 0; i < expected.length; i++) {
      assertThat(z[i]).as("z[%d]", i).isCloseTo(expected[i], within(1e-6));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # case                                 ; points                ; values    ; band ; z-scores
      all alike: no statistic                ; 0 0, 1 0, 2 0         ; 4 4 4     ; 5    ; NaN NaN NaN
      every point sees all: no statistic     ; 0 0, 1 0, 2 0         ; 1 2 3     ; 5    ; NaN NaN NaN
      two pairs, one high, one low           ; 0 0, 1 0, 10 0, 11 0  ; 5 5 1 1   ; 2    ; 1.7320508 1.7320508 -1.7320508 -1.7320508
      neighbour exactly at the band counts   ; 0 0, 3 0, 20 0, 23 0  ; 5 5 1 1   ; 3    ; 1.7320508 1.7320508 -1.7320508 -1.7320508
      """)
  void smallCases(String name, String points, String values, double band, String expected) {
    double[][] xy = Wkt.points(points);
    double[] z = GiStar.zScores(xy[0], xy[1], Wkt.numbers(values), band);
    double[] want = Wkt.numbers(expected);
    for (int i = 0; i < want.length; i++) {
      if (Double.isNaN(want[i])) {
        assertThat(z[i]).as("z[%d]", i).isNaN();
      } else {
        assertThat(z[i]).as("z[%d]", i).isCloseTo(want[i], within(1e-6));
      }
    }
  }
}
