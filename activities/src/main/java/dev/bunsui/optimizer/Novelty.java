package dev.bunsui.optimizer;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Novelty of a post against earlier posts: {@code 1 − max Jaccard(S(post), S(past))}, where {@code
 * S} is the set of character 3-shingles of the text lower-cased with runs of white space collapsed
 * (resemblance by shingling, Broder, A. 1997, "On the resemblance and containment of documents",
 * Compression and Complexity of Sequences). Character shingles work the same for English and for
 * Japanese, which has no spaces between words. 1 when there are no earlier posts.
 */
public final class Novelty {
  /** Shingle length in characters. */
  public static final int SHINGLE = 3;

  private Novelty() {}

  /**
   * The novelty of a text and the most similar earlier post.
   *
   * @param score {@code 1 − similarity}, in [0, 1]
   * @param similarity the largest Jaccard similarity found
   * @param closest index of that earlier post in the list given, or -1 when there were none
   */
  public record Result(double score, double similarity, int closest) {}

  /**
   * Compares a text with earlier posts.
   *
   * @param text the post
   * @param past earlier posts
   * @return the novelty
   */
  public static Result of(String text, List<String> past) {
    Set<String> mine = shingles(text);
    double best = 0;
    int closest = -1;
    for (int i = 0; i < past.size(); i++) {
      double j = jaccard(mine, shingles(past.get(i)));
      if (closest < 0 || j > best) {
        best = j;
        closest = i;
      }
    }
    return new Result(1 - best, best, closest);
  }

  /** Jaccard similarity |A ∩ B| / |A ∪ B|; 1 for two empty sets. */
  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> inter = new HashSet<>(a);
    inter.retainAll(b);
    int union = a.size() + b.size() - inter.size();
    return (double) inter.size() / union;
  }

  /** The character shingles of a normalised text; the whole text when shorter than a shingle. */
  static Set<String> shingles(String text) {
    String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    int[] cps = t.codePoints().toArray();
    Set<String> out = new HashSet<>();
    if (cps.length == 0) {
      return out;
    }
    if (cps.length < SHINGLE) {
      out.add(t);
      return out;
    }
    for (int i = 0; i + SHINGLE <= cps.length; i++) {
      out.add(new String(cps, i, SHINGLE));
    }
    return out;
  }
}
