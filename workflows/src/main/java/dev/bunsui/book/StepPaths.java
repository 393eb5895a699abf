package dev.bunsui.book;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the step a failure came from as a path of the workflow tree, such as {@code
 * chapter-1/section-2/ConvertFigure}: one segment per child workflow (its id without its parent's
 * id) and the activity type at the end. The same path is written to the {@code FailedStep} search
 * attribute and accepted by {@code bunsui session rerun --from-job}.
 */
public final class StepPaths {
  private StepPaths() {}

  /**
   * The path of the step that raised {@code failure}, relative to the workflow {@code workflowId}.
   *
   * @param workflowId the id of the workflow that observed the failure
   * @param failure an activity or child workflow failure, possibly nested
   * @return the path; {@code "workflow"} when the failure names no step
   */
  public static String of(String workflowId, Throwable failure) {
    List<String> segments = new ArrayList<>();
    String parent = workflowId;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ChildWorkflowFailure child) {
        String childId = child.getExecution().getWorkflowId();
        segments.add(relative(parent, childId));
        parent = childId;
      } else if (t instanceof ActivityFailure activity) {
        segments.add(activity.getActivityType());
        break;
      }
    }
    return segments.isEmpty() ? "workflow" : String.join("/", segments);
  }

  /**
   * The segment of a child workflow id below its parent's: {@code book-x-1a2b-chapter-3} under
   * {@code book-x-1a2b} is {@code chapter-3}.
   */
  public static String relative(String parentId, String childId) {
    if (childId.startsWith(parentId + "-")) {
      return childId.substring(parentId.length() + 1);
    }
    return childId;
  }
}
