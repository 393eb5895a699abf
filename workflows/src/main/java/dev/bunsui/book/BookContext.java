package dev.bunsui.book;

import java.util.List;

/**
 * What every step of one book run needs to know, fixed once the book is parsed.
 *
 * @param bookId stable id of the book (slug plus short content hash)
 * @param title book title
 * @param lang BCP 47 language tag of the book
 * @param kinds output kinds wanted (never empty)
 * @param provider LLM provider name; null for the worker's default
 * @param model model name; null for the provider's default
 * @param refresh true when steps must not reuse outputs from the step cache
 */
public record BookContext(
    String bookId,
    String title,
    String lang,
    List<OutputKind> kinds,
    String provider,
    String model,
    boolean refresh) {

  /** Whether the run wants this kind. */
  public boolean wants(OutputKind kind) {
    return kinds.contains(kind);
  }
}
