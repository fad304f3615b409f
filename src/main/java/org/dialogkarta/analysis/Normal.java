package org.dialogkarta.analysis;

/**
 * The standard normal distribution's tail, for the p-values of z-scores. No statistics library
 * is on the class path, so erfc is computed here to near double precision: a series without
 * cancellation ({@code erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (1*3*...*(2n+1))}) below
 * x = 2.5, and the Laplace continued fraction above, where the tail is small and the series
 * would lose its relative precision.
 */
public final class Normal {

  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
  private static final double ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

  private Normal() {}

  /** Complementary error function, erfc(x) = 1 - erf(x). */
  public static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return 2 - erfc(-x);
    }
    if (x < 2.5) {
      double term = x;
      double sum = x;
      double x2 = x * x;
      for (int n = 1; n < 200 && term > sum * 1e-17; n++) {
        term *= 2 * x2 / (2 * n + 1);
        sum += term;
      }
      return 1 - TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }
    if (x > 27) {
      return 0; // below the smallest double
    }
    // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), from the inside out.
    double fraction = x;
    for (int k = 80; k >= 1; k--) {
      fraction = x + (k / 2.0) / fraction;
    }
    return ONE_OVER_SQRT_PI * Math.exp(-x * x) / fraction;
  }

  /** P(Z &lt;= z) for a standard normal Z. */
  public static double cdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /** Two-sided p-value of a z-score: P(|Z| &gt;= |z|). */
  public static double twoSidedP(double z) {
    return erfc(Math.abs(z) / Math.sqrt(2));
  }
}
