package dev.bunsui.creative;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bunsui.generate.FakeOpenAi;
import dev.bunsui.generate.TextLimits;
import dev.bunsui.llm.ChatProviders;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Hashes;
import dev.bunsui.support.Json;
import dev.bunsui.thumbnail.ThumbnailRenderer;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import dev.bunsui.toolrun.ToolRunner;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ai_creative_studio} with the offline composer and with a fake OpenAI server. */
class CreativeStudioTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;
  LocalArtifactStore store;
  WireMockServer wm;
  ToolRunner runner;

  @BeforeEach
  void setUp() {
    store = new LocalArtifactStore(dir.resolve("out"));
    runner = new ToolRunner(store);
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
  }

  @AfterEach
  void tearDown() {
    wm.stop();
  }

  private CreativeStudioService service(LlmSettings settings) {
    return new CreativeStudioService(
        store,
        settings,
        new ChatProviders(n -> null, Clock.systemUTC()),
        new ThumbnailRenderer(null));
  }

  private ToolResult run(CreativeStudioService service, JsonNode input) {
    return runner.run(
        "ai_creative_studio",
        new ToolRequest("wf-1", "creative_generation", null, input),
        1,
        service::create);
  }

  private static ObjectNode brief(String lang) {
    ObjectNode in = Json.MAPPER.createObjectNode();
    in.putObject("brief")
        .put("type", "product_launch")
        .put("theme", lang.equals("ja") ? "在庫管理" : "inventory tracking")
        .put("product", "StockPilot")
        .put("audience", lang.equals("ja") ? "小さなお店" : "small shops")
        .put("tone", "friendly")
        .put("lang", lang);
    return in;
  }

  @Test
  void offlineComposerMakesVariantsThatFitTheirChannelsWithAStoredPng() throws Exception {
    ObjectNode in = brief("en");
    in.put("variants", 4);
    in.putArray("channels").add("x").add("slack");
    ToolResult r = run(service(LlmSettings.defaults()), in);

    JsonNode creatives = r.output().path("creatives");
    assertThat(creatives).hasSize(4);
    assertThat(r.output().path("provenance").path("provider").asText()).isEqualTo("template");
    assertThat(r.output().path("provenance").path("note").asText()).contains("no LLM");
    for (int i = 0; i < 4; i++) {
      JsonNode c = creatives.get(i);
      assertThat(c.path("id").asText()).startsWith("v" + (i + 1) + "-");
      assertThat(c.path("channel").asText()).isEqualTo(i % 2 == 0 ? "x" : "slack");
      assertThat(c.path("headline").asText()).isNotBlank();
      assertThat(c.path("body").asText()).contains("StockPilot");
      assertThat(c.path("hashtags").size()).isBetween(1, 2);
      c.path("hashtags").forEach(t -> assertThat(t.asText()).startsWith("#"));
      String text = c.path("text").asText();
      assertThat(text).contains(c.path("call_to_action").asText());
      assertThat(ChannelLimits.fits(c.path("channel").asText(), text)).isTrue();
      if (c.path("channel").asText().equals("x")) {
        assertThat(TextLimits.weightedLength(text)).isLessThanOrEqualTo(280);
      }
      assertStoredPng(c.path("image"));
    }
    // variants differ
    assertThat(creatives.findValuesAsText("text").stream().distinct()).hasSize(4);
    // deterministic: the same brief gives the same output, stored once
    ToolResult again = run(service(LlmSettings.defaults()), in);
    assertThat(again.output()).isEqualTo(r.output());
    assertThat(again.outputRef()).isEqualTo(r.outputRef());
    assertThat(Json.MAPPER.readTree(store.get(r.inputRef()))).isEqualTo(in);
    assertThat(Json.MAPPER.readTree(store.get(r.outputRef()))).isEqualTo(r.output());
  }

  @Test
  void japaneseAndOverlongBriefsStillFitXWeightedLength() {
    ObjectNode ja = brief("ja");
    ToolResult r = run(service(LlmSettings.defaults()), ja);
    for (JsonNode c : r.output().path("creatives")) {
      String text = c.path("text").asText();
      assertThat(text).contains("StockPilot");
      assertThat(TextLimits.validPost(text)).isTrue();
      assertThat(c.path("lang").asText()).isEqualTo("ja");
    }

    ObjectNode longBrief = Json.MAPPER.createObjectNode();
    longBrief.put("brief", "在庫".repeat(200));
    longBrief.put("lang", "ja");
    longBrief.put("images", false);
    JsonNode c = run(service(LlmSettings.defaults()), longBrief).output().path("creatives").get(0);
    assertThat(TextLimits.weightedLength(c.path("text").asText())).isLessThanOrEqualTo(280);
    assertThat(c.path("text").asText()).contains("…");
    assertThat(c.has("image")).isFalse();
  }

  @Test
  void openAiAnswerIsValidatedFittedAndRecordedInProvenance() throws Exception {
    String longBody = "Count every item in real time and never run out again. ".repeat(8);
    FakeOpenAi.answer(
        wm,
        "{\"creatives\": ["
            + "{\"headline\": \"Never run out\", \"body\": \""
            + longBody
            + "\","
            + " \"hashtags\": [\"#Inventory\", \"small business\"], \"call_to_action\": \"Try it\"},"
            + "{\"headline\": \"Stock, sorted\", \"body\": \"StockPilot counts for you.\","
            + " \"hashtags\": [\"StockPilot\"], \"call_to_action\": \"Learn more\"}]}");
    ObjectNode in = brief("en");
    in.put("variants", 2).put("provider", "openai");
    ToolResult r = run(service(FakeOpenAi.settings(wm)), in);

    JsonNode prov = r.output().path("provenance");
    assertThat(prov.path("provider").asText()).isEqualTo("openai");
    assertThat(prov.path("input_tokens").asLong()).isEqualTo(123);
    assertThat(prov.path("output_tokens").asLong()).isEqualTo(45);
    assertThat(prov.path("prompt_hash").asText()).hasSize(64);
    JsonNode first = r.output().path("creatives").get(0);
    assertThat(first.path("hashtags"))
        .extracting(JsonNode::asText)
        .containsExactly("#Inventory", "#SmallBusiness");
    assertThat(TextLimits.validPost(first.path("text").asText())).isTrue();
    assertThat(first.path("text").asText()).endsWith("Try it #Inventory #SmallBusiness");
    assertStoredPng(first.path("image"));
    // the brief reached the model, with a JSON schema
    String sent =
        wm.findAll(postRequestedFor(urlEqualTo(FakeOpenAi.PATH))).get(0).getBodyAsString();
    assertThat(sent).contains("inventory tracking").contains("json_schema");
  }

  @Test
  void tooFewCreativesFromTheModelIsBadOutput() {
    FakeOpenAi.answer(
        wm,
        "{\"creatives\": [{\"headline\": \"A\", \"body\": \"B\", \"hashtags\": [],"
            + " \"call_to_action\": \"C\"}]}");
    ObjectNode in = brief("en");
    in.put("provider", "openai");
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> run(service(FakeOpenAi.settings(wm)), in));
    assertThat(f.getType()).isEqualTo("LLM_BAD_OUTPUT");
    assertThat(f.getOriginalMessage()).contains("asked for 3 creatives, got 1");
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void rateLimitIsRetryableWithTheServersDelay() {
    wm.stubFor(
        post(urlEqualTo(FakeOpenAi.PATH))
            .willReturn(
                aResponse().withStatus(429).withHeader("Retry-After", "17").withBody("{}")));
    ObjectNode in = brief("en");
    in.put("provider", "openai");
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> run(service(FakeOpenAi.settings(wm)), in));
    assertThat(f.getType()).isEqualTo("LLM_RATE_LIMIT");
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getNextRetryDelay()).hasSeconds(17);
  }

  @Test
  void badInputNamesTheField() {
    ObjectNode noTheme = Json.MAPPER.createObjectNode();
    noTheme.putObject("brief").put("audience", "shops");
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> run(service(LlmSettings.defaults()), noTheme));
    assertThat(f.getType()).isEqualTo("INPUT_INVALID");
    assertThat(f.getOriginalMessage())
        .contains("step 'creative_generation'")
        .contains("brief.theme");

    ObjectNode badChannel = brief("en");
    badChannel.putArray("channels").add("x").add("fax");
    f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> run(service(LlmSettings.defaults()), badChannel));
    assertThat(f.getType()).isEqualTo("INPUT_INVALID");
    assertThat(f.getOriginalMessage()).contains("channels[1]").contains("fax");

    ObjectNode tooMany = brief("en");
    tooMany.put("variants", 50);
    f =
        catchThrowableOfType(
            ApplicationFailure.class, () -> run(service(LlmSettings.defaults()), tooMany));
    assertThat(f.getOriginalMessage()).contains("variants").contains("between 1 and 10");
  }

  @Test
  void activityRecordsTheAttemptAndStoredReferences() {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(
          new CreativeStudioActivitiesImpl(runner, service(LlmSettings.defaults())));
      var stub =
          env.newActivityStub(
              dev.bunsui.tool.CreativeStudioActivities.class,
              io.temporal.activity.ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(java.time.Duration.ofMinutes(1))
                  .build());
      ToolResult r = stub.createCreatives(new ToolRequest("wf-1", "gen", null, brief("en")));
      assertThat(r.attempt()).isEqualTo(1);
      assertThat(store.exists(r.inputRef())).isTrue();
      assertThat(store.exists(r.outputRef())).isTrue();
      assertThat(r.output().path("creatives")).hasSize(3);
    } finally {
      env.close();
    }
  }

  private void assertStoredPng(JsonNode image) throws Exception {
    assertThat(image.path("media_type").asText()).isEqualTo("image/png");
    byte[] png = Files.readAllBytes(Path.of(java.net.URI.create(image.path("uri").asText())));
    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_MAGIC);
    assertThat(Hashes.sha256(png)).isEqualTo(image.path("sha256").asText());
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isEqualTo(ThumbnailRenderer.WIDTH);
    assertThat(
            store.exists(
                new ArtifactRef(
                    image.path("uri").asText(),
                    image.path("sha256").asText(),
                    png.length,
                    "image/png")))
        .isTrue();
  }
}
