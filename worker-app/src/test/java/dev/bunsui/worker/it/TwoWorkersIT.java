package dev.bunsui.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two embedded workers started from the packaged jar on one machine, as the CLI starts them (the
 * jar with {@code --bunsui.embedded.enabled=true}, no HTTP port given): both get ready, each
 * announces its own HTTP address ({@code BUNSUI_WORKER_HTTP}) on a different free port before its
 * ready line, and each serves Prometheus metrics there.
 */
class TwoWorkersIT {
  private static final String HTTP = "BUNSUI_WORKER_HTTP ";
  private static final String READY = "BUNSUI_WORKER_READY ";

  @TempDir Path dir;

  @Test
  void twoEmbeddedWorkersServeMetricsOnTheirOwnPorts() throws Exception {
    Path jar = Path.of(System.getProperty("bunsui.buildDir", "target"), "bunsui-worker.jar");
    assertThat(jar).as("the packaged worker jar (mvn package)").isRegularFile();
    List<Process> processes = new ArrayList<>();
    try {
      Path logA = dir.resolve("a.log");
      Path logB = dir.resolve("b.log");
      processes.add(start(jar, "a", logA));
      processes.add(start(jar, "b", logB));
      List<String> a = awaitReady(processes.get(0), logA);
      List<String> b = awaitReady(processes.get(1), logB);

      String httpA = announced(a).orElseThrow(() -> new AssertionError("no HTTP line: " + a));
      String httpB = announced(b).orElseThrow(() -> new AssertionError("no HTTP line: " + b));
      assertThat(httpA).startsWith("http://127.0.0.1:").isNotEqualTo(httpB);
      assertThat(httpB).startsWith("http://127.0.0.1:");
      // the HTTP line comes before the ready line the CLI waits for
      assertThat(index(a, HTTP)).isLessThan(index(a, READY));

      for (String base : List.of(httpA, httpB)) {
        // the SDK reports its gauges every 10 s
        String body = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!body.contains("temporal_num_pollers") && System.nanoTime() < deadline) {
          HttpResponse<String> r =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                      HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as(base).isEqualTo(200);
          body = r.body();
          Thread.sleep(500);
        }
        assertThat(body).as(base).contains("temporal_num_pollers", "jvm_memory_used_bytes");
      }
    } finally {
      for (Process p : processes) {
        p.destroy();
        if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  private Process start(Path jar, String name, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true");
    command.add("-jar");
    command.add(jar.toString());
    command.add("--bunsui.embedded.enabled=true");
    command.add("--bunsui.store.root=" + dir.resolve(name + "-out"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static List<String> awaitReady(Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      List<String> lines = lines(log);
      if (lines.stream().anyMatch(l -> l.startsWith(READY))) {
        return lines;
      }
      if (!process.isAlive()) {
        throw new AssertionError("worker exited " + process.exitValue() + ":\n" + lines);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("worker not ready in 120 s:\n" + lines(log));
  }

  private static List<String> lines(Path log) throws IOException {
    return List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
  }

  private static Optional<String> announced(List<String> lines) {
    return lines.stream()
        .filter(l -> l.startsWith(HTTP))
        .map(l -> l.substring(HTTP.length()).strip())
        .findFirst();
  }

  private static int index(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
