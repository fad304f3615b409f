package org.dialogkarta.analysis.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SphericalKMeansTest {

  private static SparseVector v(int... indexes) {
    float[] w = new float[indexes.length];
    java.util.Arrays.fill(w, (float) (1 / Math.sqrt(indexes.length)));
    return new SparseVector(indexes, w);
  }

  @Test
  void separatesTwoGroupsOfTermsAndIsDeterministic() {
    SparseVector[] docs = {v(0, 1), v(0, 2), v(1, 2), v(0, 1, 2), v(3, 4), v(4, 5), v(3, 5), v(3, 4, 5)};
    SphericalKMeans.Result a = SphericalKMeans.cluster(docs, 6, 2, 42, 3);
    SphericalKMeans.Result b = SphericalKMeans.cluster(docs, 6, 2, 42, 3);
    assertThat(a.assignment()).isEqualTo(b.assignment());
    int[] x = a.assignment();
    assertThat(x[0]).isEqualTo(x[1]).isEqualTo(x[2]).isEqualTo(x[3]);
    assertThat(x[4]).isEqualTo(x[5]).isEqualTo(x[6]).isEqualTo(x[7]).isNotEqualTo(x[0]);
  }

  @Test
  void asManyClustersAsVectorsLeavesNoneEmpty() {
    SparseVector[] docs = {v(0), v(0), v(1)};
    SphericalKMeans.Result r = SphericalKMeans.cluster(docs, 2, 3, 1, 1);
    assertThat(r.assignment()).containsExactlyInAnyOrder(0, 1, 2);
  }
}
