package dev.bunsui.cli;

import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * A connection to a Temporal frontend: service stubs plus a workflow client. Public for the HTTP
 * API ({@code dev.bunsui.cli.api}), which connects the same way as the commands.
 */
public final class Temporal implements AutoCloseable {
  final WorkflowServiceStubs service;
  final WorkflowClient client;
  final String target;
  final String namespace;

  private Temporal(WorkflowServiceStubs service, String target, String namespace) {
    this.service = service;
    this.target = target;
    this.namespace = namespace;
    this.client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
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
   */
  public static Optional<Temporal> tryConnect(String target, String namespace, Duration timeout) {
    WorkflowServiceStubs stubs = null;
    try {
      stubs =
          WorkflowServiceStubs.newConnectedServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build(), timeout);
      return Optional.of(new Temporal(stubs, target, namespace));
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
    try {
      return service
              .blockingStub()
              .describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(namespace)
                      .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue).build())
                      .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
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
