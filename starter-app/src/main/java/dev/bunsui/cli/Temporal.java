package dev.bunsui.cli;

import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.tool.TaskQueues;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connection to a Temporal frontend: service stubs plus a workflow client whose data converter
 * encrypts payloads when the codec is on ({@link CliCodec}). Public for the HTTP API ({@code
 * dev.bunsui.cli.api}), which connects the same way as the commands.
 */
public final class Temporal implements AutoCloseable {
  final WorkflowServiceStubs service;
  final WorkflowClient client;
  final String target;
  final String namespace;

  private Temporal(
      WorkflowServiceStubs service, String target, String namespace, DataConverter converter) {
    this.service = service;
    this.target = target;
    this.namespace = namespace;
    this.client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(namespace)
                .setDataConverter(converter)
                .build());
  }

  /** The workflow client. */
  public WorkflowClient client() {
    return client;
  }

  /** The service stubs. */
  public WorkflowServiceStubs service() {
    return service;
  }

  /** The frontend, {@code host:port}. */
  public String target() {
    return target;
  }

  /** The namespace. */
  public String namespace() {
    return namespace;
  }

  /**
   * Connects when a server answers within {@code timeout}.
   *
   * @param target {@code host:port}
   * @param namespace the namespace
   * @param timeout how long to wait for the server
   * @return the connection, or empty when nothing answered
   * @throws CliException when the payload codec settings ({@code BUNSUI_CODEC_*}) are invalid
   */
  public static Optional<Temporal> tryConnect(String target, String namespace, Duration timeout) {
    DataConverter converter = CliCodec.dataConverter(); // a bad codec setting fails here, named
    WorkflowServiceStubs stubs = null;
    try {
      stubs =
          WorkflowServiceStubs.newConnectedServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build(), timeout);
      return Optional.of(new Temporal(stubs, target, namespace, converter));
    } catch (RuntimeException e) {
      if (stubs != null) {
        stubs.shutdownNow();
      }
      return Optional.empty();
    }
  }

  /**
   * Connects or fails with a message naming the target.
   *
   * @throws CliException with {@link ExitCodes#UNREACHABLE}
   */
  static Temporal connect(GlobalOptions options) {
    return tryConnect(options.target, options.namespace, Duration.ofSeconds(5))
        .orElseThrow(
            () ->
                new CliException(
                    ExitCodes.UNREACHABLE,
                    "no Temporal server answered at "
                        + options.target
                        + " (start one, or pass --target host:port)"));
  }

  /** Whether any worker polled the task queue's workflow tasks recently. */
  public boolean hasWorkflowPollers(String taskQueue) {
    return hasPollers(taskQueue, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW);
  }

  /** Whether any worker polled the task queue's activity tasks recently. */
  boolean hasActivityPollers(String taskQueue) {
    return hasPollers(taskQueue, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY);
  }

  /**
   * The task queues of the book pipeline that no worker polls: {@code bunsui-book} for workflow
   * tasks, then each activity task queue of {@link TaskQueues#ACTIVITY_QUEUES}.
   *
   * @return the unpolled task queue names, empty when every queue has a poller (or the server
   *     cannot tell)
   */
  List<String> unpolledBookQueues() {
    List<String> missing = new ArrayList<>();
    if (!hasWorkflowPollers(BookTaskQueues.BOOK)) {
      missing.add(BookTaskQueues.BOOK);
    }
    for (String queue : TaskQueues.ACTIVITY_QUEUES) {
      if (!hasActivityPollers(queue)) {
        missing.add(queue);
      }
    }
    return missing;
  }

  private boolean hasPollers(String taskQueue, TaskQueueType type) {
    try {
      return service
              .blockingStub()
              .describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(namespace)
                      .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue).build())
                      .setTaskQueueType(type)
                      .build())
              .getPollersCount()
          > 0;
    } catch (StatusRuntimeException e) {
      return true; // cannot tell; do not warn
    }
  }

  /**
   * Whether the server answers a system-info call within {@code timeout}.
   *
   * @param timeout the call's deadline
   * @return true when it answered
   */
  public boolean reachable(Duration timeout) {
    try {
      service
          .blockingStub()
          .withDeadlineAfter(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (StatusRuntimeException e) {
      return false;
    }
  }

  /**
   * Whether the server can reset workflows. The SDK's in-JVM server reports no server version and
   * has no reset; a real server (the dev server included) reports its version.
   */
  public boolean supportsReset() {
    try {
      return !service
          .blockingStub()
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
          .getServerVersion()
          .isEmpty();
    } catch (StatusRuntimeException e) {
      return false;
    }
  }

  /**
   * What to throw for a failed call about session {@code id}: NOT_FOUND becomes a {@link
   * CliException} with {@link ExitCodes#NOT_FOUND} naming the session, namespace and target; any
   * other status is returned as it is.
   */
  public RuntimeException sessionError(StatusRuntimeException e, String id) {
    if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
      return new CliException(
          ExitCodes.NOT_FOUND, "no session " + id + " in namespace " + namespace + " at " + target);
    }
    return e;
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
