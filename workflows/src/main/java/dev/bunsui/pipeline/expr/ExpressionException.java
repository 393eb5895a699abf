package dev.bunsui.pipeline.expr;

/**
 * A condition or JSONPath that cannot be parsed; thrown when a definition is validated.
 *
 * <p>The message names the column (1-based) within the expression and the reason.
 */
public class ExpressionException extends RuntimeException {
  private final int column;

  /**
   * @param column 1-based column within the expression where the problem is
   * @param message the reason
   */
  public ExpressionException(int column, String message) {
    super("column " + column + ": " + message);
    this.column = column;
  }

  /** The 1-based column within the expression where the problem is. */
  public int column() {
    return column;
  }
}
