package dev.bunsui.parse;

import java.text.Normalizer;
import java.util.Locale;

/** ASCII slugs for ids: lower case, runs of anything else turned into one {@code -}. */
final class Slugs {
  private static final int MAX = 60;

  private Slugs() {}

  /** The slug of the text; empty when it has no ASCII letters or digits. */
  static String slug(String text) {
    if (text == null) {
      return "";
    }
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (plain.length() > MAX) {
      plain = plain.substring(0, MAX).replaceAll("-+$", "");
    }
    return plain;
  }

  /** The slug of a book title; {@code book} when it has no ASCII letters. */
  static String bookSlug(String title) {
    String s = slug(title);
    return s.chars().anyMatch(c -> c >= 'a' && c <= 'z') ? s : "book";
  }
}
