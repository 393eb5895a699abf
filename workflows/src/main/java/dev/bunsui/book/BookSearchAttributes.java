package dev.bunsui.book;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * The custom search attributes bunsui keeps current on its workflows, so that runs can be found
 * with {@code temporal workflow list --query} and in the Web UI. All are of type Keyword (exact
 * match). A server must have them registered ({@code temporal operator search-attribute create
 * --name BunsuiPipeline --type Keyword …}); {@link #ALL} lists them for that.
 */
public final class BookSearchAttributes {
  private BookSearchAttributes() {}

  /** The pipeline a workflow belongs to, such as {@code book}. */
  public static final SearchAttributeKey<String> PIPELINE =
      SearchAttributeKey.forKeyword("BunsuiPipeline");

  /** The book's title. */
  public static final SearchAttributeKey<String> BOOK_TITLE =
      SearchAttributeKey.forKeyword("BookTitle");

  /** The book's language (BCP 47). */
  public static final SearchAttributeKey<String> LANG = SearchAttributeKey.forKeyword("Lang");

  /** Where the run is: {@code PARSING}, {@code CHAPTERS}, {@code AGGREGATING}, … {@code FAILED}. */
  public static final SearchAttributeKey<String> STAGE = SearchAttributeKey.forKeyword("Stage");

  /**
   * The step that failed the run, as a path such as {@code chapter-1/section-2/ConvertFigure}; set
   * only on a failed run.
   */
  public static final SearchAttributeKey<String> FAILED_STEP =
      SearchAttributeKey.forKeyword("FailedStep");

  /** Every attribute, for registering them on a server. */
  public static final List<SearchAttributeKey<String>> ALL =
      List.of(PIPELINE, BOOK_TITLE, LANG, STAGE, FAILED_STEP);

  /** The value of {@link #PIPELINE} on book runs and their child workflows. */
  public static final String BOOK_PIPELINE = "book";
}
