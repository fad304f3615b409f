package org.dialogkarta.analysis.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {

  @Test
  void handComputedCase() {
    // Labels a a a b b b, clusters 1 1 2 2 3 3. Contingency [[2,1,0],[0,1,2]]: Σ C(nij,2) = 2;
    // rows Σ C(3,2)·2 = 6; columns Σ C(2,2)·3 = 3; C(6,2) = 15; expected 6·3/15 = 1.2;
    // max (6+3)/2 = 4.5; ARI = (2 − 1.2)/(4.5 − 1.2) = 8/33. Purity (2 + 1 + 2)/6.
    Object[] labels = {"a", "a", "a", "b", "b", "b"};
    Object[] clusters = {1, 1, 2, 2, 3, 3};
    assertThat(AdjustedRandIndex.of(labels, clusters)).isCloseTo(8.0 / 33, within(1e-12));
    assertThat(AdjustedRandIndex.purity(labels, clusters)).isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  void secondHandComputedCase() {
    // [0,0,1,1] against [0,0,1,2]: index 1, rows 2, columns 1, C(4,2) = 6 → (1 − 1/3)/(3/2 − 1/3) = 4/7.
    assertThat(AdjustedRandIndex.of(new Object[] {0, 0, 1, 1}, new Object[] {0, 0, 1, 2}))
        .isCloseTo(4.0 / 7, within(1e-12));
  }

  @Test
  void samePartitionUnderOtherNamesIsOne() {
    assertThat(AdjustedRandIndex.of(new Object[] {"x", "x", "y", "z"}, new Object[] {7, 7, 1, 2})).isEqualTo(1.0);
    assertThat(AdjustedRandIndex.purity(new Object[] {"x", "x", "y", "z"}, new Object[] {7, 7, 1, 2})).isEqualTo(1.0);
  }
}
