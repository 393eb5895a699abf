package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.pipeline.expr.Condition;
import dev.bunsui.pipeline.expr.ExpressionException;
import dev.bunsui.pipeline.expr.JsonPaths;
import dev.bunsui.pipeline.expr.Mappings;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import dev.bunsui.tool.ToolSpec;
import dev.bunsui.tool.Tools;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one step to its outcome; the body of the step's coroutine (started by {@link
 * PipelineWorkflowImpl} once its dependencies have finished).
 *
 * <p>Order: a skipped or failed dependency skips the step; the condition is evaluated (per item
 * with {@code for_each}, items whose condition is false are skipped with the explained reason);
 * when something will run and the step requires approval it waits for the {@code approve} or {@code
 * reject} Update until its deadline; then every remaining call waits for its {@code wait_until}
 * time and calls the tool as an activity, the items in parallel. A failure is handled by the step's
 * {@code on_error}.
 */
final class StepRunner {
  /** How long an approval waits when the step sets no {@code approval_timeout}. */
  static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofHours(24);

  private static final int REASONS_SHOWN = 3;

  private final RunState state;

  StepRunner(RunState state) {
    this.state = state;
  }

  /** Runs the step; returns when it has an outcome (or throws the run's cancellation). */
  void run(StepRun s) {
    s.startedAtMillis = Workflow.currentTimeMillis();
    try {
      execute(s);
    } finally {
      state.changed();
    }
  }

  private void execute(StepRun s) {
    String blocked = dependencyProblem(s);
    if (blocked != null) {
      skip(s, blocked);
      return;
    }
    ToolSpec tool = Tools.find(s.def.tool()).orElse(null);
    if (tool == null) {
      fail(s, ErrorCode.INPUT_INVALID, "unknown tool '" + s.def.tool() + "'");
      return;
    }
    Condition condition;
    try {
      condition =
          s.def.condition() == null || s.def.condition().isBlank()
              ? null
              : Condition.parse(s.def.condition());
    } catch (ExpressionException e) {
      fail(s, ErrorCode.INPUT_INVALID, "condition " + s.def.condition() + ": " + e.getMessage());
      return;
    }
    List<ObjectNode> contexts = units(s, condition);
    if (contexts == null) {
      return;
    }
    state.changed();
    if (s.units.stream().allMatch(ItemRun::finished)) {
      skip(s, allSkipped(s));
      return;
    }
    if ("required".equalsIgnoreCase(s.def.approval()) && !approved(s)) {
      return;
    }
    s.status = StepStatus.RUNNING;
    state.changed();
    List<Promise<Void>> calls = new ArrayList<>();
    for (int i = 0; i < s.units.size(); i++) {
      ItemRun u = s.units.get(i);
      ObjectNode ctx = contexts.get(i);
      if (!u.finished()) {
        calls.add(Async.procedure(() -> call(s, tool, u, ctx)));
      }
    }
    Workflow.await(() -> calls.stream().allMatch(Promise::isCompleted));
    for (Promise<Void> p : calls) {
      p.get(); // the run's cancellation, or a bug, ends the step here
    }
    outcome(s);
  }

  /**
   * Creates the step's calls and evaluates the condition for each.
   *
   * @return the run context of each call; null when the step failed already
   */
  private List<ObjectNode> units(StepRun s, Condition condition) {
    ObjectNode ctx = state.context();
    List<ObjectNode> contexts = new ArrayList<>();
    long now = Workflow.currentTimeMillis();
    if (!s.forEach()) {
      ItemRun u = new ItemRun(0, null);
      s.units.add(u);
      contexts.add(ctx);
      if (condition != null && !condition.test(ctx)) {
        u.skip(condition.explain(ctx), now);
      }
      return contexts;
    }
    JsonNode array = JsonPaths.read(s.def.forEach(), ctx);
    if (!array.isArray()) {
      fail(
          s,
          ErrorCode.INPUT_INVALID,
          "for_each "
              + s.def.forEach()
              + (array.isMissingNode()
                  ? " finds nothing"
                  : " is not an array: " + abbreviate(array)));
      return null;
    }
    for (int i = 0; i < array.size(); i++) {
      ItemRun u = new ItemRun(i, array.get(i));
      ObjectNode ic = RunState.itemContext(ctx, u.item, i);
      s.units.add(u);
      contexts.add(ic);
      if (condition != null && !condition.test(ic)) {
        u.skip(condition.explain(ic), now);
      }
    }
    return contexts;
  }

  /** Waits for the decision; true when approved, otherwise the step is skipped. */
  private boolean approved(StepRun s) {
    Duration timeout;
    try {
      timeout = Durations.parseOr(s.def.approvalTimeout(), DEFAULT_APPROVAL_TIMEOUT);
    } catch (IllegalArgumentException e) {
      fail(s, ErrorCode.INPUT_INVALID, "approval_timeout: " + e.getMessage());
      return false;
    }
    long requested = Workflow.currentTimeMillis();
    long deadline = requested + timeout.toMillis();
    s.approval = new ApprovalRecord("pending", requested, deadline, null, null, null);
    s.status = StepStatus.WAITING_APPROVAL;
    state.changed();
    Workflow.await(timeout, () -> s.approved != null || state.halted());
    if (s.approved != null) {
      if (s.approved) {
        return true;
      }
      ApprovalRecord a = s.approval;
      skip(
          s,
          "rejected by "
              + a.approver()
              + (a.comment() == null || a.comment().isBlank() ? "" : ": " + a.comment()));
      return false;
    }
    if (state.halted()) {
      skip(s, state.haltReason());
      return false;
    }
    s.approval =
        new ApprovalRecord(
            "expired", requested, deadline, null, null, Workflow.currentTimeMillis());
    skip(
        s,
        "approval expired: nobody approved or rejected it by "
            + Instant.ofEpochMilli(deadline)
            + " (approval_timeout "
            + (s.def.approvalTimeout() == null ? "24h" : s.def.approvalTimeout())
            + ")");
    return false;
  }

  /** One tool call: waits for its time, then calls the tool as an activity. */
  private void call(StepRun s, ToolSpec tool, ItemRun u, ObjectNode ctx) {
    Long at;
    try {
      at = WaitTimes.resolve(s.def.waitUntil(), ctx);
    } catch (WaitTimes.BadTime e) {
      finishCall(s, u, () -> u.fail(ErrorCode.INPUT_INVALID.name(), e.getMessage(), 0, now()));
      return;
    }
    if (at != null) {
      u.waitUntilMillis = at;
      long now = now();
      if (at > now) {
        u.status = StepStatus.SCHEDULED;
        s.refreshActiveStatus();
        state.changed();
        Workflow.await(Duration.ofMillis(at - now), () -> stopReason(s) != null);
      }
    }
    String stop = stopReason(s);
    if (stop != null) {
      finishCall(s, u, () -> u.skip(stop, now()));
      return;
    }
    u.status = StepStatus.RUNNING;
    u.startedAtMillis = now();
    s.refreshActiveStatus();
    state.changed();
    JsonNode input;
    ActivityStub stub;
    try {
      input = Mappings.resolve(s.def.inputMapping(), ctx);
      String summary = "step " + s.id() + (s.forEach() ? ", item " + u.index : "");
      stub = Workflow.newUntypedActivityStub(ToolCalls.options(s.def, tool, summary));
    } catch (IllegalArgumentException e) {
      finishCall(s, u, () -> u.fail(ErrorCode.INPUT_INVALID.name(), e.getMessage(), 0, now()));
      return;
    }
    ToolRequest request =
        new ToolRequest(state.workflowId, s.id(), s.forEach() ? u.index : null, input);
    try {
      ToolResult result = stub.execute(tool.name(), ToolResult.class, request);
      finishCall(s, u, () -> u.succeed(result, now()));
    } catch (ActivityFailure failure) {
      if (CancellationScope.current().isCancelRequested()) {
        throw failure;
      }
      finishCall(
          s,
          u,
          () ->
              u.fail(
                  ToolCalls.errorCode(failure),
                  ToolCalls.reason(failure),
                  ToolCalls.attempts(failure, s.def),
                  now()));
    }
  }

  private void finishCall(StepRun s, ItemRun u, Runnable change) {
    change.run();
    s.refreshActiveStatus();
    state.changed();
  }

  /** Why calls that have not started must not start: the run failed, or another item failed. */
  private String stopReason(StepRun s) {
    if (state.halted()) {
      return state.haltReason();
    }
    for (ItemRun u : s.units) {
      if (u.status == StepStatus.FAILED) {
        return "not run: item " + u.index + " of this step failed";
      }
    }
    return null;
  }

  private void outcome(StepRun s) {
    List<ItemRun> failed = s.units.stream().filter(u -> u.status == StepStatus.FAILED).toList();
    if (!failed.isEmpty()) {
      ItemRun f = failed.get(0);
      s.errorCode = f.errorCode;
      String why =
          s.forEach()
              ? "item "
                  + f.index
                  + " failed: "
                  + f.reason
                  + (failed.size() > 1 ? " (" + failed.size() + " items failed)" : "")
              : f.reason;
      handleFailure(s, why);
      return;
    }
    if (s.units.stream().noneMatch(u -> u.status == StepStatus.SUCCEEDED)) {
      skip(s, state.halted() ? state.haltReason() : allSkipped(s));
      return;
    }
    JsonNode output;
    if (s.forEach()) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      for (ItemRun u : s.units) {
        items.add(u.output == null ? JsonNodeFactory.instance.nullNode() : u.output);
      }
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.set("items", items);
      output = o;
    } else {
      output = s.units.get(0).output;
    }
    s.status = StepStatus.SUCCEEDED;
    s.finishedAtMillis = now();
    s.entry("succeeded", output, null);
    s.done = true;
  }

  /** A failed step, handled by its {@code on_error}. */
  private void fail(StepRun s, ErrorCode code, String why) {
    s.errorCode = code.name();
    handleFailure(s, why);
  }

  private void handleFailure(StepRun s, String why) {
    long now = now();
    for (ItemRun u : s.units) {
      if (!u.finished()) {
        u.skip("not run: the step failed", now);
      }
    }
    s.finishedAtMillis = now;
    String onError = s.def.onError() == null ? "fail" : s.def.onError().strip();
    String fallback = StepGraph.fallbackOf(s.def);
    if (onError.equals("skip")) {
      s.status = StepStatus.SKIPPED;
      s.reason = "failed (" + s.errorCode + "), skipped by on_error: skip: " + why;
      s.entry("skipped", null, s.reason);
      s.done = true;
    } else if (fallback != null && state.steps.containsKey(fallback)) {
      s.status = StepStatus.FAILED;
      s.reason = why;
      s.fallback = fallback;
      s.entry("failed", null, why);
      s.awaitingFallback = true;
    } else {
      s.status = StepStatus.FAILED;
      s.reason = why;
      s.entry("failed", null, why);
      s.done = true;
      if (!state.halted()) {
        state.failedStep = s.id();
        state.failedCode = s.errorCode;
        state.failedReason = why;
      }
    }
  }

  /** Skips the step and its calls that have not finished, with the reason. */
  static void skip(StepRun s, String why) {
    long now = Workflow.currentTimeMillis();
    for (ItemRun u : s.units) {
      if (!u.finished()) {
        u.skip(why, now);
      }
    }
    s.status = StepStatus.SKIPPED;
    s.reason = why;
    s.finishedAtMillis = now;
    s.entry("skipped", null, why);
    s.done = true;
  }

  /** Why a dependency keeps the step from running; null when all of them allow it. */
  private String dependencyProblem(StepRun s) {
    for (String d : state.graph.dependencies(s.id())) {
      StepRun ds = state.steps.get(d);
      if (ds.status == StepStatus.SUCCEEDED || standsIn(ds)) {
        continue;
      }
      if (ds.status == StepStatus.FAILED && s.id().equals(ds.fallback)) {
        continue; // s is d's fallback: it reads d's failure
      }
      return switch (ds.status) {
        case SKIPPED -> "dependency " + d + " was skipped";
        case NOT_NEEDED -> "dependency " + d + " was not needed (it is a fallback)";
        case FAILED ->
            ds.fallback == null
                ? "dependency " + d + " failed"
                : "dependency " + d + " failed and its fallback " + ds.fallback + " gave no output";
        default -> "dependency " + d + " did not finish (" + ds.status + ")";
      };
    }
    return null;
  }

  /** A failed step whose fallback's output stands in for its own. */
  static boolean standsIn(StepRun s) {
    return s.status == StepStatus.FAILED && s.entry != null && s.entry.has("output");
  }

  private static String allSkipped(StepRun s) {
    if (!s.forEach()) {
      return s.units.isEmpty() ? "not run" : s.units.get(0).reason;
    }
    if (s.units.isEmpty()) {
      return "for_each " + s.def.forEach() + " is empty";
    }
    StringBuilder sb = new StringBuilder("all " + s.units.size() + " items were skipped: ");
    for (int i = 0; i < Math.min(REASONS_SHOWN, s.units.size()); i++) {
      sb.append(i == 0 ? "" : "; ").append("item ").append(i).append(": ");
      sb.append(s.units.get(i).reason);
    }
    return sb.append(s.units.size() > REASONS_SHOWN ? "; …" : "").toString();
  }

  private static String abbreviate(JsonNode node) {
    String t = node.toString();
    return t.length() <= 80 ? t : t.substring(0, 77) + "...";
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
