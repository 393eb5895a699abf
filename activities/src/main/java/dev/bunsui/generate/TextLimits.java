package dev.bunsui.generate;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.util.List;

/**
 * Length limits of generated texts and how to meet them. X's limit is 280 <em>weighted</em>
 * characters as computed by twitter-text ({@code TwitterTextParser.parseTweet}): most CJK
 * characters and emoji weigh 2, URLs 23. Descriptions are limited to 160 code points (the usual
 * meta-description length).
 */
public final class TextLimits {
  /** Maximum weighted length of an X post. */
  public static final int X_POST_MAX_WEIGHTED = 280;

  /** Maximum description length in code points. */
  public static final int DESCRIPTION_MAX = 160;

  private static final String ELLIPSIS = "…";
  private static final Extractor EXTRACTOR = new Extractor();

  private TextLimits() {}

  /** The twitter-text weighted length of a post. */
  public static int weightedLength(String post) {
    return TwitterTextParser.parseTweet(post).weightedLength;
  }

  /** Whether twitter-text considers the post valid (non-empty, within 280 weighted characters). */
  public static boolean validPost(String post) {
    TwitterTextParseResults r = TwitterTextParser.parseTweet(post);
    return r.isValid && r.weightedLength <= X_POST_MAX_WEIGHTED;
  }

  /**
   * Builds a valid X post from a sentence and a suffix (hashtags), shortening the sentence by code
   * points (at a word boundary where one is near, then an ellipsis) until twitter-text accepts it.
   *
   * @param body the sentence
   * @param suffix appended after a blank line when not empty; dropped if even a short body cannot
   *     fit with it
   * @return a valid post
   */
  public static String fitPost(String body, String suffix) {
    String tail = suffix == null || suffix.isBlank() ? "" : "\n\n" + suffix;
    String whole = body + tail;
    if (validPost(whole)) {
      return whole;
    }
    int[] cps = body.codePoints().toArray();
    int lo = 0;
    int hi = cps.length;
    // binary search for the longest prefix that fits: weighted length grows with the prefix
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (validPost(cut(cps, mid) + tail)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    if (lo < 10 && !tail.isEmpty()) {
      return fitPost(body, "");
    }
    return cut(cps, lo) + tail;
  }

  /**
   * Shortens a text to at most {@code max} code points, at a word boundary when one lies in the
   * last fifth, ending with an ellipsis.
   */
  public static String shorten(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    int[] cps = text.codePoints().toArray();
    return cut(cps, max - 1);
  }

  /** The code point length of a text. */
  public static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * Turns a term into a hashtag that twitter-text extracts whole ({@code ownership rules} → {@code
   * #OwnershipRules}); null when that is impossible.
   */
  public static String hashtag(String term) {
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (int cp : term.codePoints().toArray()) {
      if (Character.isLetterOrDigit(cp) || cp == '_' || cp == 0x30FC) {
        b.appendCodePoint(upper && b.length() > 0 ? Character.toUpperCase(cp) : cp);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (b.isEmpty() || b.codePointCount(0, b.length()) > 30) {
      return null;
    }
    String tag = "#" + b;
    if (term.contains(" ")) {
      tag = "#" + Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }
    List<String> found = EXTRACTOR.extractHashtags(tag);
    return found.size() == 1 && ("#" + found.get(0)).equals(tag) ? tag : null;
  }

  private static String cut(int[] cps, int n) {
    if (n >= cps.length) {
      return new String(cps, 0, cps.length);
    }
    int end = n;
    int min = Math.max(0, n - n / 5);
    for (int i = n; i > min; i--) {
      if (Character.isWhitespace(cps[i])) {
        end = i;
        break;
      }
    }
    String s = new String(cps, 0, end).stripTrailing();
    while (!s.isEmpty() && ",;:、，".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s + ELLIPSIS;
  }
}
