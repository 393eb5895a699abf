package dev.bunsui.parse;

/**
 * The book as a whole cannot be parsed: missing path, binary or non-UTF-8 single source, empty
 * book, over the size limit. The message reads {@code <file>:<line>: <reason>}, {@code <file>:
 * <reason>} when the line is unknown, or just the reason when no file is concerned.
 */
public class BookInputException extends RuntimeException {
  private final String file;
  private final int line;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param file the file concerned, relative to the book folder where possible; may be null
   * @param line 1-based line in that file, or 0 when unknown
   * @param reason what is wrong, as a sentence a person can act on
   */
  public BookInputException(String file, int line, String reason) {
    super(format(file, line, reason));
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /** The file concerned, or null. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** What is wrong, without file and line. */
  public String reason() {
    return reason;
  }

  private static String format(String file, int line, String reason) {
    if (file == null) {
      return reason;
    }
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }
}
