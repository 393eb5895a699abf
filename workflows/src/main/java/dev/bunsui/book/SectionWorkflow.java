package dev.bunsui.book;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One section: analysis, then every wanted output kind and every figure in parallel, then the
 * section record. Keeping a section in its own execution bounds every history: a 200-section book
 * stays far under 10,000 events per execution. Workflow ids read {@code <chapter workflow
 * id>-section-<n>}.
 */
@WorkflowInterface
public interface SectionWorkflow {

  /** Processes the section; never fails for a skippable error, which it records instead. */
  @WorkflowMethod
  SectionSummary run(SectionTask task);
}
