package dev.bunsui.worker.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Grafana dashboard JSON file, read for its panels and the metric names its PromQL queries use.
 */
final class GrafanaDashboard {
  /** PromQL words that are not metric names (operators, modifiers, aggregation clauses). */
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan");

  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  /**
   * Metrics the dashboard shows that a book run does not produce, with who does: checked by name in
   * {@code GrafanaDashboardTest} instead of in the scrape of {@code MetricsEndpointTest}.
   */
  static final java.util.Map<String, String> NOT_FROM_A_BOOK_RUN =
      java.util.Map.of(
          "bunsui_posts_total",
          "the posting tool (dev.bunsui.posting) through dev.bunsui.metrics.Metrics#post");

  final JsonNode root;

  private GrafanaDashboard(JsonNode root) {
    this.root = root;
  }

  static GrafanaDashboard read(Path file) throws IOException {
    return new GrafanaDashboard(new ObjectMapper().readTree(file.toFile()));
  }

  /** Every panel, including those inside collapsed rows. */
  List<JsonNode> panels() {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode p : root.path("panels")) {
      panels.add(p);
      p.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** Every PromQL expression of every panel target. */
  List<String> expressions() {
    List<String> exprs = new ArrayList<>();
    for (JsonNode p : panels()) {
      for (JsonNode t : p.path("targets")) {
        if (t.hasNonNull("expr")) {
          exprs.add(t.get("expr").asText());
        }
      }
    }
    return exprs;
  }

  /** The metric names the queries select, in order of first use. */
  List<String> metricNames() {
    Set<String> names = new LinkedHashSet<>();
    expressions().forEach(e -> names.addAll(metricNames(e)));
    return List.copyOf(names);
  }

  /**
   * The metric names of one PromQL expression: identifiers left after removing strings, label
   * matchers, range and subquery selectors, Grafana variables and grouping label lists, that are
   * not followed by {@code (} (functions, aggregations) and are not keywords or numbers.
   */
  static Set<String> metricNames(String expr) {
    String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    s = s.replaceAll("\\{[^}]*}", " ");
    s = s.replaceAll("\\[[^]]*]", " ");
    s = s.replaceAll("\\$\\{?\\w+}?", " ");
    s = s.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      String id = m.group();
      int after = m.end();
      while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
        after++;
      }
      boolean call = after < s.length() && s.charAt(after) == '(';
      boolean numberPart = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
      if (!call && !numberPart && !KEYWORDS.contains(id.toLowerCase(java.util.Locale.ROOT))) {
        names.add(id);
      }
    }
    return names;
  }
}
