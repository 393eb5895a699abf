package dev.bunsui.promotion;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the {@code k}-th post (from 0) is published: {@code start + (k / perDay) × interval + (k mod
 * perDay) × interval / perDay} — posts of one day are spread evenly over the interval.
 *
 * @param start the first publish time
 * @param interval the time between posting days
 * @param perDay posts per interval
 */
public record PostSchedule(Instant start, Duration interval, int perDay) {
  private static final Pattern SHORT =
      Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?", Pattern.CASE_INSENSITIVE);

  /** The publish time of post {@code k}. */
  public Instant at(int k) {
    Duration day = interval.multipliedBy(k / perDay);
    Duration within = interval.dividedBy(perDay).multipliedBy(k % perDay);
    return start.plus(day).plus(within);
  }

  /**
   * Parses a duration: ISO-8601 ({@code P1D}, {@code PT12H}, {@code PT90M}) or the short form
   * {@code <n>d<n>h<n>m<n>s} with any parts ({@code 1d}, {@code 12h}, {@code 1d12h}, {@code 30m}).
   *
   * @return the duration, or empty when the text is neither or not positive
   */
  public static Optional<Duration> parseDuration(String text) {
    String t = text.strip();
    Duration d = null;
    if (t.toUpperCase().startsWith("P")) {
      try {
        d = Duration.parse(t.toUpperCase());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    } else {
      Matcher m = SHORT.matcher(t);
      if (t.isEmpty() || !m.matches()) {
        return Optional.empty();
      }
      d =
          Duration.ofDays(part(m, 1))
              .plusHours(part(m, 2))
              .plusMinutes(part(m, 3))
              .plusSeconds(part(m, 4));
    }
    return d.isZero() || d.isNegative() ? Optional.empty() : Optional.of(d);
  }

  /**
   * Parses an instant: ISO-8601 with {@code Z} or an offset ({@code 2025-05-01T09:00:00+09:00}).
   *
   * @return the instant, or empty when unparsable
   */
  public static Optional<Instant> parseInstant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }
}
