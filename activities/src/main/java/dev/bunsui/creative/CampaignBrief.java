package dev.bunsui.creative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.toolrun.ToolInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A campaign brief, as the {@code campaign_automation} template's {@code campaign} input gives it.
 *
 * @param type campaign type ({@code product_launch}, {@code event}, {@code awareness} …); may be
 *     null
 * @param theme what the campaign is about; never blank
 * @param product the product or event name; may be null
 * @param audience who it speaks to; may be null
 * @param tone {@code friendly}, {@code professional}, {@code playful}, {@code urgent}, {@code
 *     excited} or any other word (passed to an LLM as is); may be null
 * @param lang BCP 47 language of the creatives ({@code en}, {@code ja} …); never null
 * @param callToAction a call to action every creative should use; may be null
 * @param hashtags hashtags every creative should use (with or without {@code #}); may be empty
 * @param url a link to include; may be null
 */
public record CampaignBrief(
    String type,
    String theme,
    String product,
    String audience,
    String tone,
    String lang,
    String callToAction,
    List<String> hashtags,
    String url) {

  /**
   * Reads the brief from the tool input: {@code brief} is an object with the fields above ({@code
   * theme} or {@code product} required; {@code call_to_action}, {@code hashtags}, {@code url}
   * optional) or a text, which becomes the theme. The language is the brief's {@code lang}, else
   * the input's {@code lang}, else {@code en}.
   *
   * @param input the tool input
   * @return the brief
   * @throws dev.bunsui.toolrun.ToolInputException naming the field when the brief is missing or has
   *     neither theme nor product
   */
  public static CampaignBrief from(ToolInput input) {
    JsonNode b = input.field("brief").orElseThrow(() -> input.invalid("brief", "is required"));
    String inputLang = input.text("lang").orElse(null);
    if (b.isTextual()) {
      if (b.asText().isBlank()) {
        throw input.invalid("brief", "is blank");
      }
      return new CampaignBrief(
          null, b.asText().strip(), null, null, null, lang(inputLang), null, List.of(), null);
    }
    if (!b.isObject()) {
      throw input.invalid("brief", "must be an object or a text, got " + b.getNodeType());
    }
    ToolInput brief = new ToolInput(input.step(), b);
    String theme = brief.text("theme").orElse(null);
    String product = brief.text("product").orElse(null);
    if (theme == null && product == null) {
      throw input.invalid("brief.theme", "is required (or brief.product)");
    }
    List<String> tags = new ArrayList<>();
    try {
      tags.addAll(brief.texts("hashtags"));
    } catch (IllegalArgumentException e) {
      throw input.invalid("brief.hashtags", "must be an array of strings");
    }
    return new CampaignBrief(
        brief.text("type").orElse(null),
        theme == null ? product : theme,
        product,
        brief.text("audience").orElse(null),
        brief.text("tone").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null),
        lang(brief.text("lang").orElse(inputLang)),
        brief.text("call_to_action").orElse(null),
        List.copyOf(tags),
        brief.text("url").orElse(null));
  }

  /** Whether the creatives are in Japanese. */
  public boolean japanese() {
    return lang.toLowerCase(Locale.ROOT).startsWith("ja");
  }

  private static String lang(String l) {
    return l == null || l.isBlank() ? "en" : l.strip();
  }
}
