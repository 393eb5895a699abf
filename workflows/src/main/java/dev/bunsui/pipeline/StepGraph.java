package dev.bunsui.pipeline;

import dev.bunsui.pipeline.expr.Condition;
import dev.bunsui.pipeline.expr.ExpressionException;
import dev.bunsui.pipeline.expr.JsonPaths;
import dev.bunsui.pipeline.expr.Mappings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependencies between the steps of a definition and their fallbacks. Pure computation over the
 * definition: safe in workflow code.
 *
 * <p>A step depends on the steps in its {@code depends_on} and on every step a JSONPath in its
 * {@code input_mapping}, {@code condition}, {@code for_each} or {@code wait_until} reads ({@code
 * $.steps.<id>…}). A step named by another's {@code on_error: fallback:<id>} is a fallback: it runs
 * only when one of those steps fails.
 */
final class StepGraph {
  /** The {@code on_error} prefix naming a fallback step. */
  static final String FALLBACK_PREFIX = "fallback:";

  private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
  private final Map<String, List<String>> primaries = new LinkedHashMap<>();

  private StepGraph() {}

  /**
   * Builds the graph of a definition. Ids that name no step of the definition are left out (the
   * definition validator reports them).
   *
   * @param definition the pipeline definition
   * @return the graph
   */
  static StepGraph of(PipelineDefinition definition) {
    StepGraph g = new StepGraph();
    Set<String> ids = new LinkedHashSet<>();
    for (StepDefinition s : definition.steps()) {
      ids.add(s.id());
    }
    for (StepDefinition s : definition.steps()) {
      Set<String> deps = new LinkedHashSet<>();
      if (s.dependsOn() != null) {
        deps.addAll(s.dependsOn());
      }
      for (String path : paths(s)) {
        String[] head = JsonPaths.head(path);
        if (head.length == 2 && head[0].equals("steps")) {
          deps.add(head[1]);
        }
      }
      deps.remove(s.id());
      deps.retainAll(ids);
      g.dependencies.put(s.id(), deps);
      String fallback = fallbackOf(s);
      if (fallback != null && ids.contains(fallback) && !fallback.equals(s.id())) {
        g.primaries.computeIfAbsent(fallback, k -> new ArrayList<>()).add(s.id());
      }
    }
    return g;
  }

  /** The fallback a step names in {@code on_error: fallback:<id>}, or null. */
  static String fallbackOf(StepDefinition step) {
    String onError = step.onError() == null ? "" : step.onError().strip();
    return onError.startsWith(FALLBACK_PREFIX)
        ? onError.substring(FALLBACK_PREFIX.length()).strip()
        : null;
  }

  /** The steps {@code stepId} waits for, in definition order of first mention. */
  Set<String> dependencies(String stepId) {
    return dependencies.getOrDefault(stepId, Set.of());
  }

  /** Whether the step is some step's fallback (and so never scheduled on its own). */
  boolean isFallback(String stepId) {
    return primaries.containsKey(stepId);
  }

  /** The steps naming {@code fallbackId} as their fallback, in definition order. */
  List<String> primaries(String fallbackId) {
    return primaries.getOrDefault(fallbackId, List.of());
  }

  private static List<String> paths(StepDefinition s) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : Mappings.paths(s.inputMapping())) {
      out.add(e.getValue());
    }
    if (s.condition() != null && !s.condition().isBlank()) {
      try {
        out.addAll(Condition.parse(s.condition()).paths());
      } catch (ExpressionException e) {
        // a bad condition fails the step when it is evaluated, with the reason
      }
    }
    if (s.forEach() != null && s.forEach().startsWith("$")) {
      out.add(s.forEach());
    }
    if (s.waitUntil() != null && s.waitUntil().startsWith("$")) {
      out.add(s.waitUntil());
    }
    return out;
  }
}
