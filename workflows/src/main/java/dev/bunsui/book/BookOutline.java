package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import java.util.List;

/**
 * Result of parsing a book: the chapter and section tree with references to stored content.
 *
 * @param bookId stable id (slug plus short hash of the source)
 * @param title the book title (given, or from the book)
 * @param lang BCP 47 language tag (given, or detected)
 * @param layout how the book was read: {@code file}, {@code folder}, {@code mdbook}, {@code honkit}
 * @param tree the stored full book tree (JSON)
 * @param chapters chapters in book order
 * @param skipped what parsing had to leave out, with reasons
 */
public record BookOutline(
    String bookId,
    String title,
    String lang,
    String layout,
    ArtifactRef tree,
    List<ChapterOutline> chapters,
    List<SkippedItem> skipped) {

  /** Total number of sections over all chapters. */
  public int sectionCount() {
    return chapters.stream().mapToInt(c -> c.sections().size()).sum();
  }
}
