package dev.bunsui.pipeline.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "waits for" relation between steps: explicit {@code depends_on}, implicit {@code
 * $.steps.<id>} reads, and fallbacks (a fallback target waits for the step naming it, since it runs
 * only when that step fails). Cycles are found by depth-first search: every back edge closes one
 * cycle (Tarjan, "Depth-first search and linear graph algorithms", 1972).
 */
final class StepGraph {
  /**
   * One reason a step waits for another.
   *
   * @param from the waiting step
   * @param to the step waited for
   * @param pointer where the reference is in the document
   * @param line its line, to keep the earliest of several references
   * @param column its column
   * @param why in words: {@code depends_on}, {@code reads $.steps.b.output}, {@code fallback of a}
   */
  record Edge(String from, String to, String pointer, int line, int column, String why) {}

  private final List<String> nodes;
  private final Map<String, Map<String, Edge>> edges = new LinkedHashMap<>();

  /**
   * @param nodes step ids in document order
   */
  StepGraph(List<String> nodes) {
    this.nodes = List.copyOf(nodes);
    for (String n : nodes) {
      edges.put(n, new LinkedHashMap<>());
    }
  }

  /** Adds an edge; of two edges between the same steps the earlier in the document is kept. */
  void add(Edge e) {
    Map<String, Edge> out = edges.get(e.from());
    if (out == null || !edges.containsKey(e.to())) {
      return;
    }
    Edge old = out.get(e.to());
    if (old == null
        || e.line() < old.line()
        || (e.line() == old.line() && e.column() < old.column())) {
      out.put(e.to(), e);
    }
  }

  /**
   * The cycles, each as its edges starting at the step that comes first in the document; one cycle
   * per back edge of the search, duplicates (the same steps in the same order) removed.
   */
  List<List<Edge>> cycles() {
    Map<String, Integer> state = new LinkedHashMap<>(); // 1 on the stack, 2 done
    List<List<Edge>> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String n : nodes) {
      if (!state.containsKey(n)) {
        visit(n, state, new ArrayList<>(), found, seen);
      }
    }
    return found;
  }

  private void visit(
      String n,
      Map<String, Integer> state,
      List<Edge> path,
      List<List<Edge>> found,
      Set<String> seen) {
    state.put(n, 1);
    for (Edge e : edges.get(n).values()) {
      Integer s = state.get(e.to());
      if (s == null) {
        path.add(e);
        visit(e.to(), state, path, found, seen);
        path.remove(path.size() - 1);
      } else if (s == 1) {
        List<Edge> cycle = new ArrayList<>();
        int start = 0;
        while (start < path.size() && !path.get(start).from().equals(e.to())) {
          start++;
        }
        cycle.addAll(path.subList(start, path.size()));
        cycle.add(e);
        List<Edge> rotated = rotate(cycle);
        StringBuilder key = new StringBuilder();
        rotated.forEach(x -> key.append(x.from()).append('>'));
        if (seen.add(key.toString())) {
          found.add(rotated);
        }
      }
    }
    state.put(n, 2);
  }

  private List<Edge> rotate(List<Edge> cycle) {
    int first = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (nodes.indexOf(cycle.get(i).from()) < nodes.indexOf(cycle.get(first).from())) {
        first = i;
      }
    }
    List<Edge> out = new ArrayList<>(cycle.subList(first, cycle.size()));
    out.addAll(cycle.subList(0, first));
    return out;
  }

  /** {@code a → b → c → a (→ means waits for: a depends_on b; …)}. */
  static String describe(List<Edge> cycle) {
    StringBuilder chain = new StringBuilder(cycle.get(0).from());
    StringBuilder why = new StringBuilder();
    for (Edge e : cycle) {
      chain.append(" → ").append(e.to());
      why.append(why.isEmpty() ? "" : "; ").append(e.from()).append(' ').append(e.why());
    }
    return "dependency cycle " + chain + " (→ means waits for: " + why + ")";
  }
}
