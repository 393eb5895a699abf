package dev.bunsui.book;

import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Keeps a book workflow's search attributes and current details in step with its stage. */
final class RunStatus {
  private RunStatus() {}

  /** Child workflows carry {@code BunsuiPipeline=book.chapter} or {@code book.section}. */
  static final String CHAPTER_PIPELINE = BookSearchAttributes.BOOK_PIPELINE + ".chapter";

  static final String SECTION_PIPELINE = BookSearchAttributes.BOOK_PIPELINE + ".section";

  /**
   * Sets the pipeline and stage, and the title and language when known.
   *
   * @param pipeline value of {@code BunsuiPipeline}
   * @param stage value of {@code Stage}
   * @param book the book once parsed; null before
   */
  static void stage(String pipeline, String stage, BookContext book) {
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    updates.add(BookSearchAttributes.PIPELINE.valueSet(pipeline));
    updates.add(BookSearchAttributes.STAGE.valueSet(stage));
    if (book != null && book.title() != null) {
      updates.add(BookSearchAttributes.BOOK_TITLE.valueSet(book.title()));
    }
    if (book != null && book.lang() != null) {
      updates.add(BookSearchAttributes.LANG.valueSet(book.lang()));
    }
    Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
  }

  /**
   * Marks the run failed: {@code Stage=FAILED} and {@code FailedStep} set to the failed step's
   * path.
   *
   * @param failure the failure about to fail the run
   * @return the step path written
   */
  static String failed(Throwable failure) {
    String step = StepPaths.of(Workflow.getInfo().getWorkflowId(), failure);
    Workflow.upsertTypedSearchAttributes(
        BookSearchAttributes.STAGE.valueSet("FAILED"),
        BookSearchAttributes.FAILED_STEP.valueSet(step));
    return step;
  }

  /** One line for the summary of a book, chapter or section: title, language and provider. */
  static String summary(String what, String title, BookContext book) {
    return Summaries.line(what, title, book.lang(), book.provider(), book.model());
  }
}
