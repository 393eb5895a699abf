package dev.bunsui.book;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * The custom search attributes bunsui keeps current on its workflows, so that runs can be found
 * with {@code temporal workflow list --query} and in the Web UI. All are of type Keyword (exact
 * match), except {@link #PENDING_APPROVALS} (KeywordList). A server must have them registered
 * ({@code temporal operator search-attribute create --name BunsuiPipeline --type Keyword …});
 * {@link #ALL} and {@link #KEYWORD_LISTS} list them for that. Pipeline runs ({@code
 * PipelineWorkflow}) use {@link #PIPELINE}, {@link #STAGE}, {@link #FAILED_STEP} and {@link
 * #PENDING_APPROVALS}.
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

  /**
   * The ids of the pipeline steps waiting for an {@code approve} or {@code reject} Update (type
   * KeywordList), kept by {@code PipelineWorkflow}; unset when none waits. Find runs waiting for a
   * person with {@code PendingApprovals='auto_posting'}.
   */
  public static final SearchAttributeKey<List<String>> PENDING_APPROVALS =
      SearchAttributeKey.forKeywordList("PendingApprovals");

  /** Every attribute of type Keyword, for registering them on a server. */
  public static final List<SearchAttributeKey<String>> ALL =
      List.of(PIPELINE, BOOK_TITLE, LANG, STAGE, FAILED_STEP);

  /**
   * Every attribute of type KeywordList, for registering them on a server ({@code temporal operator
   * search-attribute create --name PendingApprovals --type KeywordList}).
   */
  public static final List<SearchAttributeKey<List<String>>> KEYWORD_LISTS =
      List.of(PENDING_APPROVALS);

  /** The value of {@link #PIPELINE} on book runs and their child workflows. */
  public static final String BOOK_PIPELINE = "book";
}
