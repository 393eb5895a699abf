package dev.bunsui.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits prose into sentences. Japanese (and other CJK) sentences end at {@code 。！？} (and
 * full-width {@code ．}), plus closing brackets such as {@code 」}. English sentences end at {@code .
 * ! ?} (plus closing quotes or brackets) followed by white space and a character that can start a
 * sentence, except after a known abbreviation ({@code e.g.}, {@code Dr.}, {@code Fig.} …) or a
 * single-letter initial. Line breaks inside a paragraph are soft: they join with a space between
 * Latin text and with nothing next to a CJK character.
 */
public final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "e.g", "i.e", "etc", "vs", "cf", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "fig",
          "figs", "no", "nos", "vol", "approx", "ca", "al", "ch", "sec", "eq", "inc", "ltd", "co",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
  private static final String CJK_TERMINATORS = "。！？．";
  private static final String CLOSERS = "\"'”’)]}」』）】〕";

  private SentenceSplitter() {}

  /**
   * Splits a text into trimmed, non-empty sentences in document order.
   *
   * @param text prose, possibly with soft line breaks
   * @return the sentences; each is a substring of {@link #normalize(String)} of the text
   */
  public static List<String> split(String text) {
    String t = normalize(text);
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = t.length();
    while (i < n) {
      char c = t.charAt(i);
      boolean cjk = CJK_TERMINATORS.indexOf(c) >= 0;
      boolean latin = c == '.' || c == '!' || c == '?';
      if (!cjk && !latin) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < n
          && (CLOSERS.indexOf(t.charAt(end)) >= 0
              || CJK_TERMINATORS.indexOf(t.charAt(end)) >= 0
              || t.charAt(end) == '!'
              || t.charAt(end) == '?')) {
        end++;
      }
      if (cjk || (latin && latinBoundary(t, i, end))) {
        add(out, t.substring(start, end));
        start = end;
      }
      i = end;
    }
    add(out, t.substring(Math.min(start, n)));
    return out;
  }

  /**
   * Collapses white space: a line break next to a CJK character disappears, any other run of white
   * space becomes one space; the result is trimmed.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        b.append(c);
        i++;
        continue;
      }
      int j = i;
      boolean newline = false;
      while (j < n && Character.isWhitespace(text.charAt(j))) {
        newline |= text.charAt(j) == '\n';
        j++;
      }
      boolean prevCjk = b.length() > 0 && isCjk(b.charAt(b.length() - 1));
      boolean nextCjk = j < n && isCjk(text.charAt(j));
      if (!(newline && (prevCjk || nextCjk)) && b.length() > 0 && j < n) {
        b.append(' ');
      }
      i = j;
    }
    return b.toString().trim();
  }

  /** Whether the character is Han, Hiragana, Katakana or CJK punctuation. */
  public static boolean isCjk(char c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || (c >= '\u3000' && c <= '\u303f')
        || (c >= '\uff00' && c <= '\uffef');
  }

  private static boolean latinBoundary(String t, int at, int end) {
    if (end >= t.length()) {
      return true;
    }
    if (!Character.isWhitespace(t.charAt(end))) {
      return false;
    }
    int next = end;
    while (next < t.length() && Character.isWhitespace(t.charAt(next))) {
      next++;
    }
    if (next >= t.length()) {
      return true;
    }
    char nc = t.charAt(next);
    if (Character.isLowerCase(nc)) {
      return false;
    }
    if (t.charAt(at) == '.') {
      int w = at;
      while (w > 0 && (Character.isLetter(t.charAt(w - 1)) || t.charAt(w - 1) == '.')) {
        w--;
      }
      String word = t.substring(w, at).toLowerCase(Locale.ROOT);
      if (ABBREVIATIONS.contains(word)
          || (word.length() == 1 && Character.isUpperCase(t.charAt(w)))) {
        return false;
      }
    }
    return true;
  }

  private static void add(List<String> out, String s) {
    String t = s.trim();
    if (t.codePoints().anyMatch(Character::isLetterOrDigit)) {
      out.add(t);
    }
  }
}
