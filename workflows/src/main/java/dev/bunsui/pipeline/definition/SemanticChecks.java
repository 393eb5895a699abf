package dev.bunsui.pipeline.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.pipeline.Durations;
import dev.bunsui.pipeline.expr.Condition;
import dev.bunsui.pipeline.expr.ExpressionException;
import dev.bunsui.pipeline.expr.JsonPaths;
import dev.bunsui.pipeline.expr.Mappings;
import dev.bunsui.tool.ToolSpec;
import dev.bunsui.tool.Tools;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a JSON Schema cannot express. They read the document tree and skip values of the wrong
 * type (the schema reports those), so every problem is found in one pass.
 *
 * <ul>
 *   <li>step ids are unique;
 *   <li>{@code tool} is in the catalog ({@link Tools}), with a suggestion when misspelt;
 *   <li>{@code input_mapping} has every required input of the tool and no key the tool does not
 *       read (an error, not a warning: a misspelt optional input would otherwise be dropped
 *       silently);
 *   <li>every JSONPath ({@code input_mapping} values, {@code condition} operands, {@code for_each},
 *       {@code wait_until}) compiles and starts at {@code $.input}, {@code $.steps.<known id>}
 *       (then {@code status} or {@code output}), or, in a step with {@code for_each}, {@code
 *       $.item} / {@code $.index};
 *   <li>{@code condition} parses ({@link Condition#parse});
 *   <li>{@code depends_on} and {@code fallback:} name other, existing steps, and the "waits for"
 *       relation has no cycle ({@link StepGraph});
 *   <li>durations parse ({@link Durations#parse}) and are positive; {@code max_backoff} is not
 *       shorter than {@code backoff}; {@code approval_timeout} goes with {@code approval:
 *       required};
 *   <li>{@code wait_until} is an ISO-8601 instant ({@link Instant#parse}) or a JSONPath;
 *   <li>{@code input_schema} is a JSON Schema ({@link SchemaChecks#inputSchema}).
 * </ul>
 */
final class SemanticChecks {
  private static final Pattern STEP_PREFIX =
      Pattern.compile("^\\$(?:\\.steps|\\['steps'\\])(?:\\.[A-Za-z_][A-Za-z0-9_-]*|\\['[^']*'\\])");
  private static final Pattern STEP_FIELD =
      Pattern.compile("^(?:\\.(?:status|output)|\\['(?:status|output)'\\])(?:$|[.\\[].*)");
  private static final String ROOTS = "$.input, $.steps.<id>, $.item or $.index";

  private final JsonNode root;
  private final Problems problems;
  private final Map<String, Integer> ids = new LinkedHashMap<>();
  private StepGraph graph;

  private SemanticChecks(JsonNode root, Problems problems) {
    this.root = root;
    this.problems = problems;
  }

  /** Runs every check on a definition document. */
  static void check(JsonNode root, Problems problems) {
    new SemanticChecks(root, problems).run();
  }

  private void run() {
    JsonNode schema = root.get("input_schema");
    if (schema != null && schema.isObject()) {
      SchemaChecks.inputSchema(schema, "/input_schema", problems);
    }
    JsonNode steps = root.path("steps");
    if (!steps.isArray()) {
      return;
    }
    for (int i = 0; i < steps.size(); i++) {
      JsonNode id = steps.get(i).path("id");
      if (id.isTextual()) {
        Integer first = ids.putIfAbsent(id.textValue(), i);
        if (first != null) {
          problems.atValue(
              "/steps/" + i + "/id",
              "duplicate step id '"
                  + id.textValue()
                  + "' (first used by the step at line "
                  + problems.position("/steps/" + first).line()
                  + ")");
        }
      }
    }
    graph = new StepGraph(new ArrayList<>(ids.keySet()));
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).isObject()) {
        new StepCheck(i, steps.get(i)).run();
      }
    }
    for (List<StepGraph.Edge> cycle : graph.cycles()) {
      problems.atValue(cycle.get(0).pointer(), StepGraph.describe(cycle));
    }
  }

  /** The checks of one step. */
  private final class StepCheck {
    private final String at;
    private final JsonNode step;
    private final String self;
    private final boolean forEach;

    StepCheck(int index, JsonNode step) {
      this.at = "/steps/" + index;
      this.step = step;
      JsonNode id = step.path("id");
      boolean first = id.isTextual() && ids.get(id.textValue()) == index;
      this.self = first ? id.textValue() : null;
      this.forEach = step.path("for_each").isTextual();
    }

    void run() {
      ToolSpec tool = tool();
      inputs(tool);
      condition();
      dependsOn();
      text("for_each").ifPresent(p -> path(at + "/for_each", 0, p, true));
      waitUntil();
      durations();
      onError();
    }

    private java.util.Optional<String> text(String field) {
      JsonNode v = step.get(field);
      return v != null && v.isTextual()
          ? java.util.Optional.of(v.textValue())
          : java.util.Optional.empty();
    }

    private ToolSpec tool() {
      String name = text("tool").orElse(null);
      if (name == null) {
        return null;
      }
      ToolSpec spec = Tools.find(name).orElse(null);
      if (spec == null) {
        List<String> names = Tools.ALL.stream().map(ToolSpec::name).toList();
        problems.atValue(
            at + "/tool",
            "unknown tool '"
                + name
                + "'"
                + Suggestions.didYouMean(name, names)
                + "; the tools are "
                + String.join(", ", names));
      }
      return spec;
    }

    private void inputs(ToolSpec tool) {
      JsonNode mapping = step.get("input_mapping");
      String m = at + "/input_mapping";
      if (tool != null && (mapping == null || mapping.isObject())) {
        Set<String> keys = new LinkedHashSet<>();
        if (mapping != null) {
          mapping.fieldNames().forEachRemaining(keys::add);
        }
        List<String> known = new ArrayList<>(tool.requiredInputs());
        known.addAll(tool.optionalInputs());
        for (String required : tool.requiredInputs()) {
          if (!keys.contains(required)) {
            SourceDocument.Position where = problems.position(mapping == null ? at + "/tool" : m);
            int line = mapping == null ? where.line() : where.keyLine();
            int column = mapping == null ? where.column() : where.keyColumn();
            problems.add(
                line,
                column,
                problems.pathOf(m + "/" + SourceDocument.escape(required)),
                "missing required input '"
                    + required
                    + "' of tool "
                    + tool.name()
                    + " (it requires "
                    + String.join(", ", tool.requiredInputs())
                    + ")");
          }
        }
        for (String key : keys) {
          if (!known.contains(key)) {
            problems.atKey(
                m + "/" + SourceDocument.escape(key),
                "unknown input '"
                    + key
                    + "' for tool "
                    + tool.name()
                    + Suggestions.didYouMean(key, known)
                    + "; it reads "
                    + String.join(", ", known));
          }
        }
      }
      if (mapping != null && mapping.isObject()) {
        for (Map.Entry<String, String> e : Mappings.paths(mapping)) {
          path(m + e.getKey(), 0, e.getValue(), false);
        }
      }
    }

    private void condition() {
      String source = text("condition").orElse(null);
      if (source == null) {
        return;
      }
      String pointer = at + "/condition";
      Condition c;
      try {
        c = Condition.parse(source);
      } catch (ExpressionException e) {
        problems.inText(
            pointer,
            e.column() - 1,
            "bad condition at column " + e.column() + " of the expression: " + reason(e));
        return;
      }
      int from = 0;
      for (String p : c.paths()) {
        int offset = Math.max(source.indexOf(p, from), 0);
        from = offset + p.length();
        path(pointer, offset, p, false);
      }
    }

    private void dependsOn() {
      JsonNode deps = step.get("depends_on");
      if (deps == null || !deps.isArray()) {
        return;
      }
      for (int j = 0; j < deps.size(); j++) {
        if (!deps.get(j).isTextual()) {
          continue;
        }
        String name = deps.get(j).textValue();
        String pointer = at + "/depends_on/" + j;
        if (name.equals(self)) {
          problems.atValue(pointer, "step '" + name + "' depends on itself");
        } else if (!ids.containsKey(name)) {
          problems.atValue(pointer, unknownStep("depends_on names", name));
        } else if (self != null) {
          edge(self, name, pointer, "depends_on " + name);
        }
      }
    }

    private void waitUntil() {
      String value = text("wait_until").orElse(null);
      if (value == null) {
        return;
      }
      if (value.startsWith("$")) {
        path(at + "/wait_until", 0, value, false);
        return;
      }
      try {
        Instant.parse(value.strip());
      } catch (DateTimeParseException e) {
        problems.atValue(
            at + "/wait_until",
            "'"
                + value
                + "' is neither an ISO-8601 instant (such as 2025-06-01T09:00:00Z) nor a"
                + " JSONPath");
      }
    }

    private void durations() {
      duration(at + "/timeout", step.get("timeout"));
      Duration approvalTimeout = duration(at + "/approval_timeout", step.get("approval_timeout"));
      if (approvalTimeout != null && !"required".equals(text("approval").orElse(null))) {
        problems.atKey(
            at + "/approval_timeout", "approval_timeout has no effect without approval: required");
      }
      JsonNode retry = step.get("retry");
      if (retry != null && retry.isObject()) {
        Duration backoff = duration(at + "/retry/backoff", retry.get("backoff"));
        Duration max = duration(at + "/retry/max_backoff", retry.get("max_backoff"));
        if (backoff != null && max != null && max.compareTo(backoff) < 0) {
          problems.atValue(
              at + "/retry/max_backoff",
              "max_backoff ("
                  + retry.get("max_backoff").textValue()
                  + ") is shorter than backoff ("
                  + retry.get("backoff").textValue()
                  + ")");
        }
      }
    }

    private Duration duration(String pointer, JsonNode value) {
      if (value == null || !value.isTextual()) {
        return null;
      }
      try {
        Duration d = Durations.parse(value.textValue());
        if (d.isZero()) {
          problems.atValue(
              pointer, "'" + value.textValue() + "' is zero; give a positive duration");
          return null;
        }
        return d;
      } catch (IllegalArgumentException e) {
        problems.atValue(pointer, e.getMessage());
        return null;
      }
    }

    private void onError() {
      String value = text("on_error").orElse(null);
      if (value == null || !value.startsWith("fallback:")) {
        return;
      }
      String target = value.substring("fallback:".length());
      String pointer = at + "/on_error";
      if (target.equals(self)) {
        problems.atValue(pointer, "step '" + target + "' cannot be its own fallback");
      } else if (!ids.containsKey(target)) {
        problems.atValue(pointer, unknownStep("fallback names", target));
      } else if (self != null) {
        edge(target, self, pointer, "is the fallback of " + self);
      }
    }

    /**
     * Checks one JSONPath.
     *
     * @param pointer the text value holding it
     * @param offset where the path starts in that text
     * @param inForEach whether the path is the step's {@code for_each}
     */
    private void path(String pointer, int offset, String path, boolean inForEach) {
      try {
        JsonPaths.compile(path);
      } catch (ExpressionException e) {
        problems.inText(pointer, offset + e.column() - 1, reason(e));
        return;
      }
      String[] head = JsonPaths.head(path);
      switch (head[0]) {
        case "input" -> {}
        case "steps" -> stepPath(pointer, offset, path, head);
        case "item", "index" -> {
          if (inForEach) {
            problems.inText(
                pointer,
                offset,
                "for_each cannot read $." + head[0] + ": for_each is what defines it");
          } else if (!forEach) {
            problems.inText(
                pointer,
                offset,
                "$." + head[0] + " is defined only in a step with for_each (in " + path + ")");
          }
        }
        case "$" ->
            problems.inText(
                pointer, offset, path + " does not start at a context root: use " + ROOTS);
        default ->
            problems.inText(
                pointer,
                offset,
                "unknown root '"
                    + head[0]
                    + "' in "
                    + path
                    + Suggestions.didYouMean(head[0], List.of("input", "steps", "item", "index"))
                    + ": JSONPaths start with "
                    + ROOTS);
      }
    }

    private void stepPath(String pointer, int offset, String path, String[] head) {
      if (head.length < 2) {
        problems.inText(
            pointer, offset, path + " must name a step: $.steps.<id>.output or .status");
        return;
      }
      String id = head[1];
      if (!ids.containsKey(id)) {
        problems.inText(pointer, offset, unknownStep(path + " names", id));
        return;
      }
      Matcher m = STEP_PREFIX.matcher(path);
      if (m.find() && !path.substring(m.end()).isEmpty()) {
        if (!STEP_FIELD.matcher(path.substring(m.end())).matches()) {
          problems.inText(
              pointer,
              offset,
              path + ": a step's result has only status and output ($.steps." + id + ".output…)");
        }
      }
      if (self != null) {
        if (id.equals(self)) {
          problems.inText(pointer, offset, "step '" + id + "' reads its own result (" + path + ")");
        } else {
          edge(self, id, pointer, "reads " + path);
        }
      }
    }

    private void edge(String from, String to, String pointer, String why) {
      SourceDocument.Position p = problems.position(pointer);
      graph.add(new StepGraph.Edge(from, to, pointer, p.line(), p.column(), why));
    }
  }

  private String unknownStep(String what, String name) {
    return what
        + " unknown step '"
        + name
        + "'"
        + Suggestions.didYouMean(name, ids.keySet())
        + "; the steps are "
        + String.join(", ", ids.keySet());
  }

  /** An expression problem's reason without the "column N: " prefix. */
  private static String reason(ExpressionException e) {
    return e.getMessage().replaceFirst("^column \\d+: ", "");
  }
}
