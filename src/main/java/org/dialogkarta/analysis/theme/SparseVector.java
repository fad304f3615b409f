package org.dialogkarta.analysis.theme;

/** A document's TF-IDF weights: term indexes ascending, with their weights; L2 length 1 or empty. */
public record SparseVector(int[] indexes, float[] weights) {

  public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

  public SparseVector {
    if (indexes.length != weights.length) {
      throw new IllegalArgumentException("indexes and weights differ in length");
    }
  }

  public boolean isEmpty() {
    return indexes.length == 0;
  }

  public double dot(double[] dense) {
    double sum = 0;
    for (int i = 0; i < indexes.length; i++) {
      sum += weights[i] * dense[indexes[i]];
    }
    return sum;
  }

  public double dot(SparseVector other) {
    double sum = 0;
    int i = 0;
    int j = 0;
    int[] a = indexes;
    int[] b = other.indexes;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        sum += weights[i++] * other.weights[j++];
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  /** Adds {@code factor} times this vector to {@code dense}. */
  public void addTo(double[] dense, double factor) {
    for (int i = 0; i < indexes.length; i++) {
      dense[indexes[i]] += factor * weights[i];
    }
  }
}
