package dev.bunsui.cli;

import dev.bunsui.book.BookRequest;
import dev.bunsui.book.BookResult;
import dev.bunsui.book.BookWorkflow;
import dev.bunsui.book.OutputKind;
import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.guard.MutatingAction;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bunsui pipeline run book --source PATH}: starts a book run on the server at {@code
 * --target} when one answers, otherwise on an embedded server with a worker, shows progress per
 * chapter and prints the workflow id, the output folder and a summary.
 *
 * <p>{@code bunsui pipeline run NAME|FILE --input FILE}: runs a declarative pipeline (a template or
 * a definition file) through {@link PipelineRun}.
 */
@Command(name = "run", description = "Run a pipeline.", mixinStandardHelpOptions = true)
public class RunCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      description =
          "Pipeline (see `bunsui pipeline list`): book, a template name, or a .yaml/.json"
              + " definition file.")
  String pipeline;

  @Option(
      names = "--source",
      description = "book: Markdown file, folder, or mdBook/HonKit book (required for book).")
  Path source;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "Declarative pipelines: the run input, a YAML or JSON file (- for stdin).")
  String input;

  @Option(
      names = "--no-wait",
      description = "Declarative pipelines: return right after the run started.")
  boolean noWait;

  @Option(names = "--lang", description = "Book language (BCP 47); detected when not given.")
  String lang;

  @Option(names = "--title", description = "Book title; taken from the book when not given.")
  String title;

  @Option(
      names = "--kinds",
      split = ",",
      description = "Output kinds (default all): ${COMPLETION-CANDIDATES}.")
  List<OutputKind> kinds;

  @Option(
      names = "--provider",
      description = "LLM provider: extractive (default), openai, anthropic, ollama.")
  String provider;

  @Option(names = "--model", description = "Model name for the provider.")
  String model;

  @Option(
      names = "--refresh",
      description =
          "Compute every step again instead of reusing outputs from the step cache"
              + " (they are still written to it).")
  boolean refresh;

  @Option(
      names = "--out",
      description = "Output folder of the embedded worker (default: ./out).",
      defaultValue = "out")
  Path out;

  @Option(
      names = "--workflow-id",
      description =
          "Workflow id (default: book-<slug>-<short hash>; <definition id>-<8 hex of sha256 of"
              + " input and definition> for declarative pipelines).")
  String workflowId;

  @Option(
      names = "--embedded",
      description = "Always use an embedded server, even when --target answers.")
  boolean forceEmbedded;

  @Override
  public Integer call() throws Exception {
    if (!"book".equals(pipeline)) {
      if (source != null) {
        try {
          dev.bunsui.cli.pipeline.PipelineSource.resolve(pipeline);
        } catch (IllegalArgumentException e) {
          throw new CliException(ExitCodes.USAGE, e.getMessage());
        } catch (RuntimeException e) {
          // an invalid definition: the --source mistake is reported first
        }
        throw new CliException(
            ExitCodes.USAGE, "--source is for the book pipeline; " + pipeline + " takes --input");
      }
      return new PipelineRun(global, spec, out, forceEmbedded)
          .run(pipeline, input, workflowId, noWait);
    }
    if (source == null) {
      throw new CliException(ExitCodes.USAGE, "book needs --source PATH (a Markdown book)");
    }
    if (input != null || noWait) {
      throw new CliException(
          ExitCodes.USAGE, "--input and --no-wait are for declarative pipelines, not book");
    }
    PrintWriter err = spec.commandLine().getErr();
    Path absSource = source.toAbsolutePath().normalize();
    BookRequest request =
        new BookRequest(
            absSource.toString(),
            lang,
            title,
            kinds == null ? List.of() : kinds,
            provider,
            model,
            refresh);
    String id = workflowId != null ? workflowId : WorkflowIds.book(absSource, request);
    try (MutatingAction action = Guardrails.load(global).begin("pipeline:run", pipeline, id)) {
      try {
        return start(request, id, err, action);
      } catch (Exception e) {
        throw action.failed(e);
      }
    }
  }

  private int start(BookRequest request, String id, PrintWriter err, MutatingAction action)
      throws Exception {
    try (Session session = Session.open(global, forceEmbedded, out, err)) {
      Temporal temporal = session.temporal();
      List<String> unpolled = session.worker() == null ? temporal.unpolledBookQueues() : List.of();
      if (!unpolled.isEmpty()) {
        err.println(
            "warning: no worker polls task queue"
                + (unpolled.size() > 1 ? "s " : " ")
                + String.join(", ", unpolled)
                + " on "
                + temporal.target
                + "; start one with ./bunsui worker --target "
                + temporal.target);
      }
      BookWorkflow book =
          temporal.client.newWorkflowStub(BookWorkflow.class, BookRuns.options(id, request));
      try {
        WorkflowClient.start(book::run, request);
      } catch (WorkflowExecutionAlreadyStarted e) {
        throw new CliException(
            ExitCodes.STILL_RUNNING,
            "a run of this book is already running as "
                + id
                + "; watch it with bunsui session watch "
                + id);
      }
      err.println(
          "started " + id + " on " + temporal.target + " (namespace " + temporal.namespace + ")");
      CompletableFuture<BookResult> result =
          temporal.client.newUntypedWorkflowStub(id).getResultAsync(BookResult.class);
      new ProgressWatcher(temporal.client, id, err).watchUntil(result);
      BookResult r = Failures.await(result, id);
      action.succeeded("source " + request.source() + ": " + summaryLine(r));
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("workflowId", id);
      summary.put("outputFolder", outputFolder(r.outputDir()));
      summary.put("index", outputFolder(r.index().uri()));
      summary.put("summary", summaryLine(r));
      summary.put("result", r);
      Output.print(
          spec.commandLine().getOut(),
          global.format(),
          global.format() == GlobalOptions.Format.TABLE ? brief(summary) : summary);
      return ExitCodes.OK;
    }
  }

  private static Map<String, Object> brief(Map<String, Object> summary) {
    Map<String, Object> b = new LinkedHashMap<>(summary);
    b.remove("result");
    return b;
  }

  static String summaryLine(BookResult r) {
    return r.chapters()
        + " chapters, "
        + r.sectionsDone()
        + " sections done, "
        + r.sectionsSkipped()
        + " skipped, "
        + r.figures()
        + " figures, "
        + r.outputs()
        + " outputs, "
        + r.skippedItems()
        + " skipped items (see manifest.json)";
  }

  private static String outputFolder(String uri) {
    if (uri != null && uri.startsWith("file:")) {
      return Path.of(java.net.URI.create(uri)).toString();
    }
    return uri;
  }

  /** Workflow ids of the book pipeline. */
  static final class WorkflowIds {
    private WorkflowIds() {}

    /** {@code book-<slug of the source name>-<8 hex of sha256(source, kinds, provider, model)>}. */
    static String book(Path source, BookRequest request) {
      String name = source.getFileName() == null ? "book" : source.getFileName().toString();
      if ((name.equals("src") || name.equals("source")) && source.getParent() != null) {
        name = source.getParent().getFileName().toString();
      }
      String slug =
          name.toLowerCase()
              .replaceAll("\\.md$", "")
              .replaceAll("[^a-z0-9]+", "-")
              .replaceAll("(^-|-$)", "");
      if (slug.isEmpty()) {
        slug = "book";
      }
      List<String> parts = new ArrayList<>();
      parts.add(source.toString());
      parts.add(String.valueOf(request.kinds()));
      parts.add(String.valueOf(request.provider()));
      parts.add(String.valueOf(request.model()));
      parts.add(String.valueOf(request.lang()));
      parts.add(String.valueOf(request.title()));
      return "book-" + slug + "-" + sha256(String.join("\n", parts)).substring(0, 8);
    }

    private static String sha256(String s) {
      try {
        return java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static Duration readyTimeout() {
    return Duration.ofSeconds(180);
  }
}
