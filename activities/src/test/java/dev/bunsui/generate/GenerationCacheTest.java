package dev.bunsui.generate;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bunsui.book.BookContext;
import dev.bunsui.book.GenerateRequest;
import dev.bunsui.book.GeneratedOutput;
import dev.bunsui.book.OutputKind;
import dev.bunsui.cache.StepCache;
import dev.bunsui.llm.ChatProviders;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.parse.SectionContent;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Json;
import dev.bunsui.support.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step cache in analysis and generation, against a fake OpenAI server that counts calls: a
 * repeated step costs no second call unless the run asks for a refresh or something in its key
 * changed.
 */
class GenerationCacheTest {
  private static final String MD =
      "Ownership is a set of rules that govern how a Rust program manages memory.\n\n"
          + "Each value in Rust has an owner. There can only be one owner at a time.\n";

  @TempDir Path dir;
  WireMockServer wm;
  LocalArtifactStore store;
  SectionContent content;
  ArtifactRef contentRef;
  ArtifactRef analysisRef;

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

  /** A fresh service, as a new worker process would have: nothing is remembered in memory. */
  private GenerationService service(Path promptDir) {
    return FakeOpenAi.service(wm, store, promptDir);
  }

  private static BookContext book(String provider, String model, boolean refresh) {
    return new BookContext(
        "book-1", "Book", "en", Arrays.asList(OutputKind.values()), provider, model, refresh);
  }

  private GeneratedOutput generate(BookContext book, ArtifactRef section, OutputKind kind) {
    return generate(service(null), book, section, kind);
  }

  private GeneratedOutput generate(
      GenerationService s, BookContext book, ArtifactRef section, OutputKind kind) {
    return s.generate(
        new GenerateRequest(book, content.id(), content.title(), section, analysisRef, kind));
  }

  private String text(GeneratedOutput out) {
    return new String(store.get(out.ref()), StandardCharsets.UTF_8);
  }

  /** The stored entry files whose key is of the step. */
  private List<Path> entries(String step) throws Exception {
    try (Stream<Path> files = Files.walk(store.root().resolve("cache/steps"))) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .filter(
              p -> {
                JsonNode key = Json.read(read(p), JsonNode.class).path("key");
                return key.path("step").asText().equals(step);
              })
          .toList();
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theSameStepTwiceCallsTheModelOnceAndMarksTheReuse() throws Exception {
    FakeOpenAi.answer(wm, "# Ownership\n\nRust tracks owners.");
    BookContext openai = book("openai", "gpt-test", false);

    GeneratedOutput first = generate(openai, contentRef, OutputKind.ARTICLE);
    GeneratedOutput second;
    try (LogCapture logs = new LogCapture(StepCache.class)) {
      second = generate(openai, contentRef, OutputKind.ARTICLE);
      assertThat(logs.messages(Level.INFO)).containsExactly("step cache hit article ch04-01");
    }

    assertThat(FakeOpenAi.calls(wm)).isEqualTo(1);
    assertThat(first.provenance().cached()).isFalse();
    assertThat(second.provenance().cached()).isTrue();
    assertThat(second)
        .isEqualTo(new GeneratedOutput(first.kind(), first.ref(), first.provenance().asCached()));
    assertThat(second.provenance().outputTokens()).isEqualTo(45);
    assertThat(text(second)).isEqualTo(text(first)).startsWith("# Ownership");
    Path entry = entries("article").get(0);
    JsonNode key = Json.read(Files.readAllBytes(entry), JsonNode.class).path("key");
    assertThat(key.path("provider").asText()).isEqualTo("openai");
    assertThat(key.path("model").asText()).isEqualTo("gpt-test");
    assertThat(key.path("promptHash").asText()).isEqualTo(first.provenance().promptHash());
  }

  @Test
  void theDefaultModelIsPartOfTheKeySoNamingItExplicitlyHits() {
    FakeOpenAi.answer(wm, "A short description of ownership.");
    GeneratedOutput implicit =
        generate(book("openai", null, false), contentRef, OutputKind.DESCRIPTION);
    GeneratedOutput explicit =
        generate(
            book("openai", ChatProviders.OPENAI_MODEL, false), contentRef, OutputKind.DESCRIPTION);

    assertThat(FakeOpenAi.calls(wm)).isEqualTo(1);
    assertThat(implicit.provenance().model()).isEqualTo(ChatProviders.OPENAI_MODEL);
    assertThat(explicit.provenance().cached()).isTrue();
  }

  @Test
  void theAnalysisIsReusedAsTheSameReference() {
    FakeOpenAi.answer(
        wm, "{\"key_points\":[\"One owner at a time.\"],\"level\":\"beginner\",\"terms\":[]}");
    BookContext openai = book("openai", "gpt-test", false);

    ArtifactRef first = service(null).analyze(TestSections.task(openai, contentRef, content));
    ArtifactRef second = service(null).analyze(TestSections.task(openai, contentRef, content));

    assertThat(FakeOpenAi.calls(wm)).isEqualTo(1);
    assertThat(second).isEqualTo(first);
    assertThat(Json.read(store.get(second), SectionAnalysis.class).keyPoints())
        .containsExactly("One owner at a time.");
  }

  @Test
  void refreshCallsTheModelAgainAndStoresWhatItMadeForTheNextRun() {
    FakeOpenAi.answer(wm, "First description.");
    generate(book("openai", "gpt-test", false), contentRef, OutputKind.DESCRIPTION);
    FakeOpenAi.answer(wm, "Second description.");

    GeneratedOutput refreshed =
        generate(book("openai", "gpt-test", true), contentRef, OutputKind.DESCRIPTION);
    GeneratedOutput next =
        generate(book("openai", "gpt-test", false), contentRef, OutputKind.DESCRIPTION);

    assertThat(FakeOpenAi.calls(wm)).isEqualTo(2);
    assertThat(refreshed.provenance().cached()).isFalse();
    assertThat(text(refreshed)).isEqualTo("Second description.");
    assertThat(next.provenance().cached()).isTrue();
    assertThat(next.ref()).isEqualTo(refreshed.ref());
  }

  @Test
  void aDifferentPromptModelKindOrInputIsAMiss() throws Exception {
    FakeOpenAi.answer(wm, "A short description of ownership.");
    BookContext openai = book("openai", "gpt-test", false);
    generate(openai, contentRef, OutputKind.DESCRIPTION);

    Path prompts = dir.resolve("prompts");
    Files.createDirectories(prompts.resolve("description"));
    Files.writeString(prompts.resolve("description/system.md"), "Describe {{title}} briefly.");
    GeneratedOutput otherPrompt =
        generate(service(prompts), openai, contentRef, OutputKind.DESCRIPTION);
    assertThat(FakeOpenAi.calls(wm)).isEqualTo(2);

    GeneratedOutput otherModel =
        generate(book("openai", "gpt-other", false), contentRef, OutputKind.DESCRIPTION);
    assertThat(FakeOpenAi.calls(wm)).isEqualTo(3);

    GeneratedOutput otherKind = generate(openai, contentRef, OutputKind.VIDEO_SCRIPT);
    assertThat(FakeOpenAi.calls(wm)).isEqualTo(4);

    SectionContent edited =
        TestSections.section("ch04-01", "What Is Ownership?", "en", MD + "\nOne more line.\n");
    GeneratedOutput otherInput =
        generate(openai, TestSections.store(store, edited), OutputKind.DESCRIPTION);
    assertThat(FakeOpenAi.calls(wm)).isEqualTo(5);

    assertThat(List.of(otherPrompt, otherModel, otherKind, otherInput))
        .allSatisfy(o -> assertThat(o.provenance().cached()).isFalse());
    // and the first request still hits its own entry
    assertThat(generate(openai, contentRef, OutputKind.DESCRIPTION).provenance().cached()).isTrue();
    assertThat(FakeOpenAi.calls(wm)).isEqualTo(5);
  }

  @Test
  void anEntryWhoseOutputWasDeletedIsAMissAndTheOutputIsMadeAgain() throws Exception {
    FakeOpenAi.answer(wm, "# Ownership\n\nRust tracks owners.");
    BookContext openai = book("openai", "gpt-test", false);
    GeneratedOutput first = generate(openai, contentRef, OutputKind.ARTICLE);
    Path file = store.root().resolve(store.key(first.ref()));
    Files.delete(file);

    GeneratedOutput again = generate(openai, contentRef, OutputKind.ARTICLE);

    assertThat(FakeOpenAi.calls(wm)).isEqualTo(2);
    assertThat(again.provenance().cached()).isFalse();
    assertThat(file).isRegularFile();
    assertThat(text(again)).isEqualTo(text(first));
  }

  @Test
  void aCorruptEntryIsAMissWithAWarning() throws Exception {
    FakeOpenAi.answer(wm, "Plain narration.");
    BookContext openai = book("openai", "gpt-test", false);
    generate(openai, contentRef, OutputKind.VIDEO_SCRIPT);
    List<Path> entries = entries("video_script");
    assertThat(entries).hasSize(1);
    Files.writeString(entries.get(0), "{\"format\": \"bunsui-step-cache/1\", \"key\": [");

    GeneratedOutput again;
    try (LogCapture logs = new LogCapture(StepCache.class)) {
      again = generate(openai, contentRef, OutputKind.VIDEO_SCRIPT);
      assertThat(logs.messages(Level.WARN)).singleElement().asString().contains("is corrupt");
    }

    assertThat(FakeOpenAi.calls(wm)).isEqualTo(2);
    assertThat(again.provenance().cached()).isFalse();
    // the step rewrote the entry, so the next run hits again
    assertThat(generate(openai, contentRef, OutputKind.VIDEO_SCRIPT).provenance().cached())
        .isTrue();
  }

  @Test
  void theExtractiveProviderIsKeyedOnItsAlgorithmVersion() throws Exception {
    BookContext extractive = book(null, null, false);
    GeneratedOutput first = generate(extractive, contentRef, OutputKind.X_POSTS);
    GeneratedOutput second = generate(extractive, contentRef, OutputKind.X_POSTS);

    assertThat(first.provenance().cached()).isFalse();
    assertThat(second.provenance().cached()).isTrue();
    assertThat(second.ref()).isEqualTo(first.ref());
    JsonNode key =
        Json.read(Files.readAllBytes(entries("x_posts").get(0)), JsonNode.class).path("key");
    assertThat(key.path("provider").asText()).isEqualTo(LlmSettings.EXTRACTIVE);
    assertThat(key.path("model").asText()).isEqualTo(ExtractiveGenerator.MODEL);
    assertThat(key.path("promptHash").asText())
        .isEqualTo(new ExtractiveGenerator().promptHash("x_posts"));
    assertThat(FakeOpenAi.calls(wm)).isZero();
  }
}
