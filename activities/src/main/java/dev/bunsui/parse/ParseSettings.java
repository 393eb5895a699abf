package dev.bunsui.parse;

/**
 * Limits and switches of {@link BookParseService}.
 *
 * @param maxBookBytes the most bytes of Markdown (pages and {@code SUMMARY.md}, before include
 *     resolution) a book may have; a larger book is refused with a {@link BookInputException}
 * @param allowRemoteImages whether {@code http(s)://} image links are fetched (10 s timeout, at
 *     most 10 MiB each); when false they are skipped with a reason
 */
public record ParseSettings(long maxBookBytes, boolean allowRemoteImages) {

  /** 20 MiB of Markdown, no remote images. */
  public static ParseSettings defaults() {
    return new ParseSettings(20L * 1024 * 1024, false);
  }

  /**
   * Checks the limits.
   *
   * @throws IllegalArgumentException when {@code maxBookBytes} is not positive
   */
  public ParseSettings {
    if (maxBookBytes <= 0) {
      throw new IllegalArgumentException("maxBookBytes must be positive, was " + maxBookBytes);
    }
  }
}
