package dev.bunsui.generate;

import dev.bunsui.book.OutputKind;
import dev.bunsui.book.Provenance;
import dev.bunsui.llm.Keywords;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.llm.TextRank;
import dev.bunsui.llm.Words;
import dev.bunsui.support.Hashes;
import dev.bunsui.support.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code extractive} provider: every output is built from the section's own sentences, code and
 * figures, with no language model and no key.
 *
 * <ul>
 *   <li>Sentences are ranked with TextRank ({@link TextRank}; Mihalcea &amp; Tarau 2004).
 *   <li>Terms are the section's inline code spans, then keywords ({@link Keywords}: RAKE for Latin
 *       text, Katakana/Kanji/identifier runs for Japanese).
 *   <li>Level is a heuristic over technical density: {@code (distinct inline code terms + 2 × code
 *       blocks) per 100 words}: below 1.5 beginner, below 4 intermediate, else advanced.
 *   <li>Narration length assumes 150 words per minute for English and 300 characters per minute for
 *       Japanese (common broadcast speaking rates); a script aims at about two minutes.
 *   <li>Tokens are estimated by {@link Words#estimateTokens} (input: the section prose; output: the
 *       text produced) so provenance stays comparable with LLM runs.
 *   <li>The prompt hash is the SHA-256 of {@code extractive/textrank-1/<kind>}: the algorithm
 *       version stands in for the prompt.
 * </ul>
 */
public final class ExtractiveGenerator implements Generator {
  /** Model name recorded in provenance. */
  public static final String MODEL = "textrank-1";

  private static final int KEY_POINTS = 5;
  private static final int SUMMARY_SENTENCES = 3;
  private static final int MAX_TERMS = 10;
  private static final int MAX_CODE_BLOCKS = 3;
  private static final int MAX_POSTS = 5;
  private static final int SCRIPT_SECONDS = 120;

  @Override
  public String provider() {
    return LlmSettings.EXTRACTIVE;
  }

  @Override
  public String model() {
    return MODEL;
  }

  /**
   * SHA-256 of {@code extractive/textrank-1/<step>}: the algorithm version stands in for prompts.
   */
  @Override
  public String promptHash(String step) {
    return algorithmHash(step);
  }

  private static String algorithmHash(String step) {
    return Hashes.sha256("extractive/" + MODEL + "/" + step);
  }

  @Override
  public SectionAnalysis analyze(SectionText section) {
    List<String> sentences = section.candidateSentences();
    List<String> keyPoints = TextRank.topInOrder(sentences, KEY_POINTS);
    List<String> terms = terms(section);
    int words = Words.count(section.prose());
    int codeBlocks = section.codeBlocks().size();
    String out = String.join("\n", keyPoints) + String.join(",", terms);
    return new SectionAnalysis(
        keyPoints,
        level(section, words, codeBlocks),
        terms,
        words,
        codeBlocks,
        provenance("analysis", section, out));
  }

  @Override
  public Draft generate(OutputKind kind, SectionText section, SectionAnalysis analysis) {
    String text =
        switch (kind) {
          case ARTICLE -> article(section, analysis);
          case VIDEO_SCRIPT -> videoScript(section);
          case VIDEO_SCRIPT_JSON ->
              new String(
                  Json.write(videoScriptJson(section, analysis)),
                  java.nio.charset.StandardCharsets.UTF_8);
          case X_POSTS ->
              new String(
                  Json.write(xPosts(section, analysis)), java.nio.charset.StandardCharsets.UTF_8);
          case DESCRIPTION -> description(section);
          default -> throw new IllegalArgumentException(kind + " is not generated text");
        };
    return new Draft(text, provenance(kind.name().toLowerCase(Locale.ROOT), section, text));
  }

  private static List<String> terms(SectionText section) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    List<String> candidates = new ArrayList<>(section.inlineCodeTerms().stream().limit(5).toList());
    candidates.addAll(Keywords.extract(section.prose(), section.japanese(), MAX_TERMS));
    for (String t : candidates) {
      if (out.size() < MAX_TERMS && seen.add(t.toLowerCase(Locale.ROOT))) {
        out.add(t);
      }
    }
    return out;
  }

  private static String level(SectionText section, int words, int codeBlocks) {
    double density =
        (section.inlineCodeTerms().size() + 2.0 * codeBlocks) * 100.0 / Math.max(words, 1);
    return density < 1.5 ? "beginner" : density < 4 ? "intermediate" : "advanced";
  }

  private static String article(SectionText s, SectionAnalysis analysis) {
    boolean ja = s.japanese();
    StringBuilder b = new StringBuilder();
    b.append("# ").append(s.title()).append("\n\n");
    List<String> summary = TextRank.topInOrder(s.candidateSentences(), SUMMARY_SENTENCES);
    b.append(String.join(ja ? "" : " ", summary)).append("\n\n");
    List<String> points = analysis.keyPoints().stream().filter(p -> !summary.contains(p)).toList();
    if (!points.isEmpty()) {
      b.append(ja ? "## 要点\n\n" : "## Key points\n\n");
      points.forEach(p -> b.append("- ").append(p).append('\n'));
      b.append('\n');
    }
    List<SectionText.Code> code = s.codeBlocks();
    if (!code.isEmpty()) {
      b.append(ja ? "## コード\n\n" : "## Code\n\n");
      for (SectionText.Code c : code.subList(0, Math.min(MAX_CODE_BLOCKS, code.size()))) {
        String fence = c.code().contains("```") ? "~~~~" : "```";
        b.append(fence)
            .append(c.language() == null ? "" : c.language())
            .append('\n')
            .append(c.code().stripTrailing())
            .append('\n')
            .append(fence)
            .append("\n\n");
      }
    }
    List<String> figures = s.figureLinks();
    if (!figures.isEmpty()) {
      b.append(ja ? "## 図\n\n" : "## Figures\n\n");
      figures.forEach(f -> b.append(f).append("\n\n"));
    }
    b.append("---\n\n")
        .append(
            ja
                ? "_「" + s.title() + "」から bunsui の抽出型プロバイダ（TextRank）で抽出しました。言語モデルは使用していません。_"
                : "_Extracted from \""
                    + s.title()
                    + "\" by bunsui's extractive provider (TextRank); no language model was"
                    + " used._")
        .append('\n');
    return b.toString();
  }

  /** Sentences for narration: best first until about two minutes, then in document order. */
  private static List<String> narrationSentences(SectionText s) {
    List<String> sentences = s.candidateSentences();
    List<Integer> ranked = TextRank.top(sentences, sentences.size());
    int budget = SCRIPT_SECONDS * wordsPerMinute(s) / 60;
    List<Integer> chosen = new ArrayList<>();
    int used = 0;
    for (int i : ranked) {
      int w = Words.count(sentences.get(i));
      if (!chosen.isEmpty() && used + w > budget) {
        continue;
      }
      chosen.add(i);
      used += w;
    }
    chosen.sort(null);
    return chosen.stream().map(sentences::get).toList();
  }

  private static int wordsPerMinute(SectionText s) {
    return s.japanese() ? 300 : 150;
  }

  private static int seconds(SectionText s, String text) {
    return Math.max(2, (int) Math.ceil(Words.count(text) * 60.0 / wordsPerMinute(s)));
  }

  private static String intro(SectionText s) {
    return s.japanese()
        ? "この動画では「" + s.title() + "」を解説します。"
        : "This video covers \"" + s.title() + "\".";
  }

  private static String outro(SectionText s) {
    return s.japanese() ? "以上、「" + s.title() + "」でした。" : "That was \"" + s.title() + "\".";
  }

  private static String videoScript(SectionText s) {
    List<String> lines = new ArrayList<>();
    lines.add(intro(s));
    lines.addAll(narrationSentences(s));
    lines.add(outro(s));
    int total = lines.stream().mapToInt(l -> seconds(s, l)).sum();
    String note =
        s.japanese()
            ? "［bunsui の抽出型プロバイダ（TextRank）が節の本文から抽出した台本です。言語モデルは使用していません。約 "
                + total
                + " 秒（毎分 300 字）。］"
            : "[Extracted from the section text by bunsui's extractive provider (TextRank); no"
                + " language model was used. About "
                + total
                + " seconds at 150 words per minute.]";
    return String.join("\n\n", lines) + "\n\n" + note + "\n";
  }

  private static VideoScript videoScriptJson(SectionText s, SectionAnalysis analysis) {
    List<String> visuals = new ArrayList<>();
    for (String f : s.figureLinks()) {
      String alt = SectionText.altOf(f);
      visuals.add((s.japanese() ? "図: " : "Figure: ") + (alt.isBlank() ? f : alt + " " + f));
    }
    List<SectionText.Code> code = s.codeBlocks();
    for (int i = 0; i < code.size(); i++) {
      String lang = code.get(i).language() == null ? "" : " (" + code.get(i).language() + ")";
      visuals.add(
          (s.japanese() ? "節のコードブロック " : "Code block ")
              + (i + 1)
              + lang
              + (s.japanese() ? "" : " from the section"));
    }
    List<VideoScript.Scene> scenes = new ArrayList<>();
    String title = s.title();
    scenes.add(
        new VideoScript.Scene(
            intro(s),
            TextLimits.shorten(title, 120),
            (s.japanese() ? "タイトルスライド: " : "Title slide: ") + title,
            seconds(s, intro(s))));
    int v = 0;
    for (String sentence : narrationSentences(s)) {
      String onScreen =
          analysis.terms().stream()
              .filter(t -> sentence.toLowerCase(Locale.ROOT).contains(t.toLowerCase(Locale.ROOT)))
              .findFirst()
              .orElse(TextLimits.shorten(sentence, 60));
      String visual =
          v < visuals.size()
              ? visuals.get(v++)
              : (s.japanese() ? "スライド: " : "Slide showing: ") + onScreen;
      scenes.add(
          new VideoScript.Scene(
              sentence, TextLimits.shorten(onScreen, 120), visual, seconds(s, sentence)));
    }
    scenes.add(
        new VideoScript.Scene(
            outro(s),
            TextLimits.shorten(title, 120),
            (s.japanese() ? "まとめスライド: " : "Closing slide: ") + title,
            seconds(s, outro(s))));
    return new VideoScript(title, s.lang(), scenes);
  }

  private static List<String> xPosts(SectionText s, SectionAnalysis analysis) {
    List<String> tags = new ArrayList<>();
    for (String t : analysis.terms()) {
      String tag = TextLimits.hashtag(t);
      if (tag != null && !tags.contains(tag) && tags.size() < 2) {
        tags.add(tag);
      }
    }
    String suffix = String.join(" ", tags);
    List<String> sources =
        analysis.keyPoints().isEmpty()
            ? TextRank.topInOrder(s.candidateSentences(), MAX_POSTS)
            : analysis.keyPoints();
    List<String> posts = new ArrayList<>();
    for (String sentence : sources.subList(0, Math.min(MAX_POSTS, sources.size()))) {
      posts.add(TextLimits.fitPost(sentence, suffix));
    }
    if (posts.isEmpty()) {
      posts.add(TextLimits.fitPost(s.title(), suffix));
    }
    return posts;
  }

  private static String description(SectionText s) {
    List<String> sentences = s.candidateSentences();
    String best =
        sentences.isEmpty() ? s.title() : sentences.get(TextRank.top(sentences, 1).get(0));
    return TextLimits.shorten(best.replaceAll("\\s+", " ").strip(), TextLimits.DESCRIPTION_MAX);
  }

  private static Provenance provenance(String kind, SectionText s, String output) {
    return new Provenance(
        LlmSettings.EXTRACTIVE,
        MODEL,
        algorithmHash(kind),
        null,
        Words.estimateTokens(s.prose()),
        Words.estimateTokens(output),
        false);
  }
}
