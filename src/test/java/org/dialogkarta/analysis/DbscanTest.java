package org.dialogkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbscanTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # case                                   ; points                                              ; eps ; minPoints ; labels
      middle core, ends are border             ; 0 0, 1 0, 2 0                                       ; 1   ; 3 ; 0 0 0
      too few anywhere: all noise              ; 0 0, 1 0, 2 0                                       ; 1   ; 4 ; -1 -1 -1
      a chain of cores and two borders         ; 0 0, 1 0, 2 0, 3 0                                  ; 1   ; 3 ; 0 0 0 0
      minPoints 1: every pin its own core      ; 0 0, 5 0, 5.5 0                                     ; 1   ; 1 ; 0 1 1
      two squares and a stray pin              ; 0 0, 0 1, 1 0, 1 1, 10 10, 10 11, 11 10, 11 11, 50 50 ; 1.5 ; 3 ; 0 0 0 0 1 1 1 1 -1
      numbered by first core, not first pin    ; 50 50, 10 10, 10 11, 0 0, 0 1                       ; 1.5 ; 2 ; -1 0 0 1 1
      border halfway goes to the lower core    ; 0 0, -0.5 0, -1 0, 0 -0.5, 2 0, 2.5 0, 3 0, 2 -0.5, 1 0 ; 1 ; 4 ; 0 0 0 0 1 1 1 1 0
      border nearer the second cluster         ; 0 0, -0.5 0, -1 0, 0 -0.5, 2 0, 2.5 0, 3 0, 2 -0.5, 1.05 0 ; 1 ; 4 ; 0 0 0 0 1 1 1 1 1
      five pins on one spot, minPoints 5       ; 7 7, 7 7, 7 7, 7 7, 7 7                             ; 0.1 ; 5 ; 0 0 0 0 0
      five pins on one spot, minPoints 6       ; 7 7, 7 7, 7 7, 7 7, 7 7                             ; 0.1 ; 6 ; -1 -1 -1 -1 -1
      distance exactly eps is a neighbour      ; 0 0, 3 4                                            ; 5   ; 2 ; 0 0
      just beyond eps is not                   ; 0 0, 3 4.0001                                       ; 5   ; 2 ; -1 -1
      no pins                                  ; EMPTY                                               ; 5   ; 2 ;
      """)
  void smallCases(String name, String points, double eps, int minPoints, String labels) {
    double[][] xy = Wkt.points(points);
    Dbscan.Result result = new Dbscan(eps, minPoints).cluster(xy[0], xy[1], xy[0].length);
    assertThat(result.labels()).containsExactly(Wkt.ints(labels));
    int expectedClusters = 0;
    for (int label : Wkt.ints(labels)) {
      expectedClusters = Math.max(expectedClusters, label + 1);
    }
    assertThat(result.clusterCount()).isEqualTo(expectedClusters);
  }

  @ParameterizedTest
  @CsvSource({"0, 5", "-1, 5", "NaN, 5", "Infinity, 5", "10, 0", "10, -3"})
  void refusesNonsense(double eps, int minPoints) {
    assertThatThrownBy(() -> new Dbscan(eps, minPoints)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Against the textbook definition, computed the slow way (every pair): on clustered random
   * points, core points and noise agree exactly and core points are partitioned the same; a
   * border point is in a cluster that has a core point within eps of it.
   */
  @Test
  void agreesWithTheDefinitionOnRandomClusteredPins() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 5; round++) {
      int n = 1500;
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        if (random.nextInt(3) == 0) {
          xs[i] = random.nextDouble() * 1000;
          ys[i] = random.nextDouble() * 1000;
        } else {
          int centre = random.nextInt(6);
          xs[i] = 150 * centre + random.nextGaussian() * 20;
          ys[i] = 100 + 120 * (centre % 3) + random.nextGaussian() * 20;
        }
      }
      double eps = 8 + round * 4;
      int minPoints = 3 + round;
      Dbscan.Result fast = new Dbscan(eps, minPoints).cluster(xs, ys, n);
      assertMatchesDefinition(xs, ys, eps, minPoints, fast);
    }
  }

  static void assertMatchesDefinition(double[] xs, double[] ys, double eps, int minPoints, Dbscan.Result fast) {
    int n = xs.length;
    double eps2 = eps * eps;
    boolean[] core = new boolean[n];
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (int j = 0; j < n; j++) {
        if (d2(xs, ys, i, j) <= eps2) {
          count++;
        }
      }
      core[i] = count >= minPoints;
    }
    // Connected components of core points (slow flood fill).
    int[] component = new int[n];
    java.util.Arrays.fill(component, -1);
    int components = 0;
    for (int i = 0; i < n; i++) {
      if (!core[i] || component[i] >= 0) {
        continue;
      }
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
      queue.add(i);
      component[i] = components;
      while (!queue.isEmpty()) {
        int p = queue.poll();
        for (int q = 0; q < n; q++) {
          if (core[q] && component[q] < 0 && d2(xs, ys, p, q) <= eps2) {
            component[q] = components;
            queue.add(q);
          }
        }
      }
      components++;
    }
    assertThat(fast.clusterCount()).isEqualTo(components);
    Map<Integer, Integer> labelOfComponent = new HashMap<>();
    for (int i = 0; i < n; i++) {
      assertThat(fast.core()[i]).as("core %d", i).isEqualTo(core[i]);
      if (core[i]) {
        Integer known = labelOfComponent.putIfAbsent(component[i], fast.label(i));
        assertThat(fast.label(i)).as("cluster of core point %d", i).isEqualTo(known == null ? fast.label(i) : known);
      } else {
        boolean nearCore = false;
        boolean nearOwnCluster = false;
        for (int j = 0; j < n; j++) {
          if (core[j] && d2(xs, ys, i, j) <= eps2) {
            nearCore = true;
            nearOwnCluster |= fast.label(j) == fast.label(i);
          }
        }
        assertThat(fast.label(i) == Dbscan.NOISE).as("noise %d", i).isEqualTo(!nearCore);
        if (nearCore) {
          assertThat(nearOwnCluster).as("border point %d next to a core of its cluster", i).isTrue();
        }
      }
    }
    assertThat(new java.util.HashSet<>(labelOfComponent.values())).hasSize(components);
  }

  private static double d2(double[] xs, double[] ys, int i, int j) {
    double dx = xs[i] - xs[j];
    double dy = ys[i] - ys[j];
    return dx * dx + dy * dy;
  }

  @Test
  void sameInputSameLabels() {
    PinSample sample = Wkt.sample("0 0, 0 1, 1 0, 1 1, 10 10, 10 11, 11 10, 11 11, 50 50");
    Dbscan.Result a = Dbscan.cluster(sample, 1.5, 3);
    Dbscan.Result b = Dbscan.cluster(sample, 1.5, 3);
    assertThat(a.labels()).containsExactly(b.labels());
    assertThat(a.noiseCount()).isEqualTo(1);
  }
}
