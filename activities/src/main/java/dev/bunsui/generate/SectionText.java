package dev.bunsui.generate;

import dev.bunsui.llm.SentenceSplitter;
import dev.bunsui.parse.Block;
import dev.bunsui.parse.BlockType;
import dev.bunsui.parse.SectionContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What generation reads from a parsed section: candidate sentences, figure links, code blocks and
 * inline code terms.
 *
 * @param content the parsed section
 * @param lang BCP 47 language of the output
 */
public record SectionText(SectionContent content, String lang) {
  private static final Pattern FIGURE_LINK =
      Pattern.compile("!\\[[^\\]\\n]*\\]\\([^)\\s]+(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1[`~]*\\s*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]{1,40})`");
  private static final int MIN_LATIN_WORDS = 4;
  private static final int MIN_CJK_CHARS = 8;
  private static final int MAX_SENTENCE_CHARS = 400;

  /** A fenced code block: language (may be null) and code. */
  public record Code(String language, String code) {}

  /** Whether the output language is Japanese. */
  public boolean japanese() {
    return lang != null && lang.toLowerCase(java.util.Locale.ROOT).startsWith("ja");
  }

  /** The section title, or its id when it has none. */
  public String title() {
    return content.title() == null || content.title().isBlank() ? content.id() : content.title();
  }

  /** All sentences of paragraphs, list items and quotes, in document order. */
  public List<String> sentences() {
    List<String> out = new ArrayList<>();
    for (Block b : content.blocks()) {
      if (b.type() == BlockType.PARAGRAPH
          || b.type() == BlockType.LIST_ITEM
          || b.type() == BlockType.QUOTE) {
        out.addAll(SentenceSplitter.split(b.text()));
      }
    }
    return out;
  }

  /**
   * Sentences fit to quote: at least four Latin words or eight CJK characters, at most 400
   * characters; all sentences when none fits.
   */
  public List<String> candidateSentences() {
    List<String> all = sentences();
    List<String> fit =
        all.stream()
            .filter(s -> s.length() <= MAX_SENTENCE_CHARS)
            .filter(
                s ->
                    s.split("\\s+").length >= MIN_LATIN_WORDS
                        || s.chars().filter(c -> SentenceSplitter.isCjk((char) c)).count()
                            >= MIN_CJK_CHARS)
            .toList();
    return fit.isEmpty() ? all : fit;
  }

  /** Image links ({@code ![alt](target)}) of the section Markdown, in order, verbatim. */
  public List<String> figureLinks() {
    List<String> out = new ArrayList<>();
    Matcher m = FIGURE_LINK.matcher(markdown());
    while (m.find()) {
      if (!out.contains(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** The alt text of an image link. */
  public static String altOf(String figureLink) {
    int close = figureLink.indexOf("](");
    return close < 2 ? "" : figureLink.substring(2, close);
  }

  /** The code blocks, in order. */
  public List<Code> codeBlocks() {
    return content.blocks().stream()
        .filter(b -> b.type() == BlockType.CODE)
        .map(b -> new Code(b.language(), b.text()))
        .toList();
  }

  /**
   * Inline code spans of the Markdown outside fenced blocks, most frequent first (ties in document
   * order).
   */
  public List<String> inlineCodeTerms() {
    String text = FENCE.matcher(markdown()).replaceAll("");
    Map<String, Integer> freq = new LinkedHashMap<>();
    Matcher m = INLINE_CODE.matcher(text);
    while (m.find()) {
      String t = m.group(1).strip();
      if (!t.isEmpty()) {
        freq.merge(t, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> e = new ArrayList<>(freq.entrySet());
    e.sort((a, b) -> b.getValue() - a.getValue());
    return e.stream().map(Map.Entry::getKey).toList();
  }

  /** The prose of the section, one block per line. */
  public String prose() {
    return content.prose();
  }

  /** The section Markdown (empty when absent). */
  public String markdown() {
    return content.markdown() == null ? "" : content.markdown();
  }
}
