package dev.bunsui.book;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The book pipeline: parse, one {@link ChapterWorkflow} per chapter in parallel, aggregate.
 * Workflow ids read {@code book-<slug>-<short hash>}.
 */
@WorkflowInterface
public interface BookWorkflow {

  /** Runs the whole pipeline for one book. */
  @WorkflowMethod
  BookResult run(BookRequest request);

  /** Stage and per-chapter progress. */
  @QueryMethod
  BookProgress progress();
}
