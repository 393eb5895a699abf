package dev.bunsui.optimizer;

import dev.bunsui.llm.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readability of a short post in [0, 1].
 *
 * <p>English (and other languages written with spaces): the Flesch Reading Ease (Flesch, R. 1948,
 * "A new readability yardstick", Journal of Applied Psychology 32(3), 221–233): {@code 206.835 −
 * 1.015 × words/sentences − 84.6 × syllables/words}, clamped to [0, 100] and divided by 100.
 * Syllables are estimated by counting vowel groups ({@code a e i o u y}), minus a silent final
 * {@code e}, at least one per word — an approximation, as in most software implementations.
 *
 * <p>Japanese (any text containing kana): a documented heuristic, not a validated formula — the
 * mean of (a) a sentence-length score, 1 for sentences averaging at most 40 characters and falling
 * linearly to 0 at 100 (Japanese style guides commonly advise keeping sentences to about 40–60
 * characters), and (b) a kanji-ratio score, 1 when 20–35 % of the letters are kanji, falling
 * linearly to 0 at 0 % and at 70 % (style guides commonly cite about 30 % kanji as easy to read).
 *
 * <p>Hashtags, URLs and @mentions are removed before measuring; lines count as sentence breaks.
 */
public final class Readability {
  private static final Pattern NOISE = Pattern.compile("(https?://\\S+|[#＃@]\\S+)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
  private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

  private Readability() {}

  /**
   * The score of a text.
   *
   * @param text the post
   * @return [0, 1]; 0.5 when the text has no words
   */
  public static double score(String text) {
    String clean = NOISE.matcher(text).replaceAll(" ");
    return japanese(clean) ? japaneseScore(clean) : fleschScore(clean);
  }

  /** Whether the text contains hiragana or katakana. */
  static boolean japanese(String text) {
    return text.codePoints()
        .anyMatch(
            cp ->
                Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HIRAGANA
                    || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.KATAKANA);
  }

  /** Flesch Reading Ease of the text (unclamped), or NaN when it has no words. */
  public static double fleschReadingEase(String text) {
    List<String> sentences = sentences(text);
    int words = 0;
    int syllables = 0;
    for (String s : sentences) {
      Matcher m = WORD.matcher(s);
      while (m.find()) {
        words++;
        syllables += syllables(m.group());
      }
    }
    if (words == 0) {
      return Double.NaN;
    }
    int sentenceCount = Math.max(1, sentences.size());
    return 206.835 - 1.015 * words / sentenceCount - 84.6 * syllables / words;
  }

  private static double fleschScore(String text) {
    double fre = fleschReadingEase(text);
    if (Double.isNaN(fre)) {
      return 0.5;
    }
    return Math.max(0, Math.min(100, fre)) / 100.0;
  }

  /** Estimated syllables of an English word (vowel groups, silent final e, at least 1). */
  static int syllables(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (w.isEmpty()) {
      return 1;
    }
    int count = 0;
    Matcher m = VOWELS.matcher(w);
    while (m.find()) {
      count++;
    }
    if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le") && count > 1) {
      count--;
    }
    return Math.max(1, count);
  }

  private static double japaneseScore(String text) {
    List<String> sentences = sentences(text);
    int letters = 0;
    int kanji = 0;
    for (int cp : text.codePoints().toArray()) {
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
          kanji++;
        }
      }
    }
    if (letters == 0 || sentences.isEmpty()) {
      return 0.5;
    }
    double meanLength =
        sentences.stream().mapToInt(s -> s.codePointCount(0, s.length())).average().orElse(0);
    double lengthScore = meanLength <= 40 ? 1 : Math.max(0, 1 - (meanLength - 40) / 60.0);
    double ratio = (double) kanji / letters;
    double kanjiScore;
    if (ratio < 0.20) {
      kanjiScore = ratio / 0.20;
    } else if (ratio <= 0.35) {
      kanjiScore = 1;
    } else {
      kanjiScore = Math.max(0, 1 - (ratio - 0.35) / 0.35);
    }
    return (lengthScore + kanjiScore) / 2;
  }

  private static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        for (String s : SentenceSplitter.split(line)) {
          if (!s.isBlank()) {
            out.add(s.strip());
          }
        }
      }
    }
    return out;
  }
}
