package dev.bunsui.parse;

import java.nio.file.Path;
import java.util.List;

/**
 * What to read, in book order, before any page is parsed.
 *
 * @param layout {@code file}, {@code folder}, {@code mdbook} or {@code honkit}
 * @param files access to the book folder
 * @param source the source as the request gave it (for whole-book messages)
 * @param name the folder or file name (without extension), the title of last resort
 * @param configTitle title from mdBook's {@code book.toml}, or null
 * @param summaryTitle the {@code # Title} of {@code SUMMARY.md}, or null
 * @param chapters chapters to read
 */
record BookPlan(
    String layout,
    SourceFiles files,
    String source,
    String name,
    String configTitle,
    String summaryTitle,
    List<ChapterPlan> chapters) {

  /**
   * A chapter to read.
   *
   * @param title its title from {@code SUMMARY.md}, or null to take it from the page
   * @param pages its pages; with {@code split} exactly one
   * @param split whether the single page is split into sections at its headings (else each page is
   *     one section)
   */
  record ChapterPlan(String title, List<PagePlan> pages, boolean split) {}

  /**
   * A page to read.
   *
   * @param file real path inside the book folder
   * @param title its title from {@code SUMMARY.md}, or null
   */
  record PagePlan(Path file, String title) {}
}
