package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bunsui.pipeline.expr.JsonPaths;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Resolves a step's {@code wait_until}: an ISO-8601 instant written in the definition, or a
 * JSONPath to one in the run context. Pure computation: safe in workflow code.
 */
final class WaitTimes {
  private WaitTimes() {}

  /** A {@code wait_until} that cannot be used; the message says why. */
  static final class BadTime extends Exception {
    BadTime(String message) {
      super(message);
    }
  }

  /**
   * The instant to wait for.
   *
   * @param waitUntil the step's {@code wait_until}; null for none
   * @param context the run context of the call ({@code $.item} set inside {@code for_each})
   * @return epoch milliseconds, or null when there is nothing to wait for (no {@code wait_until},
   *     or a JSONPath that finds nothing or null)
   * @throws BadTime when the value is not text in ISO-8601 ({@code 2026-05-01T09:00:00Z} or with an
   *     offset such as {@code +09:00})
   */
  static Long resolve(String waitUntil, JsonNode context) throws BadTime {
    if (waitUntil == null || waitUntil.isBlank()) {
      return null;
    }
    JsonNode value =
        waitUntil.startsWith("$")
            ? JsonPaths.read(waitUntil, context)
            : JsonNodeFactory.instance.textNode(waitUntil);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadTime(
          "wait_until " + waitUntil + " is " + value + ", not an ISO-8601 instant in text");
    }
    String text = value.textValue().strip();
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw new BadTime(
            "wait_until "
                + (waitUntil.startsWith("$") ? waitUntil + " = " : "")
                + "'"
                + text
                + "' is not an ISO-8601 instant (such as 2026-05-01T09:00:00Z)");
      }
    }
  }
}
