package dev.bunsui.cli;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The histories of a run and of all its child workflows exactly as the server stores them, read
 * with GetWorkflowExecutionHistory through bare service stubs (no data converter, so nothing is
 * decoded on the way).
 */
final class RawHistories {
  private RawHistories() {}

  /**
   * @return workflow id to its raw history, the run first, then its children depth first
   */
  static Map<String, History> of(String target, String workflowId) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      Map<String, History> all = new LinkedHashMap<>();
      collect(stubs, workflowId, all);
      return all;
    } finally {
      stubs.shutdown();
    }
  }

  private static void collect(WorkflowServiceStubs stubs, String id, Map<String, History> all) {
    History.Builder history = History.newBuilder();
    com.google.protobuf.ByteString page = com.google.protobuf.ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse r =
          stubs
              .blockingStub()
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace("default")
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id))
                      .setNextPageToken(page)
                      .build());
      history.addAllEvents(r.getHistory().getEventsList());
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    all.put(id, history.build());
    List<String> children = new ArrayList<>();
    for (HistoryEvent e : history.getEventsList()) {
      if (e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED) {
        children.add(
            e.getChildWorkflowExecutionStartedEventAttributes()
                .getWorkflowExecution()
                .getWorkflowId());
      }
    }
    for (String child : children) {
      collect(stubs, child, all);
    }
  }

  /** Every byte of the histories as text (ISO-8859-1 keeps UTF-8 byte sequences searchable). */
  static String bytes(Map<String, History> histories) {
    StringBuilder b = new StringBuilder();
    histories
        .values()
        .forEach(h -> b.append(new String(h.toByteArray(), StandardCharsets.ISO_8859_1)));
    return b.toString();
  }

  /** The identities of the workers that started the runs' activities, with how many each. */
  static Map<String, Integer> activityWorkers(Map<String, History> histories) {
    Map<String, Integer> identities = new java.util.TreeMap<>();
    for (History h : histories.values()) {
      for (HistoryEvent e : h.getEventsList()) {
        if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
          identities.merge(
              e.getActivityTaskStartedEventAttributes().getIdentity(), 1, Integer::sum);
        }
      }
    }
    return identities;
  }
}
