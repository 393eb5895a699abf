package dev.bunsui.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyword extraction for the extractive provider.
 *
 * <ul>
 *   <li>Latin text: RAKE (S. Rose, D. Engel, N. Cramer, W. Cowley, "Automatic Keyword Extraction
 *       from Individual Documents", in <i>Text Mining: Applications and Theory</i>, 2010).
 *       Candidate phrases are runs of up to three words between stopwords and punctuation; a word
 *       scores {@code degree / frequency}, a phrase the sum of its words.
 *   <li>CJK text: candidate terms are runs of Katakana (two or more characters, such as {@code
 *       オブジェクト}), runs of Kanji (two or more, such as {@code 変数宣言}) and ASCII identifiers; a term
 *       scores {@code frequency · (1 + ln length)}.
 * </ul>
 */
public final class Keywords {
  private static final Pattern LATIN_CHUNK =
      Pattern.compile("[A-Za-z][A-Za-z0-9_'+#-]*|[^\\sA-Za-z]");
  private static final Pattern KATAKANA_RUN = Pattern.compile("[\\p{IsKatakana}ー]{2,}");
  private static final Pattern KANJI_RUN = Pattern.compile("\\p{IsHan}{2,}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_]");
  private static final int MAX_PHRASE_WORDS = 3;

  private Keywords() {}

  /**
   * Extracts keywords, best first.
   *
   * @param text the prose
   * @param cjk whether the text is Japanese (or other CJK)
   * @param max how many at most
   * @return distinct keywords as they appear in the text (Latin phrases lowercase)
   */
  public static List<String> extract(String text, boolean cjk, int max) {
    Map<String, Double> scores = cjk ? cjkScores(text) : rakeScores(text);
    List<Map.Entry<String, Double>> entries = new ArrayList<>(scores.entrySet());
    // stable sort keeps first-occurrence order among ties
    entries.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    return entries.stream().limit(max).map(Map.Entry::getKey).toList();
  }

  static Map<String, Double> rakeScores(String text) {
    List<List<String>> phrases = new ArrayList<>();
    List<String> current = new ArrayList<>();
    Matcher m = LATIN_CHUNK.matcher(text);
    while (m.find()) {
      String tok = m.group();
      String w = tok.toLowerCase(Locale.ROOT);
      boolean word = Character.isLetter(tok.charAt(0));
      if (!word || Words.STOPWORDS.contains(w) || w.length() < 2) {
        flush(phrases, current);
      } else {
        current.add(w);
        if (current.size() == MAX_PHRASE_WORDS) {
          flush(phrases, current);
        }
      }
    }
    flush(phrases, current);
    Map<String, Integer> freq = new HashMap<>();
    Map<String, Integer> degree = new HashMap<>();
    for (List<String> p : phrases) {
      for (String w : p) {
        freq.merge(w, 1, Integer::sum);
        degree.merge(w, p.size(), Integer::sum);
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (List<String> p : phrases) {
      String phrase = String.join(" ", p);
      if (out.containsKey(phrase)) {
        continue;
      }
      double s = 0;
      for (String w : p) {
        s += (double) degree.get(w) / freq.get(w);
      }
      out.put(phrase, s);
    }
    return out;
  }

  static Map<String, Double> cjkScores(String text) {
    Map<String, Integer> freq = new LinkedHashMap<>();
    for (Pattern p : List.of(KATAKANA_RUN, KANJI_RUN, IDENTIFIER)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String t = m.group();
        if (p == IDENTIFIER && Words.STOPWORDS.contains(t.toLowerCase(Locale.ROOT))) {
          continue;
        }
        freq.merge(t, 1, Integer::sum);
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    freq.forEach((t, f) -> out.put(t, f * (1 + Math.log(t.codePointCount(0, t.length())))));
    return out;
  }

  private static void flush(List<List<String>> phrases, List<String> current) {
    if (!current.isEmpty()) {
      phrases.add(List.copyOf(current));
      current.clear();
    }
  }
}
