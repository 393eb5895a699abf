package dev.bunsui.book;

import dev.bunsui.tool.TaskQueues;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;

/** Starts the SDK's in-memory test server with the book workflows and fake activities. */
final class WorkflowTestSupport {
  private WorkflowTestSupport() {}

  static TestWorkflowEnvironment start(FakeActivities activities) {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    registerSearchAttributes(env);
    Worker worker = env.newWorker(BookTaskQueues.BOOK);
    worker.registerWorkflowImplementationTypes(
        BookWorkflowImpl.class, ChapterWorkflowImpl.class, SectionWorkflowImpl.class);
    // the activities run on their own task queues (TaskQueues.LLM, MEDIA, IO), as in the worker
    for (String queue : TaskQueues.ACTIVITY_QUEUES) {
      env.newWorker(queue).registerActivitiesImplementations(activities);
    }
    env.start();
    return env;
  }

  /** Registers {@link BookSearchAttributes#ALL} (all Keyword) on the test server. */
  static void registerSearchAttributes(TestWorkflowEnvironment env) {
    for (var key : BookSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
  }

  static BookWorkflow book(WorkflowClient client, String workflowId) {
    return client.newWorkflowStub(
        BookWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(BookTaskQueues.BOOK)
            .setWorkflowId(workflowId)
            .build());
  }

  static BookRequest request() {
    return new BookRequest("/books/test", null, null, List.of(), "fake", null, false);
  }
}
