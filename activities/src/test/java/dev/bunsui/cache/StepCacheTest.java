package dev.bunsui.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Hashes;
import dev.bunsui.support.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCacheTest {
  /** A result record referring to one artifact, like the steps' results. */
  record Result(String label, ArtifactRef ref) {}

  @TempDir Path dir;
  LocalArtifactStore store;
  StepCache cache;
  StepKey key = new StepKey("article", hex('a'), hex('b'), "openai", "gpt-test");

  @BeforeEach
  void setUp() {
    store = new LocalArtifactStore(dir.resolve("out"));
    cache = new StepCache(store);
  }

  private static String hex(char c) {
    return String.valueOf(c).repeat(64);
  }

  private Result stored(String text) {
    return new Result(text, store.put(text.getBytes(StandardCharsets.UTF_8), "text/plain", "txt"));
  }

  private Optional<Result> get(StepKey k) {
    return cache.get(k, Result.class, r -> List.of(r.ref()));
  }

  private Path entryFile(StepKey k) {
    return store.root().resolve(k.storeKey());
  }

  @Test
  void aStoredResultIsFoundUnderItsKeyOnly() {
    Result r = stored("hello");
    cache.put(key, r);

    assertThat(get(key)).contains(r);
    assertThat(entryFile(key))
        .isRegularFile()
        .hasFileName(key.hash() + ".json")
        .hasParent(store.root().resolve("cache/steps/" + key.hash().substring(0, 2)));
    assertThat(get(new StepKey("x_posts", hex('a'), hex('b'), "openai", "gpt-test"))).isEmpty();
  }

  @Test
  void everyKeyFieldChangesTheHash() {
    List<StepKey> keys =
        List.of(
            key,
            new StepKey("description", hex('a'), hex('b'), "openai", "gpt-test"),
            new StepKey("article", hex('c'), hex('b'), "openai", "gpt-test"),
            new StepKey("article", hex('a'), hex('c'), "openai", "gpt-test"),
            new StepKey("article", hex('a'), hex('b'), "ollama", "gpt-test"),
            new StepKey("article", hex('a'), hex('b'), "openai", "gpt-other"));
    assertThat(keys.stream().map(StepKey::hash).distinct()).hasSize(keys.size());
    assertThat(key.hash())
        .isEqualTo(
            Hashes.sha256(
                String.join(
                    "\u0000", StepKey.FORMAT, "article", hex('a'), hex('b'), "openai", "gpt-test")))
        .isEqualTo(new StepKey("article", hex('a'), hex('b'), "openai", "gpt-test").hash());
  }

  @Test
  void aKeyWithAMissingFieldIsRefusedByName() {
    assertThatThrownBy(() -> new StepKey("article", hex('a'), null, "openai", "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("promptHash");
    assertThatThrownBy(() -> new StepKey("article", hex('a'), hex('b'), " ", "m"))
        .hasMessageContaining("provider");
    assertThatThrownBy(() -> new StepKey("art\u0000icle", hex('a'), hex('b'), "p", "m"))
        .hasMessageContaining("NUL");
  }

  @Test
  void anEntryWhoseArtifactWasDeletedIsAMiss() throws Exception {
    Result r = stored("gone soon");
    cache.put(key, r);
    Files.delete(store.root().resolve(store.key(r.ref())));

    try (LogCapture logs = new LogCapture(StepCache.class)) {
      assertThat(get(key)).isEmpty();
      assertThat(logs.messages(Level.INFO)).singleElement().asString().contains("no longer stored");
    }
  }

  @Test
  void corruptEntriesAreMissesWithAWarningNeverFailures() throws Exception {
    Result r = stored("hello");
    cache.put(key, r);
    Path entry = entryFile(key);
    String good = Files.readString(entry);
    List<String> broken =
        List.of(
            "{ not json",
            "",
            "{\"format\":\"bunsui-step-cache/1\"}",
            good.replace("gpt-test", "gpt-other"),
            good.replace("bunsui-step-cache/1", "bunsui-step-cache/0"),
            good.replace("\"ref\"", "\"reference\""));
    try (LogCapture logs = new LogCapture(StepCache.class)) {
      for (String content : broken) {
        Files.writeString(entry, content);
        assertThat(get(key)).as(content).isEmpty();
      }
      assertThat(logs.messages(Level.WARN))
          .hasSize(broken.size())
          .allSatisfy(m -> assertThat(m).contains(key.storeKey(), "running the step"));
    }
    Files.writeString(entry, good);
    assertThat(get(key)).contains(r);
  }

  @Test
  void getOrComputeRunsTheStepOnlyOnAMissOrARefresh() {
    AtomicInteger runs = new AtomicInteger();
    Result r = stored("computed");
    List<Cached<Result>> results = new ArrayList<>();
    try (LogCapture logs = new LogCapture(StepCache.class)) {
      for (boolean refresh : new boolean[] {false, false, true, false}) {
        results.add(
            cache.getOrCompute(
                key,
                "ch01-s1",
                refresh,
                Result.class,
                x -> List.of(x.ref()),
                () -> {
                  runs.incrementAndGet();
                  return r;
                }));
      }
      assertThat(logs.messages(Level.INFO))
          .containsExactly("step cache hit article ch01-s1", "step cache hit article ch01-s1");
    }
    assertThat(runs).hasValue(2);
    assertThat(results).extracting(Cached::hit).containsExactly(false, true, false, true);
    assertThat(results).extracting(Cached::value).containsOnly(r);
  }

  @Test
  void aFailingStepStoresNothing() {
    assertThatThrownBy(
            () ->
                cache.getOrCompute(
                    key,
                    "s",
                    false,
                    Result.class,
                    x -> List.of(x.ref()),
                    () -> {
                      throw new IllegalStateException("provider down");
                    }))
        .hasMessage("provider down");
    assertThat(entryFile(key)).doesNotExist();
  }

  @Test
  void concurrentWritersOfOneKeyLeaveOneWholeEntryAndReadersNeverSeeHalfOfOne() throws Exception {
    List<Result> values = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      values.add(stored("value " + i + " " + "x".repeat(20_000)));
    }
    List<Optional<Result>> seen = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try (LogCapture logs = new LogCapture(StepCache.class)) {
      List<Future<?>> futures = new ArrayList<>();
      for (Result v : values) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 25; i++) {
                    cache.put(key, v);
                    seen.add(get(key));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
      assertThat(logs.messages(Level.WARN)).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(200).allSatisfy(o -> assertThat(o).isPresent());
    assertThat(values).containsAll(seen.stream().map(Optional::get).toList());
    try (var files = Files.list(entryFile(key).getParent())) {
      assertThat(files).containsExactly(entryFile(key));
    }
  }
}
