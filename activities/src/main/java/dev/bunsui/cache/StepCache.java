package dev.bunsui.cache;

import dev.bunsui.metrics.Metrics;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.store.StoreException;
import dev.bunsui.support.Json;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content-addressed step cache: a step's result record stored in the artifact store under its
 * {@link StepKey} ({@code cache/steps/<2 hex>/<key hash>.json}), so a rerun of a book (a new run of
 * the same input, or a Temporal reset that re-executes activities) reuses every step that already
 * succeeded instead of paying for it again.
 *
 * <p>Reading never fails a step: a missing entry is a miss; an unreadable or corrupt entry, or one
 * holding another key, is a miss with a WARN log; an entry whose artifacts are gone from the store
 * is a miss with an INFO log. Writing never fails a step either (WARN), since the step's output is
 * already stored. Entries are written atomically (temporary file renamed into place), so concurrent
 * writers of one key leave one whole entry and readers never see half of one. Thread-safe.
 */
public final class StepCache {
  private static final Logger log = LoggerFactory.getLogger(StepCache.class);

  private final ArtifactStore store;
  private final Metrics metrics;

  /**
   * Creates the cache over a store, without metrics.
   *
   * @param store holds the entries and the artifacts they refer to
   */
  public StepCache(ArtifactStore store) {
    this(store, Metrics.NOOP);
  }

  /**
   * Creates the cache over a store.
   *
   * @param store holds the entries and the artifacts they refer to
   * @param metrics counts the lookups of {@link #getOrCompute} ({@link Metrics#stepCacheLookup})
   */
  public StepCache(ArtifactStore store, Metrics metrics) {
    this.store = Objects.requireNonNull(store, "store");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Looks a step up.
   *
   * @param key the step's key
   * @param type the result record type stored with {@link #put}
   * @param artifacts the artifacts a result refers to; every one must still be in the store
   * @return the stored result, or empty on a miss (absent, corrupt, or an artifact is missing)
   */
  public <T> Optional<T> get(
      StepKey key,
      Class<T> type,
      Function<? super T, ? extends Collection<ArtifactRef>> artifacts) {
    String entryKey = key.storeKey();
    Optional<byte[]> bytes;
    try {
      bytes = store.getNamed(entryKey);
    } catch (StoreException e) {
      log.warn("step cache entry {} is unreadable, running the step: {}", entryKey, e.getMessage());
      return Optional.empty();
    }
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    T value;
    Collection<? extends ArtifactRef> refs;
    try {
      CacheEntry entry = Json.MAPPER.readValue(bytes.get(), CacheEntry.class);
      if (!StepKey.FORMAT.equals(entry.format()) || !key.equals(entry.key())) {
        log.warn(
            "step cache entry {} holds another key or format ({}), running the step",
            entryKey,
            entry.format());
        return Optional.empty();
      }
      value = Json.MAPPER.treeToValue(entry.value(), type);
      refs = artifacts.apply(Objects.requireNonNull(value, "value"));
      if (refs.stream().anyMatch(Objects::isNull)) {
        throw new IllegalStateException("a referenced artifact is null");
      }
    } catch (Exception e) {
      log.warn(
          "step cache entry {} is corrupt ({}), running the step", entryKey, String.valueOf(e));
      return Optional.empty();
    }
    for (ArtifactRef ref : refs) {
      boolean present;
      try {
        present = store.exists(ref);
      } catch (RuntimeException e) {
        log.warn(
            "step cache entry {} refers to an unusable artifact ({}), running the step",
            entryKey,
            String.valueOf(e));
        return Optional.empty();
      }
      if (!present) {
        log.info(
            "step cache entry {} refers to {} which is no longer stored, running the step",
            entryKey,
            ref.uri());
        return Optional.empty();
      }
    }
    return Optional.of(value);
  }

  /**
   * Stores a step's result, replacing any entry of the key atomically. A failure to write is logged
   * (WARN) and otherwise ignored: the step's output itself is already stored.
   *
   * @param key the step's key
   * @param value the result record (serialized with the activities' JSON mapper)
   */
  public void put(StepKey key, Object value) {
    String entryKey = key.storeKey();
    try {
      CacheEntry entry = new CacheEntry(StepKey.FORMAT, key, Json.MAPPER.valueToTree(value));
      store.putNamed(entryKey, Json.write(entry), "application/json");
    } catch (RuntimeException e) {
      log.warn("cannot write step cache entry {}: {}", entryKey, String.valueOf(e));
    }
  }

  /**
   * Reuses a stored result or runs the step and stores its result. Logs {@code step cache hit
   * <step> <subject>} (INFO) on a hit; counts the lookup as a hit or a miss (a refresh makes no
   * lookup and is not counted).
   *
   * @param key the step's key
   * @param subject what the step works on (section or figure id), for the log
   * @param refresh true to skip the lookup and run the step (the result is still stored)
   * @param type the result record type
   * @param artifacts the artifacts a result refers to; every one must still be in the store
   * @param step runs the step; what it throws propagates and nothing is stored
   * @return the result and whether it was a hit
   */
  public <T> Cached<T> getOrCompute(
      StepKey key,
      String subject,
      boolean refresh,
      Class<T> type,
      Function<? super T, ? extends Collection<ArtifactRef>> artifacts,
      Supplier<T> step) {
    if (!refresh) {
      Optional<T> hit = get(key, type, artifacts);
      metrics.stepCacheLookup(key.step(), hit.isPresent());
      if (hit.isPresent()) {
        log.info("step cache hit {} {}", key.step(), subject);
        return new Cached<>(hit.get(), true);
      }
    }
    T value = step.get();
    put(key, value);
    return new Cached<>(value, false);
  }
}
