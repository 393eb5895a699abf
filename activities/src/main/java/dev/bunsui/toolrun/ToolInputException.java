package dev.bunsui.toolrun;

/**
 * A tool's input is unusable: a required field is missing, has the wrong type or an out-of-range
 * value. {@link ToolRunner} turns it into a non-retryable {@code INPUT_INVALID} failure.
 */
public class ToolInputException extends IllegalArgumentException {
  /**
   * Creates the exception.
   *
   * @param message names the step, the field and why it is unusable
   */
  public ToolInputException(String message) {
    super(message);
  }
}
