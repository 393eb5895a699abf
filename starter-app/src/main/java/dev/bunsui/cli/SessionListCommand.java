package dev.bunsui.cli;

import dev.bunsui.book.BookSearchAttributes;
import dev.bunsui.cli.guard.Guardrails;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bunsui session list [--filter key=value …]}: sessions from Temporal's visibility store,
 * filtered on the project's search attributes. Without filters it lists book sessions ({@code
 * BunsuiPipeline="book"}), newest first.
 */
@Command(
    name = "list",
    description = "List sessions, newest first.",
    mixinStandardHelpOptions = true)
class SessionListCommand implements Callable<Integer> {
  /** Filter keys and the visibility attribute each maps to. */
  static final Map<String, String> FILTERS =
      Map.of(
          "status", "ExecutionStatus",
          "pipeline", BookSearchAttributes.PIPELINE.getName(),
          "title", BookSearchAttributes.BOOK_TITLE.getName(),
          "lang", BookSearchAttributes.LANG.getName(),
          "stage", BookSearchAttributes.STAGE.getName(),
          "failed-step", BookSearchAttributes.FAILED_STEP.getName(),
          "type", "WorkflowType",
          "approval", BookSearchAttributes.PENDING_APPROVALS.getName());

  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Option(
      names = "--filter",
      description =
          "key=value, repeatable (AND): status (running, completed, failed, canceled, terminated,"
              + " timed_out), pipeline (book; book.chapter and book.section for child workflows),"
              + " title, lang, stage, failed-step, type, approval (pending: runs with a step"
              + " waiting for approval; or a step id).")
  List<String> filters = new ArrayList<>();

  @Option(names = "--query", description = "A raw Temporal visibility query, ANDed with filters.")
  String query;

  @Option(names = "--limit", description = "At most this many sessions (default 50).")
  int limit = 50;

  @Override
  public Integer call() {
    Guardrails.load(global).checkRead("session:list");
    String q = query(filters, query);
    try (Temporal t = Temporal.connect(global)) {
      List<Map<String, Object>> sessions = new ArrayList<>();
      com.google.protobuf.ByteString token = com.google.protobuf.ByteString.EMPTY;
      do {
        ListWorkflowExecutionsResponse page;
        try {
          page =
              t.service
                  .blockingStub()
                  .listWorkflowExecutions(
                      ListWorkflowExecutionsRequest.newBuilder()
                          .setNamespace(t.namespace)
                          .setQuery(q)
                          .setPageSize(Math.min(limit, 100))
                          .setNextPageToken(token)
                          .build());
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
            throw new CliException(
                ExitCodes.USAGE, "the server rejected the query " + q + ": " + e.getMessage());
          }
          throw e;
        }
        for (WorkflowExecutionInfo info : page.getExecutionsList()) {
          if (sessions.size() < limit) {
            sessions.add(row(info));
          }
        }
        token = page.getNextPageToken();
      } while (!token.isEmpty() && sessions.size() < limit);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("query", q);
      out.put("count", sessions.size());
      out.put("sessions", sessions);
      Output.print(spec.commandLine().getOut(), global.format(), out);
      return ExitCodes.OK;
    }
  }

  /**
   * The visibility query for the filters.
   *
   * @throws CliException USAGE for a filter that is not {@code key=value} or has an unknown key
   */
  static String query(List<String> filters, String raw) {
    List<String> clauses = new ArrayList<>();
    boolean pipeline = false;
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new CliException(ExitCodes.USAGE, "--filter " + f + ": expected key=value");
      }
      String key = f.substring(0, eq).trim().toLowerCase();
      String value = f.substring(eq + 1).trim();
      String attribute = FILTERS.get(key);
      if (attribute == null) {
        throw new CliException(
            ExitCodes.USAGE,
            "--filter " + f + ": unknown key '" + key + "'; known keys: " + FILTERS.keySet());
      }
      if (key.equals("status")) {
        value = status(value, f);
      }
      pipeline |= key.equals("pipeline") || key.equals("type") || key.equals("approval");
      if (key.equals("approval") && value.equalsIgnoreCase("pending")) {
        clauses.add(attribute + " IS NOT NULL");
        continue;
      }
      clauses.add(attribute + " = '" + value.replace("'", "\\'") + "'");
    }
    if (!pipeline && (raw == null || raw.isBlank())) {
      clauses.add(
          0,
          BookSearchAttributes.PIPELINE.getName()
              + " = '"
              + BookSearchAttributes.BOOK_PIPELINE
              + "'");
    }
    if (raw != null && !raw.isBlank()) {
      clauses.add("(" + raw + ")");
    }
    return String.join(" AND ", clauses);
  }

  private static String status(String value, String filter) {
    return switch (value.toLowerCase().replace("-", "_")) {
      case "running" -> "Running";
      case "completed" -> "Completed";
      case "failed" -> "Failed";
      case "canceled", "cancelled" -> "Canceled";
      case "terminated" -> "Terminated";
      case "timed_out" -> "TimedOut";
      case "continued_as_new" -> "ContinuedAsNew";
      default ->
          throw new CliException(
              ExitCodes.USAGE,
              "--filter "
                  + filter
                  + ": unknown status; use running, completed, failed, canceled, terminated or"
                  + " timed_out");
    };
  }

  /** A KeywordList payload (a JSON array of step ids), or one keyword, as a list. */
  static List<String> pendingApprovals(Payload p) {
    Object v = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(p, Object.class, Object.class);
    if (v instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return v == null ? List.of() : List.of(String.valueOf(v));
  }

  private static Map<String, Object> row(WorkflowExecutionInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workflowId", info.getExecution().getWorkflowId());
    m.put("runId", info.getExecution().getRunId());
    m.put("type", info.getType().getName());
    m.put("status", SessionCommand.Base.status(info.getStatus()));
    Map<String, Payload> attrs = info.getSearchAttributes().getIndexedFieldsMap();
    for (var key : BookSearchAttributes.ALL) {
      String name = key.getName();
      Payload p = attrs.get(name);
      if (p != null) {
        m.put(
            Character.toLowerCase(name.charAt(0)) + name.substring(1),
            DefaultDataConverter.STANDARD_INSTANCE.fromPayload(p, String.class, String.class));
      }
    }
    Payload pending = attrs.get(BookSearchAttributes.PENDING_APPROVALS.getName());
    if (pending != null) {
      m.put("pendingApprovals", pendingApprovals(pending));
    }
    m.put("started", Instant.ofEpochSecond(info.getStartTime().getSeconds()).toString());
    if (info.hasCloseTime() && info.getCloseTime().getSeconds() > 0) {
      m.put("closed", Instant.ofEpochSecond(info.getCloseTime().getSeconds()).toString());
    }
    return m;
  }
}
