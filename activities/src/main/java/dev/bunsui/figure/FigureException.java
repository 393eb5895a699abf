package dev.bunsui.figure;

import dev.bunsui.failure.ErrorCode;
import java.util.Objects;

/**
 * A figure could not be converted. The message reads {@code origin: reason} (origin is {@code
 * file:line} of the figure in the book) so a person can find and fix the figure; {@link #code()}
 * tells the activity which {@link ErrorCode} to report.
 */
public class FigureException extends RuntimeException {
  private final ErrorCode code;

  /**
   * Creates the exception.
   *
   * @param code {@link ErrorCode#FIGURE_RENDER} for render failures and missing renderers, {@link
   *     ErrorCode#INPUT_INVALID} for unsafe or broken input
   * @param origin {@code file:line} of the figure, prefixed to the message
   * @param reason what went wrong and, where possible, what to do about it
   * @param cause the underlying exception, or null
   */
  public FigureException(ErrorCode code, String origin, String reason, Throwable cause) {
    super(origin + ": " + reason, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Same as the four-argument constructor without a cause. */
  public FigureException(ErrorCode code, String origin, String reason) {
    this(code, origin, reason, null);
  }

  /** The taxonomy code the activity reports for this failure. */
  public ErrorCode code() {
    return code;
  }
}
