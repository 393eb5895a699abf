package dev.bunsui.cli.pipeline;

import dev.bunsui.pipeline.ExecutionRecord;
import dev.bunsui.pipeline.StepRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-step summary of an execution record that the CLI prints and the API returns. */
public final class RecordSummaries {
  private RecordSummaries() {}

  /**
   * One row per step, in definition order.
   *
   * @param record the execution record; null gives no rows
   * @return rows with {@code step}, {@code tool}, {@code status} (lower case), {@code reason},
   *     {@code attempts}, {@code durationMillis} (null until finished), {@code items} (count of
   *     {@code for_each} items) and, for steps needing approval, {@code approval} ({@code pending},
   *     {@code approved by NAME}, {@code rejected by NAME}, {@code expired})
   */
  public static List<Map<String, Object>> steps(ExecutionRecord record) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (record == null || record.steps() == null) {
      return rows;
    }
    for (StepRecord s : record.steps()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("step", s.id());
      row.put("tool", s.tool());
      row.put("status", JobEvents.name(s.status()));
      row.put("reason", s.reason());
      row.put("attempts", s.attempts());
      row.put("durationMillis", s.durationMillis());
      row.put("items", s.items() == null ? 0 : s.items().size());
      if (s.approval() != null) {
        String a = s.approval().status();
        row.put(
            "approval", s.approval().approver() == null ? a : a + " by " + s.approval().approver());
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Steps waiting for approval.
   *
   * @param record the execution record; null gives none
   * @return their ids, in definition order
   */
  public static List<String> pendingApprovals(ExecutionRecord record) {
    if (record == null || record.steps() == null) {
      return List.of();
    }
    return record.steps().stream().filter(JobEvents::waitsForApproval).map(StepRecord::id).toList();
  }
}
