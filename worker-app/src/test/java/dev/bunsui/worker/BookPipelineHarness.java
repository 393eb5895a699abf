package dev.bunsui.worker;

import dev.bunsui.aggregate.Manifest;
import dev.bunsui.aggregate.SectionRecord;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.BookResult;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.book.BookWorkflow;
import dev.bunsui.book.BookWorkflowImpl;
import dev.bunsui.book.ChapterWorkflowImpl;
import dev.bunsui.book.SectionWorkflowImpl;
import dev.bunsui.metrics.Metrics;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Json;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real book pipeline — real workflows, real activities wired as the worker app wires them
 * — on the SDK's test server, with the artifact store in a folder of the test's (or the S3 store
 * the settings name).
 */
final class BookPipelineHarness implements AutoCloseable {
  final Path out;
  final ArtifactStore store;
  private final TestWorkflowEnvironment env;

  BookPipelineHarness(Path out) {
    this(out, new BunsuiProperties.Store(out));
  }

  /** The pipeline on the store the settings name ({@code out} is then only a scratch folder). */
  BookPipelineHarness(Path out, BunsuiProperties.Store storeSettings) {
    this.out = out;
    BunsuiProperties props =
        new BunsuiProperties(
            storeSettings,
            new BunsuiProperties.Parse(20L * 1024 * 1024, false),
            new BunsuiProperties.Llm("extractive", Map.of(), null),
            new BunsuiProperties.Figures(null, null, java.time.Duration.ofSeconds(90), 40_000_000),
            new BunsuiProperties.Thumbnail(null),
            new BunsuiProperties.Faults(List.of()),
            new BunsuiProperties.Channels(
                null,
                java.time.Duration.ofSeconds(30),
                new BunsuiProperties.Webhook(null, false),
                new BunsuiProperties.Slack(null),
                new BunsuiProperties.X(null, null, null),
                new BunsuiProperties.Github(null, null, null, null, null)));
    WorkerConfiguration config = new WorkerConfiguration();
    this.store = config.artifactStore(props);
    env =
        TestWorkflowEnvironment.newInstance(
            io.temporal.testing.TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    io.temporal.worker.WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(
                            new dev.bunsui.worker.heartbeat.HeartbeatInterceptor(
                                java.time.Duration.ofSeconds(5)))
                        .build())
                .build());
    for (var key : dev.bunsui.book.BookSearchAttributes.ALL) {
      env.registerSearchAttribute(
          key.getName(), io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    Worker worker = env.newWorker(BookTaskQueues.BOOK);
    worker.registerWorkflowImplementationTypes(
        BookWorkflowImpl.class, ChapterWorkflowImpl.class, SectionWorkflowImpl.class);
    Object[] activities = {
      config.bookActivities(store, props, Metrics.NOOP),
      config.sectionActivities(store, props, Metrics.NOOP),
      config.figureActivities(store, props, Metrics.NOOP)
    };
    // as in application.yml: the activities run on their own task queues
    for (String queue : dev.bunsui.tool.TaskQueues.ACTIVITY_QUEUES) {
      env.newWorker(queue).registerActivitiesImplementations(activities);
    }
    env.start();
  }

  BookResult run(String workflowId, Path source) {
    return run(workflowId, source, false);
  }

  /** Runs the book; {@code refresh} makes every step skip the step cache. */
  BookResult run(String workflowId, Path source, boolean refresh) {
    BookWorkflow book =
        env.getWorkflowClient()
            .newWorkflowStub(
                BookWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(BookTaskQueues.BOOK)
                    .setWorkflowId(workflowId)
                    .build());
    return book.run(new BookRequest(source.toString(), null, null, List.of(), null, null, refresh));
  }

  Manifest manifest(BookResult result) {
    return Json.read(store.get(result.manifest()), Manifest.class);
  }

  /** Every section record of the run, in book order, read back from the store. */
  List<SectionRecord> sections(Manifest manifest) throws Exception {
    List<SectionRecord> records = new ArrayList<>();
    for (Manifest.TocChapter c : manifest.chapters()) {
      for (Manifest.TocSection s : c.sections()) {
        records.add(Json.read(store.getNamed(s.record()).orElseThrow(), SectionRecord.class));
      }
    }
    return records;
  }

  @Override
  public void close() {
    env.close();
    if (store instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the store failed", e);
      }
    }
  }
}
