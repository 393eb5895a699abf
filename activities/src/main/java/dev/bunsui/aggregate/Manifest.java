package dev.bunsui.aggregate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bunsui.book.SkippedItem;
import java.util.List;

/**
 * {@code manifest.json}: every output of a book run with hash, size, media type and provenance, and
 * every skipped item with its reason.
 *
 * @param bookId book id
 * @param title book title
 * @param lang book language
 * @param layout how the book was read
 * @param workflowId the book run's workflow id
 * @param generatedAt ISO-8601 instant the manifest was written
 * @param providers distinct {@code provider/model} pairs that generated text
 * @param totals counts: chapters, sections done and skipped, figures, outputs, skipped items
 * @param chapters the table of contents
 * @param outputs every output
 * @param skipped every skipped item (parse time, sections, outputs, figures, chapter items)
 * @param indexUrl a presigned HTTPS GET link to the run's {@code index.html}, whose links are
 *     presigned too; null (and left out of the JSON) when the store makes none (the local store)
 */
public record Manifest(
    String bookId,
    String title,
    String lang,
    String layout,
    String workflowId,
    String generatedAt,
    List<String> providers,
    Totals totals,
    List<TocChapter> chapters,
    List<ManifestEntry> outputs,
    List<SkippedItem> skipped,
    @JsonInclude(JsonInclude.Include.NON_NULL) String indexUrl) {

  /**
   * Counts of a run.
   *
   * @param chapters chapters
   * @param sectionsDone sections fully produced
   * @param sectionsSkipped sections skipped
   * @param figures figures converted
   * @param outputs outputs listed
   * @param skippedItems skipped items listed
   */
  public record Totals(
      int chapters,
      int sectionsDone,
      int sectionsSkipped,
      int figures,
      int outputs,
      int skippedItems) {}

  /**
   * A chapter in the table of contents.
   *
   * @param number 1-based chapter number
   * @param title chapter title
   * @param sections its sections
   */
  public record TocChapter(int number, String title, List<TocSection> sections) {}

  /**
   * A section in the table of contents.
   *
   * @param id section id
   * @param title heading
   * @param sourceFile file relative to the book folder
   * @param line 1-based line
   * @param status {@code DONE} or {@code SKIPPED}
   * @param reason why skipped, or null
   * @param record store key of the full section record (JSON)
   */
  public record TocSection(
      String id,
      String title,
      String sourceFile,
      int line,
      String status,
      String reason,
      String record) {}
}
