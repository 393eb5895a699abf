package dev.bunsui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void theTaxonomyCodeIsReportedRatherThanTheJavaExceptionBehindIt() {
    ApplicationFailure javaCause =
        ApplicationFailure.newFailure(
            "/books/x: no such file or folder", "dev.bunsui.parse.BookInputException");
    ApplicationFailure coded =
        ApplicationFailure.newNonRetryableFailureWithCause(
            "/books/x: no such file or folder", "INPUT_INVALID", javaCause);
    RuntimeException wrapper = new RuntimeException("workflow failed", coded);

    assertThat(Failures.rootCause(wrapper))
        .isEqualTo("[INPUT_INVALID] /books/x: no such file or folder");
  }

  @Test
  void withoutACodeTheDeepestFailureSpeaks() {
    ApplicationFailure inner = ApplicationFailure.newFailure("disk full", "java.io.IOException");
    assertThat(Failures.rootCause(new RuntimeException("x", inner))).isEqualTo("disk full");
  }
}
