package dev.bunsui.pipeline;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in pipeline definitions: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 1d}, or ISO-8601 ({@code PT1H30M}, {@code P1D}). Pure computation: safe in workflow code.
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @param text the duration as written
   * @return the duration, positive or zero
   * @throws IllegalArgumentException naming the text and the accepted forms when it does not parse
   *     or is negative
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.strip();
    Matcher m = SHORT.matcher(t);
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
    } else {
      try {
        d = Duration.parse(t);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' is not a duration (use 500ms, 30s, 5m, 2h, 1d or ISO-8601 such as PT1H)");
      }
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException("'" + text + "' is negative");
    }
    return d;
  }

  /**
   * Parses an optional duration.
   *
   * @param text the duration as written, or null
   * @param fallback returned when text is null or blank
   * @return the duration
   * @throws IllegalArgumentException when text is present and does not parse
   */
  public static Duration parseOr(String text, Duration fallback) {
    return text == null || text.isBlank() ? fallback : parse(text);
  }
}
