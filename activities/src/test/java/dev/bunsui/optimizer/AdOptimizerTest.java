package dev.bunsui.optimizer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bunsui.creative.CreativeStudioService;
import dev.bunsui.generate.FakeOpenAi;
import dev.bunsui.llm.ChatProviders;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Json;
import dev.bunsui.thumbnail.ThumbnailRenderer;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.toolrun.ToolInput;
import dev.bunsui.toolrun.ToolRunner;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feature model of {@code realtime_ad_optimizer}: monotone features, bounds, determinism. */
class AdOptimizerTest {
  private static final String WITH_CTA =
      "Meet StockPilot: simple inventory tracking for small shops. Try it today #Inventory";
  private static final String WITHOUT_CTA =
      "Meet StockPilot: simple inventory tracking for small shops. #Inventory";

  @TempDir Path dir;
  final List<String> outbox = new ArrayList<>();

  private AdOptimizerService service(LlmSettings settings) {
    return new AdOptimizerService(
        settings, new ChatProviders(n -> null, Clock.systemUTC()), () -> List.copyOf(outbox));
  }

  private JsonNode score(JsonNode input) {
    return service(LlmSettings.defaults()).score(new ToolInput("predict", input));
  }

  private static ObjectNode creatives(String... texts) {
    ObjectNode in = Json.MAPPER.createObjectNode();
    ArrayNode list = in.putArray("creatives");
    for (int i = 0; i < texts.length; i++) {
      list.addObject().put("id", "c" + i).put("channel", "x").put("text", texts[i]);
    }
    return in;
  }

  @Test
  void aCreativeWithoutCallToActionScoresLower() {
    JsonNode out = score(creatives(WITH_CTA, WITHOUT_CTA));
    JsonNode with = out.path("scores").get(0);
    JsonNode without = out.path("scores").get(1);
    assertThat(with.path("breakdown").path("call_to_action").asDouble()).isEqualTo(1.0);
    assertThat(without.path("breakdown").path("call_to_action").asDouble()).isEqualTo(0.0);
    assertThat(with.path("score").asDouble()).isGreaterThan(without.path("score").asDouble());
    assertThat(out.path("best").path("creative_id").asText()).isEqualTo("c0");
    assertThat(out.path("score").asDouble()).isEqualTo(with.path("score").asDouble());
  }

  @Test
  void aNearDuplicateOfAPastPostScoresLowerOnNovelty() {
    ObjectNode in =
        creatives(WITH_CTA, "Our spring sale on garden tools starts Monday. Shop now #Garden");
    in.putArray("past_posts").add(WITH_CTA.replace("small shops", "small stores"));
    JsonNode s = score(in).path("scores");
    double dup = s.get(0).path("breakdown").path("novelty").asDouble();
    double fresh = s.get(1).path("breakdown").path("novelty").asDouble();
    assertThat(dup).isLessThan(0.3);
    assertThat(fresh).isGreaterThan(0.8);

    // without past posts the same creative is fully novel; a post already in the outbox counts
    assertThat(
            score(creatives(WITH_CTA))
                .path("scores")
                .get(0)
                .path("breakdown")
                .path("novelty")
                .asDouble())
        .isEqualTo(1.0);
    outbox.add(WITH_CTA);
    assertThat(
            score(creatives(WITH_CTA))
                .path("scores")
                .get(0)
                .path("breakdown")
                .path("novelty")
                .asDouble())
        .isEqualTo(0.0);
  }

  @Test
  void lengthFitPeaksInTheSweetSpotAndIsZeroOverTheLimit() {
    assertThat(Features.lengthFit("x", "a".repeat(85))).isEqualTo(1.0);
    assertThat(Features.lengthFit("x", "a".repeat(20))).isBetween(0.5, 1.0);
    assertThat(Features.lengthFit("x", "a".repeat(200)))
        .isLessThan(1.0)
        .isGreaterThan(Features.lengthFit("x", "a".repeat(270)));
    assertThat(Features.lengthFit("x", "a".repeat(281))).isEqualTo(0.0);
    // Japanese weighs 2 per character: 45 characters = 90 weighted, in the sweet spot
    assertThat(Features.lengthFit("x", "あ".repeat(45))).isEqualTo(1.0);
    assertThat(Features.lengthFit("x", "あ".repeat(141))).isEqualTo(0.0);
    assertThat(Features.lengthFit("outbox", "a".repeat(5000))).isEqualTo(1.0);
    assertThat(Features.lengthFit("slack", "a".repeat(40_001))).isEqualTo(0.0);
  }

  @Test
  void hashtagsOneOrTwoAreBestOnX() {
    assertThat(Features.hashtags("x", "post #a")).isEqualTo(1.0);
    assertThat(Features.hashtags("x", "post #a #b")).isEqualTo(1.0);
    assertThat(Features.hashtags("x", "post")).isEqualTo(0.5);
    assertThat(Features.hashtags("x", "post #a #b #c")).isEqualTo(0.6);
    assertThat(Features.hashtags("x", "post #a #b #c #d #e")).isEqualTo(0.0);
    assertThat(Features.hashtags("slack", "post #a #b #c")).isEqualTo(1.0);
  }

  @Test
  void readabilityFollowsFleschAndTheJapaneseHeuristic() {
    // 2 sentences, 12 words, 13 syllables ("very" has two)
    assertThat(Readability.fleschReadingEase("The cat sat on the mat. It was a very big cat."))
        .isCloseTo(206.835 - 1.015 * 6 - 84.6 * (13.0 / 12), within(1e-9));
    double simple = Readability.score("We sell good tools. You will like them.");
    double hard =
        Readability.score(
            "Organizational interoperability considerations necessitate comprehensive"
                + " infrastructural modernization initiatives.");
    assertThat(simple).isGreaterThan(hard);
    assertThat(hard).isBetween(0.0, 0.2);
    double jaShort = Readability.score("在庫管理を簡単に。今日から始めましょう。");
    double jaLong =
        Readability.score("ざいこかんりをかんたんにするためのあたらしいほうほうをみなさんにごしょうかいしたいとおもいますのでぜひさいごまでよんでくださいね");
    assertThat(jaShort).isGreaterThan(jaLong);
  }

  @Test
  void sentimentIsOrderedPositiveNeutralNegative() {
    assertThat(Sentiment.score("An easy, fast and reliable tool you will love"))
        .isGreaterThan(Sentiment.score("A tool for inventory"))
        .isEqualTo(1.0);
    assertThat(Sentiment.score("A tool for inventory")).isEqualTo(0.5);
    assertThat(Sentiment.score("Inventory is hard and slow, a painful problem")).isEqualTo(0.0);
    assertThat(Sentiment.score("在庫管理が簡単で便利に")).isEqualTo(1.0);
  }

  @Test
  void scoresStayInRangeInInputOrderAndAreDeterministic() {
    ObjectNode in =
        creatives(
            WITHOUT_CTA,
            WITH_CTA,
            "x".repeat(300),
            "在庫管理をもっと簡単に。StockPilotで今すぐ始めましょう！ #在庫管理",
            "#a #b #c #d #e #f");
    JsonNode first = score(in);
    assertThat(score(in)).isEqualTo(first);
    JsonNode s = first.path("scores");
    for (int i = 0; i < s.size(); i++) {
      assertThat(s.get(i).path("creative_id").asText()).isEqualTo("c" + i);
      assertThat(s.get(i).path("score").asDouble()).isBetween(0.0, 1.0);
      s.get(i).path("breakdown").forEach(v -> assertThat(v.asDouble()).isBetween(0.0, 1.0));
      assertThat(s.get(i).path("creative").path("text").asText()).isNotBlank();
    }
    assertThat(s.get(2).path("breakdown").path("length_fit").asDouble()).isZero();
    double max = 0;
    for (JsonNode e : s) {
      max = Math.max(max, e.path("score").asDouble());
    }
    assertThat(first.path("score").asDouble()).isEqualTo(max);
    assertThat(first.path("model").asText()).isEqualTo(AdOptimizerService.MODEL);
    double sum = 0;
    for (JsonNode w : first.path("weights")) {
      sum += w.asDouble();
    }
    assertThat(sum).isCloseTo(1.0, within(1e-3));
  }

  @Test
  void weightsAreConfigurableAndValidated() {
    ObjectNode in = creatives(WITH_CTA);
    in.putArray("past_posts").add(WITH_CTA);
    in.putObject("weights")
        .put("length_fit", 0)
        .put("readability", 0)
        .put("call_to_action", 0)
        .put("hashtags", 0)
        .put("sentiment", 0)
        .put("novelty", 2);
    JsonNode e = score(in).path("scores").get(0);
    assertThat(e.path("score").asDouble())
        .isEqualTo(e.path("breakdown").path("novelty").asDouble());

    ObjectNode bad = creatives(WITH_CTA);
    bad.putObject("weights").put("virality", 1);
    ToolRunner runner = new ToolRunner(new LocalArtifactStore(dir));
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                runner.run(
                    "realtime_ad_optimizer",
                    new ToolRequest("wf", "predict", null, bad),
                    1,
                    service(LlmSettings.defaults())::score));
    assertThat(f.getType()).isEqualTo("INPUT_INVALID");
    assertThat(f.getOriginalMessage()).contains("weights.virality").contains("novelty");
  }

  @Test
  void offlineTemplateCreativesPassTheCampaignThreshold() {
    LocalArtifactStore store = new LocalArtifactStore(dir.resolve("out"));
    CreativeStudioService studio =
        new CreativeStudioService(
            store,
            LlmSettings.defaults(),
            new ChatProviders(n -> null, Clock.systemUTC()),
            new ThumbnailRenderer(null));
    ObjectNode brief = Json.MAPPER.createObjectNode();
    brief.putObject("brief").put("theme", "inventory tracking").put("product", "StockPilot");
    brief.put("images", false).putArray("channels").add("x").add("outbox");
    JsonNode creatives = studio.create(new ToolInput("gen", brief)).path("creatives");
    ObjectNode in = Json.MAPPER.createObjectNode();
    in.set("creatives", creatives);
    for (JsonNode e : score(in).path("scores")) {
      assertThat(e.path("score").asDouble()).as(e.toString()).isGreaterThan(0.7);
      assertThat(e.path("creative_id").asText()).isEqualTo(e.path("creative").path("id").asText());
    }
  }

  @Test
  void llmJudgeIsBlendedWithItsWeight() {
    WireMockServer wm = new WireMockServer(options().dynamicPort());
    wm.start();
    try {
      FakeOpenAi.answer(wm, "{\"score\": 0.9, \"reason\": \"clear offer\"}");
      ObjectNode in = creatives(WITH_CTA);
      in.put("judge", true).put("provider", "openai");
      JsonNode out = service(FakeOpenAi.settings(wm)).score(new ToolInput("predict", in));
      JsonNode e = out.path("scores").get(0);
      double features = e.path("feature_score").asDouble();
      assertThat(e.path("judge").path("score").asDouble()).isEqualTo(0.9);
      assertThat(e.path("score").asDouble()).isCloseTo(0.7 * features + 0.3 * 0.9, within(1e-3));
      assertThat(out.path("judge").path("used").asBoolean()).isTrue();
      assertThat(out.path("model").asText()).contains("judge openai/");
      assertThat(FakeOpenAi.calls(wm)).isEqualTo(1);

      FakeOpenAi.answer(wm, "{\"score\": 7, \"reason\": \"out of range\"}");
      ApplicationFailure f =
          catchThrowableOfType(
              ApplicationFailure.class,
              () -> service(FakeOpenAi.settings(wm)).score(new ToolInput("predict", in)));
      assertThat(f.getType()).isEqualTo("LLM_BAD_OUTPUT");
    } finally {
      wm.stop();
    }
    ObjectNode offline = creatives(WITH_CTA);
    offline.put("judge", true);
    JsonNode out = score(offline);
    assertThat(out.path("judge").path("used").asBoolean()).isFalse();
    assertThat(out.path("judge").path("reason").asText()).contains("extractive");
    assertThat(out.path("scores").get(0).path("score").asDouble())
        .isEqualTo(out.path("scores").get(0).path("feature_score").asDouble());
  }
}
