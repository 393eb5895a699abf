package dev.bunsui.cli.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bunsui.book.BookSearchAttributes;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.pipeline.PipelineRequest;
import dev.bunsui.pipeline.definition.DefinitionException;
import dev.bunsui.pipeline.definition.DefinitionProblem;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * How pipeline runs are started, for the CLI and the HTTP API alike: task queue, workflow id, the
 * {@code BunsuiPipeline} search attribute and the summary the Web UI shows.
 */
public final class PipelineRuns {
  /** The task queue {@link dev.bunsui.pipeline.PipelineWorkflow} runs on (the worker's). */
  public static final String TASK_QUEUE = BookTaskQueues.BOOK;

  /** JSON with every object's keys sorted, so key order in the files does not change the id. */
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private PipelineRuns() {}

  /**
   * The default workflow id: {@code <definition id>-<first 8 hex digits of sha256(input JSON, "\n",
   * definition JSON)>} with object keys sorted, so the same input and definition give the same id
   * (starting it again while it runs is refused by Temporal).
   *
   * @param request the run's definition and input (after defaults were applied)
   * @return the workflow id
   */
  public static String workflowId(PipelineRequest request) {
    try {
      String text =
          CANONICAL.writeValueAsString(request.input())
              + "\n"
              + CANONICAL.writeValueAsString(request.definition());
      return request.definition().id() + "-" + sha256(text).substring(0, 8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the run input", e);
    }
  }

  /**
   * Options for a pipeline run.
   *
   * @param workflowId the run's workflow id
   * @param request the run's input
   * @return the task queue {@link #TASK_QUEUE}, {@code BunsuiPipeline=<definition id>} and the
   *     summary {@code pipeline <id>: <name> · <source>}
   */
  public static WorkflowOptions options(String workflowId, PipelineRequest request) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TASK_QUEUE)
        .setWorkflowId(workflowId)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(BookSearchAttributes.PIPELINE, request.definition().id())
                .build())
        .setStaticSummary(summary(request))
        .setStaticDetails(
            "definition: `"
                + request.source()
                + "`"
                + (request.definition().description() == null
                    ? ""
                    : "\n\n" + request.definition().description()))
        .build();
  }

  /** {@code pipeline <id>: <name> · <source>}. */
  public static String summary(PipelineRequest request) {
    String name = request.definition().name();
    return "pipeline "
        + request.definition().id()
        + ": "
        + (name == null || name.isBlank() ? request.definition().id() : name)
        + " · "
        + request.source();
  }

  /**
   * One line per problem: {@code file:line: jsonPath: reason} ({@code file:line:column:} when the
   * column is known).
   *
   * @param e the validation failure
   * @return the lines, joined by newlines
   */
  public static String problems(DefinitionException e) {
    return e.problems().stream().map(PipelineRuns::line).collect(Collectors.joining("\n"));
  }

  /** {@code file:line[:column]: jsonPath: reason}. */
  public static String line(DefinitionProblem p) {
    return p.file()
        + ":"
        + p.line()
        + (p.column() > 0 ? ":" + p.column() : "")
        + ": "
        + p.jsonPath()
        + ": "
        + p.reason();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
