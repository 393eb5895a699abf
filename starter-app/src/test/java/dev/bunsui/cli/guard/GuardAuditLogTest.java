package dev.bunsui.cli.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.cli.guard.AuditRecord.Approval;
import dev.bunsui.cli.guard.AuditRecord.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log appends whole lines, from many writers, and never loses what was there. */
class GuardAuditLogTest {
  @TempDir Path dir;

  private static AuditRecord record(String actor, int n, String detail) {
    return new AuditRecord(
        "2024-01-10T10:30:00Z",
        actor,
        "job:rerun",
        "job-" + n,
        "ses-1",
        new Approval(false, null, null),
        Result.SUCCESS,
        detail);
  }

  @Test
  void concurrentAppendsFromSeveralThreadsYieldOneWellFormedLineEach() throws Exception {
    Path file = dir.resolve("a/b/audit.jsonl");
    int threads = 8;
    int each = 60;
    String big = "x".repeat(20_000); // larger than a pipe buffer: no interleaving inside a line
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String actor = "writer-" + t;
      AuditLog log = new AuditLog(file); // one instance per writer, as separate processes would
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  log.append(record(actor, i, i % 10 == 0 ? big : "line\nbreak \"quoted\""));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(threads * each);
    List<JsonNode> records = GuardFiles.records(file);
    assertThat(records)
        .allSatisfy(r -> assertThat(r.path("action").asText()).isEqualTo("job:rerun"));
    assertThat(records.stream().collect(Collectors.groupingBy(r -> r.path("actor").asText())))
        .hasSize(threads)
        .allSatisfy((actor, rs) -> assertThat(rs).hasSize(each));
    assertThat(records.get(1).path("detail").asText()).isIn("line\nbreak \"quoted\"", big);
  }

  @Test
  void separateProcessesAppendWholeLinesToo() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<Process> writers = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      writers.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  Writer.class.getName(),
                  file.toString(),
                  "process-" + p,
                  "80")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("writer-" + p + ".log").toFile())
              .start());
    }
    for (Process w : writers) {
      assertThat(w.waitFor()).as(Files.readString(dir.resolve("writer-0.log"))).isZero();
    }
    List<JsonNode> records = GuardFiles.records(file);
    assertThat(records).hasSize(3 * 80);
    assertThat(records.stream().collect(Collectors.groupingBy(r -> r.path("actor").asText())))
        .containsOnlyKeys("process-0", "process-1", "process-2")
        .allSatisfy((actor, rs) -> assertThat(rs).hasSize(80));
  }

  /** A separate CLI-like process appending records: {@code FILE ACTOR COUNT}. */
  static final class Writer {
    public static void main(String[] args) {
      AuditLog log = new AuditLog(Path.of(args[0]));
      for (int i = 0; i < Integer.parseInt(args[2]); i++) {
        log.append(record(args[1], i, "y".repeat(i * 500)));
      }
    }
  }

  @Test
  void appendsNeverTruncateWhatIsAlreadyThere() throws Exception {
    Path file = GuardFiles.write(dir.resolve("audit.jsonl"), "{\"earlier\":true}\n");
    new AuditLog(file).append(record("a", 1, null));
    new AuditLog(file).append(record("b", 2, null));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("{\"earlier\":true}");
    assertThat(lines.get(2))
        .isEqualTo(
            "{\"timestamp\":\"2024-01-10T10:30:00Z\",\"actor\":\"b\",\"action\":\"job:rerun\","
                + "\"resource\":\"job-2\",\"session_id\":\"ses-1\",\"approval\":{\"required\":false,"
                + "\"approved_by\":null,\"approved_at\":null},\"result\":\"success\",\"detail\":null}");
  }
}
