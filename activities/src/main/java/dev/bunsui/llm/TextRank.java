package dev.bunsui.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * TextRank sentence scoring, after R. Mihalcea and P. Tarau, "TextRank: Bringing Order into Texts",
 * EMNLP 2004, §4. Sentences are vertices of an undirected graph; the weight of an edge is their
 * content overlap {@code |S_i ∩ S_j| / (log|S_i| + log|S_j|)}; scores come from weighted PageRank
 * {@code WS(V_i) = (1 − d) + d · Σ_j w_ji / Σ_k w_jk · WS(V_j)} with damping {@code d = 0.85},
 * iterated until no score changes by more than {@code 1e-4} (at most 100 rounds).
 */
public final class TextRank {
  /** Damping factor of the paper. */
  public static final double DAMPING = 0.85;

  private static final double EPSILON = 1e-4;
  private static final int MAX_ITERATIONS = 100;

  private TextRank() {}

  /**
   * Scores sentences.
   *
   * @param sentences the sentences
   * @return one score per sentence, same order; higher is more central
   */
  public static double[] scores(List<String> sentences) {
    int n = sentences.size();
    List<List<String>> tokens = sentences.stream().map(Words::contentTokens).toList();
    double[][] w = new double[n][n];
    double[] outSum = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = similarity(tokens.get(i), tokens.get(j));
        w[i][j] = s;
        w[j][i] = s;
        outSum[i] += s;
        outSum[j] += s;
      }
    }
    double[] score = new double[n];
    java.util.Arrays.fill(score, 1.0);
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double[] next = new double[n];
      double delta = 0;
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          if (w[j][i] > 0 && outSum[j] > 0) {
            sum += w[j][i] / outSum[j] * score[j];
          }
        }
        next[i] = (1 - DAMPING) + DAMPING * sum;
        delta = Math.max(delta, Math.abs(next[i] - score[i]));
      }
      score = next;
      if (delta < EPSILON) {
        break;
      }
    }
    return score;
  }

  /**
   * Indices of the {@code k} best sentences, best first; ties keep document order.
   *
   * @param sentences the sentences
   * @param k how many (fewer when there are fewer sentences)
   */
  public static List<Integer> top(List<String> sentences, int k) {
    double[] s = scores(sentences);
    return IntStream.range(0, sentences.size())
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -s[i]).thenComparingInt(i -> i))
        .limit(k)
        .toList();
  }

  /**
   * The {@code k} best sentences in document order.
   *
   * @param sentences the sentences
   * @param k how many
   */
  public static List<String> topInOrder(List<String> sentences, int k) {
    List<Integer> idx = new ArrayList<>(top(sentences, k));
    idx.sort(null);
    return idx.stream().map(sentences::get).toList();
  }

  /** The paper's sentence similarity: shared tokens over the sum of log lengths. */
  static double similarity(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> sb = new HashSet<>(b);
    long common = new HashSet<>(a).stream().filter(sb::contains).count();
    if (common == 0) {
      return 0;
    }
    double denom = Math.log(a.size()) + Math.log(b.size());
    return common / (denom > 0 ? denom : 1.0);
  }
}
