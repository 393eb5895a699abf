package dev.bunsui.parse;

import dev.bunsui.book.SkippedItem;
import java.util.List;

/**
 * The full book tree as stored (JSON) by parsing; {@code BookOutline.tree()} points to it.
 *
 * @param bookId the book id
 * @param title the book title
 * @param lang the book language
 * @param layout {@code file}, {@code folder}, {@code mdbook} or {@code honkit}
 * @param chapters chapters in order
 * @param skipped what parsing left out
 */
public record BookTree(
    String bookId,
    String title,
    String lang,
    String layout,
    List<Chapter> chapters,
    List<SkippedItem> skipped) {

  /**
   * One chapter.
   *
   * @param number 1-based chapter number
   * @param title chapter title
   * @param sourceFile file it starts in, relative to the book folder
   * @param sections its sections in order
   */
  public record Chapter(int number, String title, String sourceFile, List<Section> sections) {}

  /**
   * One section.
   *
   * @param id section id such as {@code ch01/what-is-ownership}
   * @param number 1-based position in the chapter
   * @param title section title
   * @param sourceFile Markdown file relative to the book folder
   * @param line 1-based line of its heading in that file
   * @param content URI of the stored {@link SectionContent}
   * @param figures ids of its figures in order
   */
  public record Section(
      String id,
      int number,
      String title,
      String sourceFile,
      int line,
      String content,
      List<String> figures) {}
}
