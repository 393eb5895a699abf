package dev.bunsui.pipeline.definition;

import java.util.Collection;

/**
 * "Did you mean …?" for misspelt names: the candidate with the smallest edit distance (insertions,
 * deletions, substitutions and adjacent transpositions of one character each: Levenshtein, 1966,
 * with Damerau's transposition, 1964, as optimal string alignment), when that distance is at most a
 * third of the longer name (at least 1), so unrelated names are not suggested.
 */
final class Suggestions {
  private Suggestions() {}

  /**
   * A suggestion to append to a reason.
   *
   * @param name the misspelt name
   * @param candidates the valid names
   * @return {@code " (did you mean 'x'?)"}, or {@code ""} when no candidate is close
   */
  static String didYouMean(String name, Collection<String> candidates) {
    String best = nearest(name, candidates);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** The closest candidate within the threshold, or null. */
  static String nearest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name, c);
      int limit = Math.max(1, Math.max(name.length(), c.length()) / 3);
      if (d <= limit && d < Math.min(name.length(), c.length()) && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * Optimal string alignment distance: Levenshtein's edits plus the transposition of two adjacent
   * characters (Damerau, 1964), by dynamic programming over the full table.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
