package dev.bunsui.worker.fault;

import dev.bunsui.failure.ErrorCode;
import dev.bunsui.support.Failures;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fault switch: a worker interceptor that makes every execution of the listed activity types
 * fail at once, before the activity runs, with a non-retryable {@link ApplicationFailure} of type
 * {@link ErrorCode#FAULT_INJECTED}. It exists to rehearse failures and rerun-from-failure on real
 * books; with an empty list it adds nothing to the call path. Thread-safe.
 */
public final class FaultInjectionInterceptor extends WorkerInterceptorBase {
  /** The configuration key that lists the faulted activity types. */
  public static final String PROPERTY = "bunsui.faults.fail-activities";

  private final Set<String> faulted;

  /**
   * Creates the switch.
   *
   * @param failActivities activity type names to fail (blank entries are ignored)
   * @param known every activity type name the worker registers
   * @throws IllegalArgumentException when a listed name is not a known activity type; the message
   *     names the key and the valid names
   */
  public FaultInjectionInterceptor(Collection<String> failActivities, Collection<String> known) {
    Set<String> names = new LinkedHashSet<>();
    SortedSet<String> unknown = new TreeSet<>();
    for (String raw : failActivities == null ? List.<String>of() : failActivities) {
      String name = raw == null ? "" : raw.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (known.contains(name)) {
        names.add(name);
      } else {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          PROPERTY
              + " lists unknown activity types "
              + unknown
              + "; valid activity types are "
              + new TreeSet<>(known));
    }
    this.faulted = Collections.unmodifiableSet(names);
  }

  /**
   * The switch over the worker's own activity types ({@link ActivityTypes#names()}).
   *
   * @param failActivities activity type names to fail
   * @throws IllegalArgumentException when a listed name is not one of them
   */
  public static FaultInjectionInterceptor forWorkerActivities(Collection<String> failActivities) {
    return new FaultInjectionInterceptor(failActivities, ActivityTypes.names());
  }

  /** The activity types that fail, in configuration order; empty when the switch is off. */
  public Set<String> faulted() {
    return faulted;
  }

  /** The failure message for an activity type: names the type and the switch. */
  public static String message(String activityType) {
    return "fault injected: activity " + activityType + " is listed in " + PROPERTY;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return faulted.isEmpty() ? next : new Inbound(next, faulted);
  }

  private static final class Inbound extends ActivityInboundCallsInterceptorBase {
    private final Set<String> faulted;
    private String activityType;

    Inbound(ActivityInboundCallsInterceptor next, Set<String> faulted) {
      super(next);
      this.faulted = faulted;
    }

    @Override
    public void init(ActivityExecutionContext context) {
      activityType = context.getInfo().getActivityType();
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      if (faulted.contains(activityType)) {
        throw Failures.of(ErrorCode.FAULT_INJECTED, message(activityType), null);
      }
      return super.execute(input);
    }
  }
}
