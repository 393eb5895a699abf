package dev.bunsui.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's {@code bunsui.*} settings (see {@code application.yml} for every key and its
 * environment variable).
 *
 * @param store where artifacts are written
 * @param parse book reading limits
 * @param llm LLM providers
 * @param figures figure renderers
 * @param thumbnail thumbnail rendering
 * @param faults failures switched on on purpose
 */
@ConfigurationProperties("bunsui")
public record BunsuiProperties(
    @DefaultValue Store store,
    @DefaultValue Parse parse,
    @DefaultValue Llm llm,
    @DefaultValue Figures figures,
    @DefaultValue Thumbnail thumbnail,
    @DefaultValue Faults faults) {

  /**
   * Artifact store.
   *
   * @param root local output folder
   */
  public record Store(@DefaultValue("./out") Path root) {}

  /**
   * Book reading.
   *
   * @param maxBookBytes the largest book (sum of its Markdown files) read, in bytes
   * @param allowRemoteImages whether image URLs on the network are fetched
   */
  public record Parse(
      @DefaultValue("20971520") long maxBookBytes,
      @DefaultValue("false") boolean allowRemoteImages) {}

  /**
   * LLM providers.
   *
   * @param defaultProvider provider used when a run names none
   * @param providers per provider name ({@code openai}, {@code anthropic}, {@code ollama}): base
   *     URL, API key (from the environment only), model, timeout, temperature
   * @param promptsDir a folder whose {@code <kind>/system.md} and {@code <kind>/message.md}
   *     override the built-in prompts; null for none
   */
  public record Llm(
      @DefaultValue("extractive") String defaultProvider,
      Map<String, Provider> providers,
      Path promptsDir) {}

  /**
   * One provider.
   *
   * @param baseUrl API base URL
   * @param apiKey API key; never logged
   * @param model model name
   * @param timeout per-request timeout
   * @param temperature sampling temperature, null for the provider's default
   */
  public record Provider(
      String baseUrl, String apiKey, String model, Duration timeout, Double temperature) {
    @Override
    public String toString() {
      return "Provider[baseUrl="
          + baseUrl
          + ", model="
          + model
          + ", apiKey="
          + (apiKey == null || apiKey.isBlank() ? "unset" : "***")
          + "]";
    }
  }

  /**
   * Figure renderers.
   *
   * @param mermaidCommand path of {@code mmdc}; null to look in {@code .tools/mermaid} and PATH
   * @param chromium path of the Chromium binary Mermaid drives; null for {@code /usr/bin/chromium}
   * @param renderTimeout time allowed per figure
   * @param maxPixels the largest PNG rendered, in pixels
   */
  public record Figures(
      Path mermaidCommand,
      Path chromium,
      @DefaultValue("60s") Duration renderTimeout,
      @DefaultValue("40000000") int maxPixels) {}

  /**
   * Thumbnails.
   *
   * @param fontFile a TrueType/OpenType font used for thumbnails; null to pick an installed font
   *     that displays the title
   */
  public record Thumbnail(Path fontFile) {}

  /**
   * The fault switch, for rehearsing failures and rerun-from-failure.
   *
   * @param failActivities activity type names ({@code ConvertFigure}, {@code GenerateArticle} …)
   *     whose every execution fails with a non-retryable {@code FAULT_INJECTED}; empty for none
   */
  public record Faults(List<String> failActivities) {
    /** Strips the names and drops blank ones; null means none. */
    public Faults {
      failActivities =
          failActivities == null
              ? List.of()
              : failActivities.stream()
                  .filter(java.util.Objects::nonNull)
                  .map(String::strip)
                  .filter(n -> !n.isEmpty())
                  .toList();
    }
  }
}
