package dev.bunsui.creative;

import dev.bunsui.generate.TextLimits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The offline composer (provider {@code template}): builds creative variants from the brief's
 * fields with fixed sentence templates, in English or Japanese (other languages get English and a
 * note in the provenance). Deterministic: variant {@code i} uses headline template {@code i mod 4},
 * body template {@code i mod 3} and call to action {@code i mod 3}, so the same brief always gives
 * the same creatives.
 *
 * <p>Slots: the subject is the product (the theme when there is none), the theme, the audience
 * ({@code everyone} / {@code みなさん} when none). The tone adds an opener ({@code urgent}: "Don't miss
 * it:", {@code excited}: "Big news!", {@code playful}: "Guess what?"; none for {@code friendly},
 * {@code professional} and unknown tones). Calls to action depend on the campaign type ({@code
 * event}: register; otherwise learn/try/start) unless the brief gives one. Hashtags are the brief's
 * (at most two), else made from the product and the theme ({@link TextLimits#hashtag}).
 */
public final class TemplateComposer {
  /** Provider name recorded in provenance. */
  public static final String PROVIDER = "template";

  /** Version of the templates; part of the provenance model name. */
  public static final String VERSION = "template-1";

  private static final List<String> EN_HEADLINES =
      List.of(
          "{subject}: {theme}",
          "{theme}, made simple with {subject}",
          "Why {audience} choose {subject}",
          "New for {audience}: {subject}");
  private static final List<String> EN_BODIES =
      List.of(
          "{subject} helps {audience} with {theme}. Easy to start, great results.",
          "See how {subject} turns {theme} into real results for {audience}.",
          "Get more from {theme} with {subject}. Built to save you time.");
  private static final List<String> JA_HEADLINES =
      List.of("{subject}で{theme}", "{theme}をもっと簡単に", "{audience}に選ばれる{subject}", "新登場：{subject}");
  private static final List<String> JA_BODIES =
      List.of(
          "{subject}は{audience}の{theme}をもっと簡単にします。",
          "{theme}の成果を{subject}で実感してください。",
          "{audience}にうれしい{subject}。{theme}を今日から始めましょう。");
  private static final Map<String, List<String>> EN_CTA =
      Map.of(
          "event", List.of("Register now", "Save your seat", "Join us"),
          "", List.of("Learn more", "Try it today", "Get started"));
  private static final Map<String, List<String>> JA_CTA =
      Map.of(
          "event", List.of("今すぐ申し込む", "参加登録はこちら", "ぜひご参加ください"),
          "", List.of("詳しくはこちら", "今すぐ試す", "今日から始める"));
  private static final Map<String, String> EN_OPENERS =
      Map.of("urgent", "Don't miss it: ", "excited", "Big news! ", "playful", "Guess what? ");
  private static final Map<String, String> JA_OPENERS =
      Map.of("urgent", "お見逃しなく！", "excited", "ついに登場！", "playful", "ねえ、知ってた？");

  /**
   * Composes {@code count} variants.
   *
   * @param brief the brief
   * @param count how many
   * @return the drafts, in variant order
   */
  public List<CreativeDraft> compose(CampaignBrief brief, int count) {
    boolean ja = brief.japanese();
    String subject = brief.product() != null ? brief.product() : brief.theme();
    String audience = brief.audience() != null ? brief.audience() : ja ? "みなさん" : "everyone";
    Map<String, String> slots =
        Map.of("subject", subject, "theme", brief.theme(), "audience", audience);
    String opener =
        (ja ? JA_OPENERS : EN_OPENERS).getOrDefault(brief.tone() == null ? "" : brief.tone(), "");
    String type = "event".equalsIgnoreCase(brief.type()) ? "event" : "";
    List<String> ctas = (ja ? JA_CTA : EN_CTA).get(type);
    List<String> tags = hashtags(brief, subject);
    List<CreativeDraft> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String headline = fill((ja ? JA_HEADLINES : EN_HEADLINES).get(i % 4), slots);
      String body = opener + fill((ja ? JA_BODIES : EN_BODIES).get(i % 3), slots);
      if (brief.url() != null) {
        body = body + " " + brief.url();
      }
      String cta = brief.callToAction() != null ? brief.callToAction() : ctas.get(i % 3);
      // alternate two tags and one tag so the variants differ in hashtag count too
      List<String> variantTags = i % 2 == 0 || tags.size() < 2 ? tags : tags.subList(0, 1);
      out.add(new CreativeDraft(headline, body, List.copyOf(variantTags), cta));
    }
    return out;
  }

  /** Whether templates exist for the brief's language (English and Japanese). */
  public static boolean supports(String lang) {
    String l = lang.toLowerCase(Locale.ROOT);
    return l.startsWith("en") || l.startsWith("ja");
  }

  private static List<String> hashtags(CampaignBrief brief, String subject) {
    Set<String> tags = new LinkedHashSet<>();
    for (String t : brief.hashtags()) {
      String tag = TextLimits.hashtag(t.startsWith("#") ? t.substring(1) : t);
      if (tag != null) {
        tags.add(tag);
      }
    }
    if (tags.isEmpty()) {
      for (String term : List.of(subject, brief.theme())) {
        String tag = TextLimits.hashtag(term);
        if (tag != null && tag.codePointCount(0, tag.length()) <= 20) {
          tags.add(tag);
        }
      }
    }
    return tags.stream().limit(2).toList();
  }

  private static String fill(String template, Map<String, String> slots) {
    String s = template;
    for (Map.Entry<String, String> e : slots.entrySet()) {
      s = s.replace("{" + e.getKey() + "}", e.getValue());
    }
    return s;
  }
}
