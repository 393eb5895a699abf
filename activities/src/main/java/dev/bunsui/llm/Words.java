package dev.bunsui.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level helpers for the extractive provider: tokens for sentence similarity, English
 * stopwords, word counts and token estimates.
 */
public final class Words {
  /** Common English function words (a short SMART-style list), lowercase. */
  public static final Set<String> STOPWORDS =
      Set.of(
          "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
          "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
          "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
          "each", "either", "else", "even", "ever", "every", "few", "for", "from", "further", "get",
          "gets", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
          "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "lets",
          "like", "may", "me", "might", "more", "most", "much", "must", "my", "need", "no", "nor",
          "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "our",
          "ours", "out", "over", "own", "same", "see", "she", "should", "so", "some", "such",
          "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they",
          "this", "those", "through", "to", "too", "under", "until", "up", "us", "use", "used",
          "uses", "using", "very", "via", "want", "was", "way", "we", "well", "were", "what",
          "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with",
          "within", "without", "would", "yet", "you", "your", "yours", "s", "t", "ll", "re", "ve",
          "d", "m", "don", "doesn", "isn", "aren", "won", "can't", "don't", "it's", "let's",
          "we'll", "you'll", "that's", "there's", "we're", "you're", "i'm", "new", "make", "makes",
          "many", "first", "two", "able");

  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_']*");

  private Words() {}

  /**
   * Content tokens of a sentence for similarity: lowercase Latin words that are not stopwords
   * (plural {@code s} stripped), and character bigrams of every Han or Katakana run (a
   * one-character run counts as itself). Hiragana is skipped: in Japanese it mostly carries
   * grammar.
   */
  public static List<String> contentTokens(String sentence) {
    List<String> out = new ArrayList<>();
    Matcher m = LATIN_WORD.matcher(sentence);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!STOPWORDS.contains(w) && w.length() > 1) {
        out.add(stem(w));
      }
    }
    int[] cps = sentence.codePoints().toArray();
    int i = 0;
    while (i < cps.length) {
      if (!isKanjiOrKatakana(cps[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j < cps.length && isKanjiOrKatakana(cps[j])) {
        j++;
      }
      if (j - i == 1) {
        out.add(new String(cps, i, 1));
      } else {
        for (int k = i; k + 1 < j; k++) {
          out.add(new String(cps, k, 2));
        }
      }
      i = j;
    }
    return out;
  }

  /**
   * Counts words: Latin-script words plus one per CJK character (Japanese has no spaces; its
   * reading and speaking rates are measured in characters).
   */
  public static int count(String text) {
    int latin = 0;
    Matcher m = LATIN_WORD.matcher(text);
    while (m.find()) {
      latin++;
    }
    long cjk =
        text.chars().filter(c -> Character.isLetter(c) && SentenceSplitter.isCjk((char) c)).count();
    return latin + (int) cjk;
  }

  /**
   * Estimates LLM tokens of a text without a tokenizer: one per 4 characters of non-CJK text
   * (OpenAI's published rule of thumb for English) plus one per CJK character (BPE vocabularies
   * mostly split Japanese into single characters or less).
   */
  public static long estimateTokens(String text) {
    long cjk = 0;
    long other = 0;
    for (int i = 0; i < text.length(); i++) {
      if (SentenceSplitter.isCjk(text.charAt(i))) {
        cjk++;
      } else {
        other++;
      }
    }
    return cjk + (other + 3) / 4;
  }

  /** Whether a code point is Han (Kanji) or Katakana, including the prolonged sound mark. */
  public static boolean isKanjiOrKatakana(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || (s == Character.UnicodeScript.KATAKANA && cp != 0x30FB)
        || cp == 0x30FC;
  }

  private static String stem(String w) {
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
