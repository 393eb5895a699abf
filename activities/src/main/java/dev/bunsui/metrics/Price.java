package dev.bunsui.metrics;

/**
 * The price of one model, in US dollars per million tokens, as the provider lists it.
 *
 * @param input dollars per 1,000,000 prompt tokens, at least 0
 * @param output dollars per 1,000,000 completion tokens, at least 0
 */
public record Price(double input, double output) {
  /**
   * Checks the figures.
   *
   * @throws IllegalArgumentException when a price is negative, infinite or NaN
   */
  public Price {
    check("input", input);
    check("output", output);
  }

  /**
   * The estimated cost of one request.
   *
   * @param inputTokens prompt tokens
   * @param outputTokens completion tokens
   * @return dollars
   */
  public double cost(long inputTokens, long outputTokens) {
    return (inputTokens * input + outputTokens * output) / 1_000_000d;
  }

  private static void check(String field, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(
          field + " price must be a finite number of dollars per million tokens >= 0: " + value);
    }
  }
}
