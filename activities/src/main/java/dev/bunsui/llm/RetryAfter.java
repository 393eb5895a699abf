package dev.bunsui.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the HTTP {@code Retry-After} header (RFC 9110 §10.2.3): either delay-seconds or an
 * HTTP-date. Also reads OpenAI's {@code retry-after-ms}.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * The delay a {@code Retry-After} value asks for.
   *
   * @param value header value: {@code "7"} or {@code "Wed, 21 Oct 2015 07:28:00 GMT"}; may be null
   * @param clock the clock an HTTP-date is measured against
   * @return the delay (never negative), or empty when absent or unparsable
   */
  public static Optional<Duration> parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The delay from OpenAI's {@code retry-after-ms} header.
   *
   * @param value milliseconds, possibly fractional; may be null
   * @return the delay, or empty when absent or unparsable
   */
  public static Optional<Duration> parseMillis(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      double ms = Double.parseDouble(value.trim());
      return ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) Math.ceil(ms)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
