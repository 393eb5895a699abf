package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.runBook;
import static dev.bunsui.cli.RealServerSupport.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.cli.RealServerSupport.Run;
import dev.bunsui.cli.it.TemporalDevServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Web UI of the real dev server, in headless Chromium: the page of a finished book run shows
 * its static summary, and a screenshot of it is written to {@code
 * starter-app/target/webui/book-run.png}.
 */
class WebUiScreenshotIT {
  @RegisterExtension
  static final TemporalDevServerExtension SERVER = new TemporalDevServerExtension();

  @TempDir Path work;

  @Test
  void theWebUiShowsABookRunWithItsSummary() throws Exception {
    String id = "book-it-webui";
    try (FakeLlmServer llm = new FakeLlmServer();
        EmbeddedWorker w = worker(SERVER.target(), work.resolve("store"), llm)) {
      Run run = runBook(SERVER.target(), id);
      assertThat(run.code()).as(run.err()).isZero();
    }
    String page = SERVER.uiUrl() + "/namespaces/default/workflows/" + id;
    Path dir = Files.createDirectories(RealServerSupport.ROOT.resolve("starter-app/target/webui"));

    String dom = chromium(dir, "--dump-dom", page);
    assertThat(dom).contains(id).contains("book: durable-pipelines");

    Path png = dir.resolve("book-run.png");
    Files.deleteIfExists(png);
    chromium(dir, "--screenshot=" + png, page);
    assertThat(png).exists();
    assertThat(Files.size(png)).as("screenshot bytes").isGreaterThan(20_000);
    byte[] head = Files.readAllBytes(png);
    assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  /** Runs headless Chromium on the page and returns its standard output. */
  private static String chromium(Path dir, String action, String page) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "chromium");
    cmd.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--hide-scrollbars",
            "--window-size=1440,1000",
            "--virtual-time-budget=20000",
            "--user-data-dir=" + Files.createTempDirectory(dir, "profile-"),
            action,
            page));
    Path out = Files.createTempFile(dir, "chromium-", ".out");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + cmd);
    }
    assertThat(p.exitValue()).as("chromium exit code for " + cmd).isZero();
    return Files.readString(out);
  }
}
