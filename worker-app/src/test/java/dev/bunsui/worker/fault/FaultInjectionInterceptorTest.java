package dev.bunsui.worker.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.book.FigureActivities;
import dev.bunsui.book.FigureRequest;
import dev.bunsui.book.FigureResult;
import dev.bunsui.book.FigureType;
import dev.bunsui.store.ArtifactRef;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fault switch on a worker of the SDK's test server. */
class FaultInjectionInterceptorTest {
  private static final String QUEUE = "fault-test";

  /** Runs one activity by type name and returns its result's figure id. */
  @WorkflowInterface
  public interface ProbeWorkflow {
    @WorkflowMethod
    String run(String activityType);
  }

  /** Calls the named activity with up to five attempts, so a retry would show. */
  public static class ProbeWorkflowImpl implements ProbeWorkflow {
    @Override
    public String run(String activityType) {
      FigureResult r =
          Workflow.newUntypedActivityStub(
                  ActivityOptions.newBuilder()
                      .setStartToCloseTimeout(Duration.ofSeconds(10))
                      .setRetryOptions(
                          RetryOptions.newBuilder()
                              .setInitialInterval(Duration.ofMillis(10))
                              .setMaximumAttempts(5)
                              .build())
                      .build())
              .execute(activityType, FigureResult.class, (Object) null);
      return r.figureId();
    }
  }

  /** A figure activity that counts its executions. */
  public static class CountingFigures implements FigureActivities {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public FigureResult convertFigure(FigureRequest request) {
      calls.incrementAndGet();
      return new FigureResult(
          "fig-1", FigureType.SVG, "a.svg", new ArtifactRef("file:///a.png", "ab", 1, "p"), 1, 1);
    }
  }

  private TestWorkflowEnvironment env;
  private final CountingFigures figures = new CountingFigures();

  private WorkflowClient start(FaultInjectionInterceptor interceptor) {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder().setWorkerInterceptors(interceptor).build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ProbeWorkflowImpl.class);
    worker.registerActivitiesImplementations(figures);
    env.start();
    return env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    if (env != null) {
      env.close();
    }
  }

  private String run(WorkflowClient client, String activityType) {
    return client
        .newWorkflowStub(
            ProbeWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
        .run(activityType);
  }

  @Test
  void aListedActivityFailsOnceWithFaultInjectedWithoutRunning() {
    WorkflowClient client =
        start(FaultInjectionInterceptor.forWorkerActivities(List.of("ConvertFigure")));

    WorkflowFailedException e =
        catchThrowableOfType(WorkflowFailedException.class, () -> run(client, "ConvertFigure"));

    ActivityFailure activity = (ActivityFailure) e.getCause();
    assertThat(activity.getActivityType()).isEqualTo("ConvertFigure");
    assertThat(activity.getRetryState()).isEqualTo(RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE);
    ApplicationFailure cause = (ApplicationFailure) activity.getCause();
    assertThat(cause.getType()).isEqualTo("FAULT_INJECTED");
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(cause.getOriginalMessage())
        .isEqualTo(
            "fault injected: activity ConvertFigure is listed in bunsui.faults.fail-activities");
    assertThat(figures.calls).hasValue(0);
  }

  @Test
  void unlistedActivitiesRunAsUsual() {
    WorkflowClient client =
        start(FaultInjectionInterceptor.forWorkerActivities(List.of("RenderThumbnail")));

    assertThat(run(client, "ConvertFigure")).isEqualTo("fig-1");
    assertThat(figures.calls).hasValue(1);
  }

  @Test
  void anEmptySwitchAddsNothing() {
    FaultInjectionInterceptor off = FaultInjectionInterceptor.forWorkerActivities(List.of(" "));
    assertThat(off.faulted()).isEmpty();
    WorkflowClient client = start(off);

    assertThat(run(client, "ConvertFigure")).isEqualTo("fig-1");
  }

  @Test
  void anUnknownNameIsRefusedNamingTheValidOnes() {
    assertThatThrownBy(
            () ->
                FaultInjectionInterceptor.forWorkerActivities(
                    List.of("ConvertFigure", "convertFigure", "Nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "bunsui.faults.fail-activities lists unknown activity types [Nope, convertFigure]")
        .hasMessageContaining("ParseBook")
        .hasMessageContaining("AnalyzeSection")
        .hasMessageContaining("GenerateXPosts")
        .hasMessageContaining("ConvertFigure")
        .hasMessageContaining("RenderThumbnail");
  }

  @Test
  void theWorkerActivityTypesAreTheCapitalisedMethodNames() {
    assertThat(ActivityTypes.names())
        .containsExactly(
            "AggregateBook",
            "AggregateChapter",
            "AnalyzeSection",
            "ConvertFigure",
            "GenerateArticle",
            "GenerateDescription",
            "GenerateVideoScript",
            "GenerateVideoScriptJson",
            "GenerateXPosts",
            "ParseBook",
            "RecordSection",
            "RenderThumbnail",
            "ai_creative_studio",
            "auto_posting",
            "book_posts",
            "realtime_ad_optimizer");
  }
}
