package dev.bunsui.optimizer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentiment of a post in [0, 1] from a small hand-made lexicon of marketing words (a documented
 * heuristic, not a validated sentiment model). English words match whole words, case-insensitively;
 * Japanese entries match as substrings. With {@code p} positive and {@code n} negative matches the
 * score is {@code 0.5 + 0.5 × (p − n) / (p + n)}, and 0.5 (neutral) when nothing matches.
 */
public final class Sentiment {
  /** English positive words. */
  static final List<String> EN_POSITIVE =
      List.of(
          "love",
          "great",
          "easy",
          "easier",
          "simple",
          "best",
          "better",
          "new",
          "free",
          "fast",
          "save",
          "happy",
          "amazing",
          "enjoy",
          "perfect",
          "powerful",
          "results",
          "smart",
          "fun",
          "trusted",
          "win",
          "delight",
          "effortless",
          "reliable",
          "proud",
          "excited",
          "welcome");

  /** English negative words. */
  static final List<String> EN_NEGATIVE =
      List.of(
          "hard",
          "bad",
          "slow",
          "worst",
          "fail",
          "fails",
          "failure",
          "problem",
          "problems",
          "difficult",
          "expensive",
          "boring",
          "hate",
          "broken",
          "risk",
          "worry",
          "lose",
          "waste",
          "painful",
          "annoying",
          "confusing",
          "sorry",
          "poor",
          "ugly");

  /** Japanese positive entries. */
  static final List<String> JA_POSITIVE =
      List.of(
          "簡単", "便利", "嬉しい", "うれしい", "最高", "楽しい", "安心", "快適", "成果", "実感", "人気", "おすすめ", "お得", "素敵",
          "満足", "新登場");

  /** Japanese negative entries. */
  static final List<String> JA_NEGATIVE =
      List.of("難しい", "面倒", "不安", "失敗", "遅い", "問題", "困る", "困った", "最悪", "無駄", "不便", "残念");

  private static final Pattern WORD = Pattern.compile("[a-z']+");

  private Sentiment() {}

  /**
   * The score of a text.
   *
   * @param text the post
   * @return [0, 1]; 0.5 when no lexicon entry occurs
   */
  public static double score(String text) {
    int positive = 0;
    int negative = 0;
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (EN_POSITIVE.contains(w)) {
        positive++;
      } else if (EN_NEGATIVE.contains(w)) {
        negative++;
      }
    }
    for (String p : JA_POSITIVE) {
      positive += occurrences(text, p);
    }
    for (String n : JA_NEGATIVE) {
      negative += occurrences(text, n);
    }
    if (positive + negative == 0) {
      return 0.5;
    }
    return 0.5 + 0.5 * (positive - negative) / (double) (positive + negative);
  }

  private static int occurrences(String text, String entry) {
    int count = 0;
    for (int i = text.indexOf(entry); i >= 0; i = text.indexOf(entry, i + entry.length())) {
      count++;
    }
    return count;
  }
}
