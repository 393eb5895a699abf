package dev.bunsui.generate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bunsui.book.BookContext;
import dev.bunsui.book.GenerateRequest;
import dev.bunsui.book.GeneratedOutput;
import dev.bunsui.book.OutputKind;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.parse.SectionContent;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Json;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI provider against a fake chat-completions server. */
class OpenAiGenerationTest {
  private static final String PATH = FakeOpenAi.PATH;
  private static final String MD =
      "Ownership is a set of rules that govern how a Rust program manages memory.\n\n"
          + "Each value in Rust has an owner. There can only be one owner at a time.\n\n"
          + "![The stack and the heap](figure:stack-heap)\n";

  @TempDir Path dir;
  WireMockServer wm;
  LocalArtifactStore store;
  SectionContent content;
  ArtifactRef contentRef;
  ArtifactRef analysisRef;
  BookContext openai = TestSections.book("en", "openai", "gpt-test");

  @BeforeEach
  void setUp() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    store = new LocalArtifactStore(dir.resolve("out"));
    content = TestSections.section("ch04-01", "What Is Ownership?", "en", MD);
    contentRef = TestSections.store(store, content);
    analysisRef =
        new GenerationService(store, LlmSettings.defaults())
            .analyze(TestSections.task(TestSections.book("en", null, null), contentRef, content));
  }

  @AfterEach
  void tearDown() {
    wm.stop();
  }

  private GenerationService service(Path promptDir) {
    return FakeOpenAi.service(wm, store, promptDir);
  }

  private GenerationService service() {
    return service(null);
  }

  private void answer(String content) {
    FakeOpenAi.answer(wm, content);
  }

  private void status(int status, String... headers) {
    var r =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"fake error " + status + "\",\"type\":\"x\"}}");
    for (int i = 0; i < headers.length; i += 2) {
      r = r.withHeader(headers[i], headers[i + 1]);
    }
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(r));
  }

  private GeneratedOutput generate(GenerationService s, OutputKind kind) {
    return s.generate(
        new GenerateRequest(openai, content.id(), content.title(), contentRef, analysisRef, kind));
  }

  private String text(GeneratedOutput out) {
    return new String(store.get(out.ref()), StandardCharsets.UTF_8);
  }

  @Test
  void jsonAnswerIsMappedWithTokenUsageAndSchemaRequested() throws Exception {
    answer(
        "```json\n{\"key_points\":[\"Rust manages memory through ownership.\",\"One owner at a time.\"],"
            + "\"level\":\"Beginner\",\"terms\":[\"ownership\",\"owner\"]}\n```");
    ArtifactRef ref = service().analyze(TestSections.task(openai, contentRef, content));
    SectionAnalysis a = Json.read(store.get(ref), SectionAnalysis.class);
    assertThat(a.keyPoints())
        .containsExactly("Rust manages memory through ownership.", "One owner at a time.");
    assertThat(a.level()).isEqualTo("beginner");
    assertThat(a.terms()).containsExactly("ownership", "owner");
    assertThat(a.provenance().provider()).isEqualTo("openai");
    assertThat(a.provenance().model()).isEqualTo("gpt-test");
    assertThat(a.provenance().inputTokens()).isEqualTo(123);
    assertThat(a.provenance().outputTokens()).isEqualTo(45);
    assertThat(a.provenance().promptHash()).isEqualTo(new Prompts(null).load("analysis").hash());
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(requests).hasSize(1);
    JsonNode sent = Json.MAPPER.readTree(requests.get(0).getBodyAsString());
    assertThat(sent.path("model").asText()).isEqualTo("gpt-test");
    assertThat(sent.path("response_format").path("type").asText()).isEqualTo("json_schema");
    assertThat(sent.path("response_format").path("json_schema").path("strict").asBoolean())
        .isTrue();
    assertThat(sent.path("messages").get(1).path("content").asText())
        .contains("What Is Ownership?");
    assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer sk-test");
  }

  @Test
  void articleKeepsFigureLinksAndRecordsProvenance() {
    answer("# Ownership\n\nRust tracks owners.");
    GeneratedOutput out = generate(service(), OutputKind.ARTICLE);
    assertThat(text(out))
        .startsWith("# Ownership")
        .contains("![The stack and the heap](figure:stack-heap)");
    assertThat(out.ref().mediaType()).isEqualTo("text/markdown; charset=utf-8");
    assertThat(out.provenance().inputHash()).hasSize(64);
    assertThat(out.provenance().outputTokens()).isEqualTo(45);
  }

  @Test
  void rateLimitHonoursRetryAfterWithoutClientRetries() {
    status(429, "Retry-After", "7");
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> generate(service(), OutputKind.DESCRIPTION));
    assertThat(f.getType()).isEqualTo("LLM_RATE_LIMIT");
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void unauthorizedSaysWhichKeyToSet() {
    status(401);
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> generate(service(), OutputKind.DESCRIPTION));
    assertThat(f.getType()).isEqualTo("LLM_AUTH");
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage())
        .contains("HTTP 401", "OPENAI_API_KEY", "bunsui.llm.providers.openai.api-key")
        .doesNotContain("sk-test");
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void serverErrorIsRetryableUnavailable() {
    status(500);
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> generate(service(), OutputKind.ARTICLE));
    assertThat(f.getType()).isEqualTo("LLM_UNAVAILABLE");
    assertThat(f.isNonRetryable()).isFalse();
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void badRequestIsNotRetryable() {
    status(400);
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> generate(service(), OutputKind.ARTICLE));
    assertThat(f.getType()).isEqualTo("LLM_BAD_REQUEST");
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void schemaViolatingScriptIsBadOutput() {
    answer(
        "{\"title\":\"Ownership\",\"lang\":\"en\",\"scenes\":[{\"narration\":\"Hi\",\"on_screen_text\":\"Hi\",\"visual\":\"slide\",\"duration_seconds\":0}]}");
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> generate(service(), OutputKind.VIDEO_SCRIPT_JSON));
    assertThat(f.getType()).isEqualTo("LLM_BAD_OUTPUT");
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("video-script.schema.json", "duration_seconds");
  }

  @Test
  void validScriptIsStoredAsJson() {
    answer(
        "{\"title\":\"Ownership\",\"lang\":\"en\",\"scenes\":[{\"narration\":\"Rust has owners.\",\"on_screen_text\":\"Owners\",\"visual\":\"Figure: figure:stack-heap\",\"duration_seconds\":8}]}");
    GeneratedOutput out = generate(service(), OutputKind.VIDEO_SCRIPT_JSON);
    VideoScript vs = Json.read(store.get(out.ref()), VideoScript.class);
    assertThat(vs.scenes())
        .singleElement()
        .satisfies(s -> assertThat(s.durationSeconds()).isEqualTo(8));
    assertThat(out.ref().mediaType()).isEqualTo("application/json");
  }

  @Test
  void overlongXPostIsBadOutput() {
    String longJa = "所有権".repeat(100);
    answer("{\"posts\":[\"Rust ownership in one post.\",\"" + longJa + "\"]}");
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> generate(service(), OutputKind.X_POSTS));
    assertThat(f.getType()).isEqualTo("LLM_BAD_OUTPUT");
    assertThat(f.getOriginalMessage()).contains("post 2", "weighted length 600");
  }

  @Test
  void overlongDescriptionIsTrimmedAtAWordBoundary() {
    answer(
        "Rust manages memory through a set of ownership rules checked by the compiler, "
            .repeat(4)
            .strip());
    String d = text(generate(service(), OutputKind.DESCRIPTION));
    assertThat(d.codePointCount(0, d.length())).isLessThanOrEqualTo(160);
    assertThat(d).endsWith("…").startsWith("Rust manages memory");
    assertThat(d.substring(0, d.length() - 1)).doesNotEndWith(" ").matches(".*\\w");
  }

  @Test
  void promptOverrideIsUsedAndChangesPromptHash() throws Exception {
    answer("A short description of ownership.");
    String bundled = generate(service(), OutputKind.DESCRIPTION).provenance().promptHash();
    Path prompts = dir.resolve("prompts");
    Files.createDirectories(prompts.resolve("description"));
    Files.writeString(
        prompts.resolve("description/system.md"),
        "OVERRIDDEN: describe {{title}} in {{lang}} within {{max_description_chars}} characters.");
    GeneratedOutput out = generate(service(prompts), OutputKind.DESCRIPTION);
    assertThat(out.provenance().promptHash()).isNotEqualTo(bundled).hasSize(64);
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(PATH))).get(1).getBodyAsString())
        .contains("OVERRIDDEN: describe What Is Ownership? in en within 160 characters.");
  }

  @Test
  void unknownPlaceholderFailsClearly() throws Exception {
    answer("unused");
    Path prompts = dir.resolve("prompts");
    Files.createDirectories(prompts.resolve("article"));
    Files.writeString(
        prompts.resolve("article/message.md"), "Title: {{title}}\nAuthor: {{author}}\n");
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> generate(service(prompts), OutputKind.ARTICLE));
    assertThat(f.getType()).isEqualTo("LLM_BAD_REQUEST");
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("{{author}}", "article/message.md", "line 2");
    wm.verify(0, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void plainTextKindsSendNoResponseFormat() throws Exception {
    answer("Plain narration.");
    GeneratedOutput out = generate(service(), OutputKind.VIDEO_SCRIPT);
    assertThat(text(out)).isEqualTo("Plain narration.\n");
    JsonNode sent =
        Json.MAPPER.readTree(
            wm.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBodyAsString());
    assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(sent.has("response_format")).isFalse();
  }
}
