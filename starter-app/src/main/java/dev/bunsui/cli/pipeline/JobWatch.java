package dev.bunsui.cli.pipeline;

import dev.bunsui.book.BookProgress;
import dev.bunsui.book.BookResult;
import dev.bunsui.cli.Failures;
import dev.bunsui.pipeline.ExecutionRecord;
import dev.bunsui.pipeline.PipelineResult;
import dev.bunsui.pipeline.PipelineWorkflow;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Follows one run (pipeline or book) by polling: every {@code interval} it describes the execution
 * and queries its snapshot ({@code record} or {@code progress}, with a deadline so a run without a
 * worker never blocks the watcher), hands the {@link JobEvents} derived from it to a sink, and at
 * the end reads the result and emits {@code job_completed} or {@code job_failed}. The watcher only
 * observes: stopping it (the sink throws, the deadline passes, the thread is interrupted) never
 * affects the run.
 */
public final class JobWatch {
  /** How long one snapshot query may take. */
  static final Duration QUERY_DEADLINE = Duration.ofSeconds(5);

  /** Receives events; an {@link IOException} (such as a closed connection) stops the watch. */
  @FunctionalInterface
  public interface Sink {
    /**
     * Takes one event.
     *
     * @param event the event
     * @throws IOException to stop watching
     */
    void accept(JobEvent event) throws IOException;
  }

  /**
   * How the watch ended.
   *
   * @param status {@code running} (the deadline passed first), {@code completed}, {@code failed},
   *     {@code cancelled}, {@code terminated}, {@code timed_out} or {@code continued_as_new}
   * @param workflowType {@code PipelineWorkflow} or {@code BookWorkflow} (or another type)
   * @param record the last execution record of a pipeline run; null for a book or when none was
   *     read
   * @param progress the last progress of a book run; null otherwise
   * @param result the run's result ({@link PipelineResult} or {@link BookResult}) when it completed
   * @param failure the root cause, when it did not complete
   */
  public record Outcome(
      String status,
      String workflowType,
      ExecutionRecord record,
      BookProgress progress,
      Object result,
      String failure) {}

  private final WorkflowClient client;
  private final String id;
  private final Duration interval;

  /**
   * A watcher.
   *
   * @param client a connected client
   * @param id the run's workflow id (its latest run is followed)
   * @param interval time between polls
   */
  public JobWatch(WorkflowClient client, String id, Duration interval) {
    this.client = client;
    this.id = id;
    this.interval = interval;
  }

  /**
   * Watches until the run closes or {@code timeout} passes.
   *
   * @param sink receives the events
   * @param timeout how long to watch at most; null for no limit
   * @return how it ended
   * @throws IOException when the sink threw it
   * @throws InterruptedException when interrupted while sleeping
   * @throws StatusRuntimeException {@code NOT_FOUND} when there is no such run
   */
  public Outcome watch(Sink sink, Duration timeout) throws IOException, InterruptedException {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    ExecutionRecord record = null;
    BookProgress progress = null;
    while (true) {
      WorkflowExecutionInfo info = describe();
      String type = info.getType().getName();
      boolean pipeline = PipelineWorkflow.TYPE.equals(type);
      boolean closed =
          info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
      if (pipeline) {
        ExecutionRecord now = query("record", ExecutionRecord.class).orElse(null);
        if (now != null) {
          emit(sink, JobEvents.diff(id, record, now));
          record = now;
        }
      } else if ("BookWorkflow".equals(type) && !closed) {
        BookProgress now = query("progress", BookProgress.class).orElse(null);
        if (now != null) {
          emit(sink, JobEvents.diffBook(id, progress, now));
          progress = now;
        }
      }
      if (closed) {
        return finish(sink, info, record, progress);
      }
      if (System.nanoTime() > deadline) {
        return new Outcome("running", type, record, progress, null, null);
      }
      Thread.sleep(interval.toMillis());
    }
  }

  private Outcome finish(
      Sink sink, WorkflowExecutionInfo info, ExecutionRecord record, BookProgress progress)
      throws IOException {
    String type = info.getType().getName();
    boolean pipeline = PipelineWorkflow.TYPE.equals(type);
    if (record == null && progress == null) {
      sink.accept(JobEvent.of(JobEvent.JOB_STARTED, id, null, pipeline ? null : "book"));
    }
    String status = status(info.getStatus());
    if ("completed".equals(status)) {
      Class<?> resultType = pipeline ? PipelineResult.class : BookResult.class;
      Object result;
      try {
        result = client.newUntypedWorkflowStub(id).getResult(resultType);
      } catch (RuntimeException e) { // another workflow type's result
        result = null;
      }
      String end = "completed";
      if (result instanceof PipelineResult r) {
        if (r.record() != null) {
          emit(sink, JobEvents.diff(id, record, r.record()));
          record = r.record();
        }
        end = r.status();
      }
      sink.accept(JobEvent.of(JobEvent.JOB_COMPLETED, id, null, end));
      return new Outcome("completed", type, record, progress, result, null);
    }
    String failure = status;
    try {
      client.newUntypedWorkflowStub(id).getResult(Object.class);
    } catch (WorkflowException e) {
      failure = Failures.rootCause(e);
    } catch (RuntimeException e) {
      failure = String.valueOf(e.getMessage());
    }
    sink.accept(
        new JobEvent(JobEvent.JOB_FAILED, id, null, null, status, failure, null, null, null));
    return new Outcome(status, type, record, progress, null, failure);
  }

  /**
   * A run's status as the API and the CLI show it.
   *
   * @param s the server's status
   * @return {@code running}, {@code completed}, {@code failed}, {@code cancelled}, {@code
   *     terminated}, {@code timed_out} or {@code continued_as_new}
   */
  public static String status(WorkflowExecutionStatus s) {
    String name = s.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
    return "canceled".equals(name) ? "cancelled" : name;
  }

  /**
   * Describes the latest run.
   *
   * @throws StatusRuntimeException NOT_FOUND when there is none
   */
  public WorkflowExecutionInfo describe() {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id))
                .build())
        .getWorkflowExecutionInfo();
  }

  /**
   * Queries the latest run, with a deadline of {@link #QUERY_DEADLINE}.
   *
   * @param queryType {@code record} or {@code progress}
   * @param type the answer's class
   * @return the answer, or empty when the query failed (not started yet, no worker, closed …)
   */
  public <T> Optional<T> query(String queryType, Class<T> type) {
    try {
      QueryWorkflowResponse response =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(QUERY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
              .queryWorkflow(
                  QueryWorkflowRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id))
                      .setQuery(WorkflowQuery.newBuilder().setQueryType(queryType))
                      .build());
      if (!response.hasQueryResult()) {
        return Optional.empty();
      }
      return Optional.ofNullable(
          client
              .getOptions()
              .getDataConverter()
              .fromPayloads(0, Optional.of(response.getQueryResult()), type, type));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void emit(Sink sink, List<JobEvent> events) throws IOException {
    for (JobEvent e : events) {
      sink.accept(e);
    }
  }
}
