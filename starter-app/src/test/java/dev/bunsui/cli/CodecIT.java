package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.cli;
import static dev.bunsui.cli.RealServerSupport.worker;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.bunsui.cli.RealServerSupport.Run;
import dev.bunsui.cli.it.TemporalDevServerExtension;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A book run on the real dev server with the payload codec on in the worker process and in the CLI
 * (same {@code BUNSUI_CODEC_*} settings): the stored histories hold no plaintext of a section
 * heading of the book, the worker's codec endpoint decodes a payload of those histories back to
 * text containing it, and no configured secret (LLM API key, codec keys, codec token) appears in
 * the worker's log, in the CLI's output or in any stored history.
 */
class CodecIT {
  @RegisterExtension
  static final TemporalDevServerExtension SERVER = new TemporalDevServerExtension();

  /** A section heading of the test book: it crosses Temporal inside the parsed book outline. */
  static final String SENTENCE = "The lighthouse keeper counts seven silver boats";

  static final String WORKFLOW_ID = "book-it-codec";
  static final String K1 = key();
  static final String K2 = key();
  static final String TOKEN = "codec-token-" + key().substring(0, 20);
  static final String API_KEY = "sk-it-secret-" + key().substring(0, 24);

  @TempDir static Path work;
  static FakeLlmServer llm;
  static EmbeddedWorker worker;
  static int httpPort;
  static Run run;
  static Map<String, History> histories;

  static String key() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  static Map<String, String> codecEnv() {
    return Map.of(
        "BUNSUI_CODEC_ENABLED", "true",
        "BUNSUI_CODEC_KEYS", "k1:" + K1 + ",k2:" + K2,
        "BUNSUI_CODEC_KEY_ID", "k2");
  }

  @BeforeAll
  static void runABookWithTheCodecOn() throws Exception {
    llm = new FakeLlmServer();
    try (ServerSocket s = new ServerSocket(0)) {
      httpPort = s.getLocalPort();
    }
    Map<String, String> env = new java.util.HashMap<>(codecEnv());
    env.put("BUNSUI_CODEC_TOKEN", TOKEN);
    env.put("OPENAI_API_KEY", API_KEY);
    worker =
        worker(
            SERVER.target(),
            work.resolve("out"),
            llm,
            env,
            List.of(
                "--server.port=" + httpPort,
                // the most talkative levels ours and the SDK have: secrets must not leak even here
                "--logging.level.dev.bunsui=DEBUG",
                "--logging.level.io.temporal=DEBUG"));
    // the CLI in this JVM: the same settings, as system properties of the same names
    codecEnv().forEach(System::setProperty);

    Path book = Files.createDirectories(work.resolve("book"));
    Files.writeString(
        book.resolve("harbour.md"),
        "# Harbour Notes\n\nA short book about a harbour and its keeper.\n\n## "
            + SENTENCE
            + "\n\nEvery morning the keeper climbs the tower and writes down the boats he sees."
            + " The log is kept in a drawer under the lamp.\n");
    run =
        cli(
            "pipeline",
            "run",
            "book",
            "--source",
            book.toString(),
            "--kinds",
            "ARTICLE",
            "--provider",
            "openai",
            "--workflow-id",
            WORKFLOW_ID,
            "--target",
            SERVER.target(),
            "--format",
            "json");
    histories = RawHistories.of(SERVER.target(), WORKFLOW_ID);
  }

  @AfterAll
  static void stop() {
    codecEnv().keySet().forEach(System::clearProperty);
    if (worker != null) {
      worker.close();
    }
    if (llm != null) {
      llm.close();
    }
  }

  @Test
  void historiesAreEncryptedAndTheCodecEndpointDecodesThem() throws Exception {
    // the CLI encrypted the input and decrypted the result with the same keys
    assertThat(run.code()).as(run.err()).isZero();
    // the introduction under the title and the harbour section
    assertThat(run.json().path("result").path("sectionsDone").asInt()).as(run.out()).isEqualTo(2);
    assertThat(run.json().path("result").path("sectionsSkipped").asInt()).isZero();
    assertThat(run.json().path("result").path("chapters").asInt()).isEqualTo(1);
    assertThat(histories).containsKeys(WORKFLOW_ID, WORKFLOW_ID + "-chapter-1");
    assertThat(histories.size()).isGreaterThanOrEqualTo(3);

    String stored = RawHistories.bytes(histories);
    assertThat(stored).doesNotContain(SENTENCE).doesNotContain("lighthouse");
    assertThat(stored).contains("binary/encrypted").contains("k2");

    // the parse step's result (the book outline) as stored: encrypted under k2
    Payload outline = parseResult(histories.get(WORKFLOW_ID));
    assertThat(outline.getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(outline.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k2");

    // what the Web UI does: POST the payloads to <codec endpoint>/decode
    String body = JsonFormat.printer().print(Payloads.newBuilder().addPayloads(outline));
    HttpResponse<String> decoded =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/codec/decode"))
                    .header("Content-Type", "application/json")
                    .header("X-Namespace", "default")
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
    Payloads.Builder plain = Payloads.newBuilder();
    JsonFormat.parser().merge(decoded.body(), plain);
    Payload p = plain.getPayloads(0);
    assertThat(p.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("json/plain");
    assertThat(p.getData().toString(StandardCharsets.UTF_8)).contains(SENTENCE);

    // the CLI's history readers decrypt too
    Run jobs = cli("job", "list", "--session-id", WORKFLOW_ID, "--target", SERVER.target());
    assertThat(jobs.code()).as(jobs.err()).isZero();
    assertThat(jobs.json().path("status").asText()).isEqualTo("completed");
    assertThat(jobs.out()).doesNotContain("(encrypted summary)");
  }

  @Test
  void secretsAppearInNoLogLineAndNoHistory() throws Exception {
    assertThat(run.code()).as(run.err()).isZero();
    List<String> secrets = List.of(API_KEY, K1, K2, TOKEN);
    List<String> log = Files.readAllLines(worker.log(), StandardCharsets.UTF_8);
    // the log is real and talkative: the codec announced itself by key id, the SDK logged at DEBUG
    assertThat(log).anyMatch(l -> l.contains("payload codec on") && l.contains("[k1, k2]"));
    assertThat(log).anyMatch(l -> l.contains("DEBUG"));
    assertThat(log.size()).isGreaterThan(50);
    String stored = RawHistories.bytes(histories);
    for (String secret : secrets) {
      assertThat(log).as("worker log lines").noneMatch(l -> l.contains(secret));
      assertThat(stored).as("stored histories").doesNotContain(secret);
      assertThat(run.out() + run.err()).as("CLI output").doesNotContain(secret);
      // the raw key bytes, not only their Base64 text
      if (secret == K1 || secret == K2) {
        String raw = new String(Base64.getDecoder().decode(secret), StandardCharsets.ISO_8859_1);
        assertThat(stored).as("stored histories (raw key bytes)").doesNotContain(raw);
      }
    }
    // the API key was configured (from the environment) and used, just never logged
    assertThat(llm.total()).isGreaterThan(0);
    assertThat(llm.lastAuthorization()).isEqualTo("Bearer " + API_KEY);
  }

  private static Payload parseResult(History history) {
    long parseScheduled = -1;
    for (HistoryEvent e : history.getEventsList()) {
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
          && e.getActivityTaskScheduledEventAttributes()
              .getActivityType()
              .getName()
              .equals("ParseBook")) {
        parseScheduled = e.getEventId();
      }
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
          && e.getActivityTaskCompletedEventAttributes().getScheduledEventId() == parseScheduled) {
        return e.getActivityTaskCompletedEventAttributes().getResult().getPayloads(0);
      }
    }
    throw new AssertionError("no completed ParseBook activity in the book's history");
  }
}
