package dev.bunsui.activity;

import dev.bunsui.failure.ErrorCode;
import dev.bunsui.store.StoreException;
import dev.bunsui.support.Failures;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * Runs an activity body and classifies what escapes it: typed {@link ApplicationFailure}s pass
 * through, store failures become their {@link StoreException#code()} ({@code STORE_IO} retried;
 * {@code STORE_CONFIG}, {@code STORE_ACCESS_DENIED} not), anything else retryable {@code INTERNAL}
 * (a bug or an unexpected state; Temporal's retry policy bounds it).
 */
final class Guard {
  private Guard() {}

  static <T> T run(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (ApplicationFailure e) {
      throw e;
    } catch (StoreException e) {
      throw Failures.of(e.code(), what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw Failures.of(ErrorCode.INTERNAL, what + ": " + e, e);
    }
  }
}
