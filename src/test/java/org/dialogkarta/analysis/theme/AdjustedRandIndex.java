package org.dialogkarta.analysis.theme;

import java.util.HashMap;
import java.util.Map;

/**
 * How well a clustering agrees with known labels, corrected for chance (Hubert and Arabie 1985):
 * 1 for the same partition, about 0 for a random one. Also purity: the share of items in the
 * largest true class of their cluster. Both take one label and one cluster per item.
 */
public final class AdjustedRandIndex {

  private AdjustedRandIndex() {}

  public static double of(Object[] labels, Object[] clusters) {
    check(labels, clusters);
    Map<Object, Map<Object, Integer>> table = table(labels, clusters);
    Map<Object, Integer> columns = new HashMap<>();
    double index = 0;
    double rows = 0;
    for (Map<Object, Integer> row : table.values()) {
      int rowSum = 0;
      for (Map.Entry<Object, Integer> cell : row.entrySet()) {
        index += pairs(cell.getValue());
        rowSum += cell.getValue();
        columns.merge(cell.getKey(), cell.getValue(), Integer::sum);
      }
      rows += pairs(rowSum);
    }
    double cols = 0;
    for (int c : columns.values()) {
      cols += pairs(c);
    }
    double expected = rows * cols / pairs(labels.length);
    double max = (rows + cols) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }

  public static double purity(Object[] labels, Object[] clusters) {
    check(labels, clusters);
    Map<Object, Map<Object, Integer>> byCluster = table(clusters, labels);
    int agreeing = 0;
    for (Map<Object, Integer> column : byCluster.values()) {
      agreeing += column.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
    return (double) agreeing / labels.length;
  }

  private static Map<Object, Map<Object, Integer>> table(Object[] rows, Object[] columns) {
    Map<Object, Map<Object, Integer>> table = new HashMap<>();
    for (int i = 0; i < rows.length; i++) {
      table.computeIfAbsent(rows[i], r -> new HashMap<>()).merge(columns[i], 1, Integer::sum);
    }
    return table;
  }

  private static double pairs(int n) {
    return n * (n - 1.0) / 2;
  }

  private static void check(Object[] labels, Object[] clusters) {
    if (labels.length != clusters.length || labels.length < 2) {
      throw new IllegalArgumentException("need two or more items, each with a label and a cluster");
    }
  }
}
