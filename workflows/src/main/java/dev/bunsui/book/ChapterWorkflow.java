package dev.bunsui.book;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One chapter: a {@link SectionWorkflow} per section in parallel, the thumbnail, then the chapter
 * aggregate. Workflow ids read {@code <book workflow id>-chapter-<n>}.
 */
@WorkflowInterface
public interface ChapterWorkflow {

  /** Processes the chapter. */
  @WorkflowMethod
  ChapterSummary run(ChapterRequest request);

  /** Progress: sections done so far. */
  @QueryMethod
  ChapterProgress progress();
}
