package dev.bunsui.book;

import dev.bunsui.failure.ErrorCode;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.Optional;

/** Turns activity failures into skipped items when their code allows skipping. */
final class Skips {
  private Skips() {}

  /**
   * The skipped item for a failure whose code is in {@link ErrorCode#SKIPPABLE}.
   *
   * @param item what was being produced
   * @param file source file of the item
   * @param line source line of the item
   * @param failure the activity's failure
   * @return the skipped item, or empty when the failure must fail the run instead
   */
  static Optional<SkippedItem> of(String item, String file, int line, ActivityFailure failure) {
    if (!(failure.getCause() instanceof ApplicationFailure app)) {
      return Optional.empty();
    }
    ErrorCode code = ErrorCode.fromType(app.getType());
    if (!ErrorCode.SKIPPABLE.contains(code)) {
      return Optional.empty();
    }
    return Optional.of(new SkippedItem(item, file, line, code.name(), message(app)));
  }

  private static String message(TemporalFailure failure) {
    String m = failure.getOriginalMessage();
    return m == null || m.isBlank() ? failure.getClass().getSimpleName() : m;
  }
}
