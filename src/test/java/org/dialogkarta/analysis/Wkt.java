package org.dialogkarta.analysis;

/** Test input in WKT's point-list style: "0 0, 1 0, 2.5 3". */
final class Wkt {

  private Wkt() {}

  static double[][] points(String list) {
    if (list == null || list.isBlank() || list.strip().equals("EMPTY")) {
      return new double[][] {new double[0], new double[0]};
    }
    String[] parts = list.split(",");
    double[] xs = new double[parts.length];
    double[] ys = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String[] xy = parts[i].strip().split("\\s+");
      xs[i] = Double.parseDouble(xy[0]);
      ys[i] = Double.parseDouble(xy[1]);
    }
    return new double[][] {xs, ys};
  }

  static double[] numbers(String list) {
    if (list == null || list.isBlank()) {
      return new double[0];
    }
    String[] parts = list.strip().split("\\s+");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i]);
    }
    return out;
  }

  static int[] ints(String list) {
    double[] numbers = numbers(list);
    int[] out = new int[numbers.length];
    for (int i = 0; i < numbers.length; i++) {
      out[i] = (int) numbers[i];
    }
    return out;
  }

  static PinSample sample(String list) {
    double[][] xy = points(list);
    PinSample.Builder builder = PinSample.builder(xy[0].length);
    for (int i = 0; i < xy[0].length; i++) {
      builder.add(i + 1, xy[0][i], xy[1][i], PinSample.CATEGORIES.get(i % 4), 1_770_000_000L + i * 3600L);
    }
    return builder.build();
  }
}
