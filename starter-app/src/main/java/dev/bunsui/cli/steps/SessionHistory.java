package dev.bunsui.cli.steps;

import dev.bunsui.book.StepPaths;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's steps read from Temporal: the workflow's history and, recursively, the histories of
 * its child workflows. Everything comes from the server; nothing is kept locally.
 *
 * @param workflowId the session's workflow id
 * @param runId the run read (the latest unless one was asked for)
 * @param workflowType the workflow type
 * @param status the run's status ({@code running}, {@code completed}, {@code failed}, …)
 * @param failure the run's own failure, null unless it failed
 * @param input the run's input payloads (to start it again)
 * @param steps the run's top-level steps in the order they were scheduled
 * @param workflowTaskCompleted ids of the run's {@code WorkflowTaskCompleted} events, ascending
 */
public record SessionHistory(
    String workflowId,
    String runId,
    String workflowType,
    String status,
    Step failure,
    Payloads input,
    List<Step> steps,
    List<Long> workflowTaskCompleted) {

  /**
   * Reads a session.
   *
   * @param client a connected client
   * @param workflowId the session's workflow id
   * @param runId a run id, or null for the latest run
   * @return the session with every child workflow's steps
   * @throws io.grpc.StatusRuntimeException {@code NOT_FOUND} when there is no such session
   */
  public static SessionHistory load(WorkflowClient client, String workflowId, String runId) {
    String run = runId;
    if (run == null || run.isEmpty()) {
      run =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getWorkflowExecutionInfo()
              .getExecution()
              .getRunId();
    }
    return new Reader(client).read(workflowId, run, "");
  }

  /** Every step of the session, depth first. */
  public List<Step> allSteps() {
    List<Step> all = new ArrayList<>();
    steps.forEach(s -> all.addAll(s.flatten()));
    return all;
  }

  /** Reads one workflow's history into steps, descending into children. */
  private static final class Reader {
    private final WorkflowClient client;

    Reader(WorkflowClient client) {
      this.client = client;
    }

    SessionHistory read(String workflowId, String runId, String prefix) {
      List<HistoryEvent> events = client.fetchHistory(workflowId, runId).getEvents();
      Map<Long, Builder> byEvent = new LinkedHashMap<>();
      List<Long> wftCompleted = new ArrayList<>();
      String type = "";
      Payloads input = Payloads.getDefaultInstance();
      String status = "running";
      Step failure = null;
      for (HistoryEvent e : events) {
        EventType t = e.getEventType();
        switch (t) {
          case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
            type = e.getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName();
            input = e.getWorkflowExecutionStartedEventAttributes().getInput();
          }
          case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> wftCompleted.add(e.getEventId());
          case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
            var a = e.getActivityTaskScheduledEventAttributes();
            Builder b = new Builder("activity", a.getActivityType().getName(), e, summary(e));
            b.workflowId = workflowId;
            b.runId = runId;
            byEvent.put(e.getEventId(), b);
          }
          case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
            var a = e.getActivityTaskStartedEventAttributes();
            Builder b = byEvent.get(a.getScheduledEventId());
            if (b != null) {
              b.attempts = a.getAttempt();
              b.status = "running";
            }
          }
          case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
              close(
                  byEvent,
                  e.getActivityTaskCompletedEventAttributes().getScheduledEventId(),
                  e,
                  "completed",
                  null);
          case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
              close(
                  byEvent,
                  e.getActivityTaskFailedEventAttributes().getScheduledEventId(),
                  e,
                  "failed",
                  e.getActivityTaskFailedEventAttributes().getFailure());
          case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT ->
              close(
                  byEvent,
                  e.getActivityTaskTimedOutEventAttributes().getScheduledEventId(),
                  e,
                  "timed_out",
                  e.getActivityTaskTimedOutEventAttributes().getFailure());
          case EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
              close(
                  byEvent,
                  e.getActivityTaskCanceledEventAttributes().getScheduledEventId(),
                  e,
                  "canceled",
                  null);
          case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> {
            var a = e.getStartChildWorkflowExecutionInitiatedEventAttributes();
            Builder b = new Builder("workflow", a.getWorkflowType().getName(), e, summary(e));
            b.workflowId = a.getWorkflowId();
            byEvent.put(e.getEventId(), b);
          }
          case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED -> {
            var a = e.getStartChildWorkflowExecutionFailedEventAttributes();
            Builder b = byEvent.get(a.getInitiatedEventId());
            if (b != null) {
              b.status = "failed";
              b.message = "could not start: " + a.getCause();
              b.closedAt = time(e);
            }
          }
          case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED -> {
            var a = e.getChildWorkflowExecutionStartedEventAttributes();
            Builder b = byEvent.get(a.getInitiatedEventId());
            if (b != null) {
              b.runId = a.getWorkflowExecution().getRunId();
              b.status = "running";
            }
          }
          case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED ->
              close(
                  byEvent,
                  e.getChildWorkflowExecutionCompletedEventAttributes().getInitiatedEventId(),
                  e,
                  "completed",
                  null);
          case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED ->
              close(
                  byEvent,
                  e.getChildWorkflowExecutionFailedEventAttributes().getInitiatedEventId(),
                  e,
                  "failed",
                  e.getChildWorkflowExecutionFailedEventAttributes().getFailure());
          case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT ->
              close(
                  byEvent,
                  e.getChildWorkflowExecutionTimedOutEventAttributes().getInitiatedEventId(),
                  e,
                  "timed_out",
                  null);
          case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED ->
              close(
                  byEvent,
                  e.getChildWorkflowExecutionCanceledEventAttributes().getInitiatedEventId(),
                  e,
                  "canceled",
                  null);
          case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED ->
              close(
                  byEvent,
                  e.getChildWorkflowExecutionTerminatedEventAttributes().getInitiatedEventId(),
                  e,
                  "terminated",
                  null);
          case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> status = "completed";
          case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED -> {
            status = "failed";
            Builder b = new Builder("workflow", type, e, null);
            b.workflowId = workflowId;
            b.runId = runId;
            b.close(e, "failed", e.getWorkflowExecutionFailedEventAttributes().getFailure());
            failure = b.build(prefix, workflowId, List.of());
          }
          case EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT -> status = "timed_out";
          case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED -> status = "canceled";
          case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED -> status = "terminated";
          case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> status = "continued_as_new";
          default -> {}
        }
      }
      List<Step> steps = new ArrayList<>();
      for (Builder b : byEvent.values()) {
        List<Step> children = List.of();
        String path = prefix + b.segment(workflowId);
        if ("workflow".equals(b.kind) && b.runId != null) {
          children = read(b.workflowId, b.runId, path + "/").steps();
        }
        steps.add(b.build(prefix, workflowId, children));
      }
      return new SessionHistory(
          workflowId, runId, type, status, failure, input, steps, List.copyOf(wftCompleted));
    }

    private static void close(
        Map<Long, Builder> byEvent, long id, HistoryEvent e, String status, Failure failure) {
      Builder b = byEvent.get(id);
      if (b != null) {
        b.close(e, status, failure);
      }
    }

    /** The step's Web UI summary, decrypted with the client's codec when it is on. */
    private String summary(HistoryEvent e) {
      if (!e.hasUserMetadata() || !e.getUserMetadata().hasSummary()) {
        return null;
      }
      Payload p = e.getUserMetadata().getSummary();
      try {
        return client.getOptions().getDataConverter().fromPayload(p, String.class, String.class);
      } catch (RuntimeException ex) {
        // encrypted under a key this CLI lacks (or codec off here): say so, not ciphertext
        return dev.bunsui.codec.AesGcmCodec.isEncrypted(p)
            ? "(encrypted summary)"
            : p.getData().toStringUtf8();
      }
    }
  }

  static String time(HistoryEvent e) {
    return Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos())
        .toString();
  }

  /** Collects one step while its events are read. */
  private static final class Builder {
    final String kind;
    final String type;
    final String summary;
    final long eventId;
    final String scheduledAt;
    String workflowId;
    String runId;
    String status = "scheduled";
    int attempts;
    String errorCode;
    String message;
    boolean nonRetryable;
    String closedAt;

    Builder(String kind, String type, HistoryEvent e, String summary) {
      this.kind = kind;
      this.type = type;
      this.summary = summary;
      this.eventId = e.getEventId();
      this.scheduledAt = time(e);
    }

    void close(HistoryEvent e, String status, Failure failure) {
      this.status = status;
      this.closedAt = time(e);
      if (failure != null) {
        Failure root = Failures.root(failure);
        this.errorCode = Failures.code(root);
        this.message = root.getMessage();
        this.nonRetryable = root.getApplicationFailureInfo().getNonRetryable();
      }
    }

    String segment(String parentId) {
      return "workflow".equals(kind) ? StepPaths.relative(parentId, workflowId) : type;
    }

    Step build(String prefix, String parentId, List<Step> children) {
      return new Step(
          prefix + segment(parentId),
          kind,
          type,
          summary,
          status,
          attempts,
          errorCode,
          message,
          nonRetryable,
          workflowId,
          runId,
          eventId,
          scheduledAt,
          closedAt,
          children);
    }
  }
}
