package dev.bunsui.toolrun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.store.StoreException;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Json;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Function;

/**
 * The frame every tool activity runs in: stores the step input as JSON in the artifact store
 * (content-addressed, so a retry writes nothing new), runs the tool, stores its output the same way
 * and returns both references with the activity attempt. What escapes the tool is classified: typed
 * {@link ApplicationFailure}s pass through, {@link ToolInputException} becomes {@code
 * INPUT_INVALID} (not retried), {@link StoreException} {@code STORE_IO} (retried), anything else
 * {@code INTERNAL} (retried, bounded by the retry policy).
 */
public final class ToolRunner {
  private final ArtifactStore store;

  /**
   * Creates the runner.
   *
   * @param store where inputs and outputs are stored
   */
  public ToolRunner(ArtifactStore store) {
    this.store = store;
  }

  /**
   * Runs one tool call inside an activity.
   *
   * @param tool the tool name, for messages
   * @param request the step's request
   * @param body the tool: reads the input, returns the output object
   * @return the output with the stored input and output references and the attempt number
   * @throws ApplicationFailure typed with an {@link ErrorCode} name
   */
  public ToolResult run(String tool, ToolRequest request, Function<ToolInput, JsonNode> body) {
    return run(tool, request, currentAttempt(), body);
  }

  /**
   * The attempt number of the running activity, counted from 1 (the SDK's {@code
   * TestActivityEnvironment} reports 0 for the first).
   *
   * @throws IllegalStateException outside an activity
   */
  public static int currentAttempt() {
    return Math.max(1, Activity.getExecutionContext().getInfo().getAttempt());
  }

  /**
   * Runs one tool call with an explicit attempt number (outside an activity, in tests).
   *
   * @param attempt the attempt number recorded in the result
   * @see #run(String, ToolRequest, Function)
   */
  public ToolResult run(
      String tool, ToolRequest request, int attempt, Function<ToolInput, JsonNode> body) {
    String what = tool + " (step " + request.stepId() + ")";
    try {
      ToolInput input = new ToolInput(request.stepId(), request.input());
      ArtifactRef inputRef = store.put(Json.write(input.node()), "application/json", "json");
      JsonNode output = body.apply(input);
      ArtifactRef outputRef = store.put(Json.write(output), "application/json", "json");
      return new ToolResult(output, inputRef, outputRef, attempt);
    } catch (ApplicationFailure e) {
      throw e;
    } catch (ToolInputException e) {
      throw Failures.of(ErrorCode.INPUT_INVALID, tool + ": " + e.getMessage(), e);
    } catch (StoreException e) {
      throw Failures.of(ErrorCode.STORE_IO, what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw Failures.of(ErrorCode.INTERNAL, what + ": " + e, e);
    }
  }
}
