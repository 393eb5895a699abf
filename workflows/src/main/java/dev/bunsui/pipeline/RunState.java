package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a pipeline run knows: the definition (from the workflow input only), the run input,
 * each step's state, and whether the run has failed. Shared by the scheduler, the step coroutines,
 * the {@code record} query and the approval Updates of one workflow execution; all of them run on
 * Temporal's deterministic workflow threads, one at a time.
 */
final class RunState {
  final PipelineRequest request;
  final StepGraph graph;
  final String workflowId;
  final long startedAtMillis;

  /** The steps by id, in definition order. */
  final Map<String, StepRun> steps = new LinkedHashMap<>();

  String status = "running";
  Long finishedAtMillis;

  /** Bumped on every change, so the scheduler can {@code Workflow.await} "something changed". */
  int version;

  /** The step that failed the run ({@code on_error: fail}); null while none did. */
  String failedStep;

  String failedCode;
  String failedReason;

  RunState(PipelineRequest request, String workflowId, long startedAtMillis) {
    this.request = request;
    this.graph = StepGraph.of(request.definition());
    this.workflowId = workflowId;
    this.startedAtMillis = startedAtMillis;
    for (StepDefinition s : request.definition().steps()) {
      steps.put(s.id(), new StepRun(s));
    }
  }

  void changed() {
    version++;
  }

  /** Whether a step failed the run: no new step starts, waiting ones give up. */
  boolean halted() {
    return failedStep != null;
  }

  /** The reason given to the steps a failed run never ran. */
  String haltReason() {
    return "run failed at step " + failedStep;
  }

  /**
   * The run context now: {@code {"input": …, "steps": {"<id>": {"status", "output", "reason"}}}},
   * with an entry for every step that has an outcome.
   */
  ObjectNode context() {
    ObjectNode ctx = JsonNodeFactory.instance.objectNode();
    ctx.set(
        "input", request.input() == null ? JsonNodeFactory.instance.objectNode() : request.input());
    ObjectNode stepsNode = ctx.putObject("steps");
    for (StepRun s : steps.values()) {
      if (s.entry != null) {
        stepsNode.set(s.id(), s.entry);
      }
    }
    return ctx;
  }

  /**
   * The context of one {@code for_each} item: the run context plus {@code item} and {@code index}.
   */
  static ObjectNode itemContext(ObjectNode context, JsonNode item, int index) {
    ObjectNode ctx = JsonNodeFactory.instance.objectNode();
    ctx.setAll(context);
    ctx.set("item", item);
    ctx.set("index", IntNode.valueOf(index));
    return ctx;
  }

  /** The execution record now; a consistent snapshot (built without yielding). */
  ExecutionRecord record() {
    List<StepRecord> records = new ArrayList<>(steps.size());
    for (StepRun s : steps.values()) {
      records.add(s.toRecord());
    }
    PipelineDefinition d = request.definition();
    return new ExecutionRecord(
        d.id(),
        d.name(),
        request.source(),
        status,
        request.input(),
        startedAtMillis,
        finishedAtMillis,
        List.copyOf(records));
  }
}
