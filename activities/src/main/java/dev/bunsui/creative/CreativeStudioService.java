package dev.bunsui.creative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.generate.PromptException;
import dev.bunsui.generate.Prompts;
import dev.bunsui.llm.ChatProviders;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Hashes;
import dev.bunsui.support.Json;
import dev.bunsui.thumbnail.Thumbnail;
import dev.bunsui.thumbnail.ThumbnailRenderer;
import dev.bunsui.toolrun.ToolInput;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code ai_creative_studio} tool: creative variants from a campaign brief.
 *
 * <p>Input: {@code brief} (object with {@code theme} or {@code product}, optional {@code type},
 * {@code audience}, {@code tone}, {@code lang}, {@code call_to_action}, {@code hashtags}, {@code
 * url}; or a text taken as the theme), {@code variants} (1–10, default 3), {@code channels} (names
 * of {@link ChannelLimits#ALL}, default {@code ["x"]}; variant {@code i} goes to channel {@code i
 * mod channels}), {@code lang}, {@code provider} and {@code model} (default: the worker's {@code
 * bunsui.llm.default-provider}), {@code images} (default true).
 *
 * <p>Output: {@code {"creatives": [Creative...], "provenance": {"provider", "model", "prompt_hash",
 * "input_hash", "input_tokens", "output_tokens", "note"?}}}. {@code text} fits the channel ({@link
 * PostText}); the image is a {@value ThumbnailRenderer#WIDTH}×{@value ThumbnailRenderer#HEIGHT} PNG
 * card with the headline ({@link ThumbnailRenderer#renderCard}), stored content-addressed.
 *
 * <p>Providers: {@code extractive} (the offline default) composes with {@link TemplateComposer} and
 * records provider {@code template}; {@code openai}, {@code anthropic}, {@code ollama} ask the
 * model through {@link LlmComposer}.
 */
public final class CreativeStudioService {
  /** Default number of variants. */
  public static final int DEFAULT_VARIANTS = 3;

  /** Most variants one call makes. */
  public static final int MAX_VARIANTS = 10;

  private final ArtifactStore store;
  private final LlmSettings settings;
  private final ChatProviders providers;
  private final Prompts prompts;
  private final ThumbnailRenderer renderer;
  private final TemplateComposer templates = new TemplateComposer();
  private final Map<String, LlmComposer> composers = new ConcurrentHashMap<>();

  /**
   * Creates the service.
   *
   * @param store where images are stored
   * @param settings LLM settings (default provider, provider settings, prompt overrides)
   * @param providers creates chat providers
   * @param renderer draws the images
   */
  public CreativeStudioService(
      ArtifactStore store,
      LlmSettings settings,
      ChatProviders providers,
      ThumbnailRenderer renderer) {
    this.store = store;
    this.settings = settings;
    this.providers = providers;
    this.prompts = new Prompts(settings.promptOverrideDir());
    this.renderer = renderer;
  }

  /**
   * Creates the creatives.
   *
   * @param input the tool input
   * @return the output object described above
   * @throws dev.bunsui.toolrun.ToolInputException naming the field for bad input
   * @throws ApplicationFailure {@code LLM_*} from the provider, {@code LLM_BAD_OUTPUT} for an
   *     unusable answer, {@code LLM_BAD_REQUEST} for a broken prompt override
   */
  public JsonNode create(ToolInput input) {
    CampaignBrief brief = CampaignBrief.from(input);
    int count = input.integer("variants", DEFAULT_VARIANTS, 1, MAX_VARIANTS);
    List<String> channels = channels(input);
    boolean images = input.bool("images", true);
    String providerName = input.text("provider").orElse(settings.defaultProvider());
    String inputHash = Hashes.sha256(Json.write(input.node().path("brief")));

    ObjectNode provenance = Json.MAPPER.createObjectNode();
    List<CreativeDraft> drafts;
    if (LlmSettings.EXTRACTIVE.equals(providerName)
        || TemplateComposer.PROVIDER.equals(providerName)) {
      drafts = templates.compose(brief, count);
      provenance.put("provider", TemplateComposer.PROVIDER);
      provenance.put("model", TemplateComposer.VERSION);
      provenance.putNull("prompt_hash");
      provenance.put("input_hash", inputHash);
      provenance.put("input_tokens", 0).put("output_tokens", 0);
      provenance.put(
          "note",
          "composed offline from the brief's fields with fixed templates (no LLM)"
              + (TemplateComposer.supports(brief.lang())
                  ? ""
                  : "; no templates for '" + brief.lang() + "', written in English"));
    } else {
      LlmComposer composer = composer(providerName, input.text("model").orElse(null));
      LlmComposer.Result r;
      try {
        r = composer.compose(brief, count, channels);
      } catch (PromptException e) {
        throw Failures.of(ErrorCode.LLM_BAD_REQUEST, e.getMessage(), e);
      }
      drafts = r.drafts();
      provenance.put("provider", composer.provider());
      provenance.put("model", composer.model());
      provenance.put("prompt_hash", r.promptHash());
      provenance.put("input_hash", inputHash);
      provenance.put("input_tokens", r.inputTokens()).put("output_tokens", r.outputTokens());
    }

    List<Creative> creatives = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      CreativeDraft d = drafts.get(i);
      String channel = channels.get(i % channels.size());
      String text =
          PostText.compose(d.headline(), d.body(), d.hashtags(), d.callToAction(), channel);
      if (!ChannelLimits.fits(channel, text)) {
        throw Failures.of(
            ErrorCode.LLM_BAD_OUTPUT,
            "creative " + (i + 1) + " does not fit channel " + channel + " even shortened: " + text,
            null);
      }
      String id = "v" + (i + 1) + "-" + Hashes.sha256(text).substring(0, 8);
      Creative.Image image = images ? image(d, brief) : null;
      creatives.add(
          new Creative(
              id,
              d.headline(),
              d.body(),
              d.hashtags(),
              d.callToAction(),
              channel,
              brief.lang(),
              text,
              image));
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("creatives");
    creatives.forEach(c -> list.add(Json.MAPPER.valueToTree(c)));
    out.set("provenance", provenance);
    return out;
  }

  private Creative.Image image(CreativeDraft d, CampaignBrief brief) {
    String top = brief.product() != null ? brief.product() : brief.theme();
    Thumbnail t = renderer.renderCard(d.headline(), top, d.callToAction(), brief.lang());
    ArtifactRef ref = store.put(t.png(), "image/png", "png");
    return new Creative.Image(
        ref.uri(),
        ref.sha256(),
        ref.mediaType(),
        ThumbnailRenderer.WIDTH,
        ThumbnailRenderer.HEIGHT);
  }

  private static List<String> channels(ToolInput input) {
    List<String> raw = input.texts("channels");
    if (raw.isEmpty()) {
      return List.of(ChannelLimits.X);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String c = ChannelLimits.normalize(raw.get(i));
      if (c == null) {
        throw input.invalid(
            "channels[" + i + "]", "is '" + raw.get(i) + "'; use one of " + ChannelLimits.ALL);
      }
      out.add(c);
    }
    return out;
  }

  private LlmComposer composer(String name, String model) {
    return composers.computeIfAbsent(
        name + "\u0000" + model,
        k ->
            new LlmComposer(
                providers.create(name, settings.provider(name).withModel(model)), prompts));
  }
}
