package dev.bunsui.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.book.BookRequest;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.book.BookWorkflow;
import dev.bunsui.worker.fault.FaultInjectionInterceptor;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker's Spring context on the SDK's in-process test server, with the fault switch on for
 * figure conversion: the context starts, and a book with a figure fails at that step with {@code
 * FAULT_INJECTED} after the steps before it ran.
 */
@SpringBootTest(
    properties = {
      "spring.temporal.test-server.enabled=true",
      "bunsui.faults.fail-activities=ConvertFigure"
    })
@DirtiesContext
class WorkerApplicationTest {
  @TempDir static Path dir;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    registry.add("bunsui.store.root", () -> dir.resolve("out").toString());
  }

  @Autowired WorkflowClient client;
  @Autowired FaultInjectionInterceptor faults;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;
  @Autowired WorkerFactory workers;

  /**
   * Lets the activities still running when the book failed (the chapter's thumbnail) finish before
   * JUnit deletes the temporary store they write into; the context is dropped afterwards.
   */
  @AfterEach
  void stopWorkers() throws InterruptedException {
    workers.shutdown();
    workers.awaitTermination(60, TimeUnit.SECONDS);
    assertThat(workers.isTerminated()).isTrue();
  }

  @Test
  void aFaultedStepFailsTheBookWithFaultInjected() throws Exception {
    assertThat(faults.faulted()).containsExactly("ConvertFigure");
    Path book = Files.createDirectories(dir.resolve("book"));
    Files.createDirectories(book.resolve("img"));
    Files.writeString(
        book.resolve("img/d.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect/></svg>");
    Files.writeString(
        book.resolve("f.md"),
        "# Figures\n\nOwnership is a set of rules. Each value has an owner.\n\n"
            + "![diagram](img/d.svg)\n");

    BookWorkflow workflow =
        client.newWorkflowStub(
            BookWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(BookTaskQueues.BOOK)
                .setWorkflowId("fault-switch-book")
                .build());
    WorkflowFailedException e =
        catchThrowableOfType(
            WorkflowFailedException.class,
            () ->
                workflow.run(
                    new BookRequest(
                        book.resolve("f.md").toString(),
                        "en",
                        null,
                        List.of(),
                        null,
                        null,
                        false)));

    Throwable cause = e;
    while (cause != null && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    assertThat(cause).isInstanceOf(ApplicationFailure.class);
    ApplicationFailure failure = (ApplicationFailure) cause;
    assertThat(failure.getType()).isEqualTo("FAULT_INJECTED");
    assertThat(failure.getOriginalMessage())
        .isEqualTo(FaultInjectionInterceptor.message("ConvertFigure"));
    // the step metrics wrap the fault switch: the faulted attempt is counted by its code
    assertThat(
            meters
                .get(dev.bunsui.metrics.MetricNames.STEP_DURATION)
                .tags("activity_type", "ConvertFigure", "error_code", "FAULT_INJECTED")
                .timer()
                .count())
        .isEqualTo(1);
    // the steps before ran: the book was parsed and its figure source stored
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".svg"))).isNotEmpty();
    }
  }
}
