package dev.bunsui.parse;

/**
 * Guesses a book's language from its prose by script: when at least 20% of the letters are CJK
 * (Han, kana, Hangul) the book is {@code ja} if kana make up at least 5% of those, else {@code ko}
 * if Hangul dominates, else {@code zh}; otherwise {@code en}.
 */
final class LanguageDetector {
  private LanguageDetector() {}

  /** The BCP 47 tag for the text. */
  static String detect(CharSequence text) {
    long letters = 0;
    long han = 0;
    long kana = 0;
    long hangul = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      switch (script) {
        case HIRAGANA, KATAKANA -> kana++;
        case HAN -> han++;
        case HANGUL -> hangul++;
        default -> {}
      }
    }
    long cjk = han + kana + hangul;
    if (letters == 0 || cjk * 5 < letters) {
      return "en";
    }
    if (kana * 20 >= cjk) {
      return "ja";
    }
    return hangul > han ? "ko" : "zh";
  }
}
