package dev.bunsui.worker.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The samples of a Prometheus text exposition (format 0.0.4: {@code name{label="value",…} value
 * [timestamp]}, {@code #} comments), parsed for assertions.
 */
final class PrometheusScrape {
  record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private PrometheusScrape(List<Sample> samples) {
    this.samples = samples;
  }

  /**
   * Parses an exposition.
   *
   * @throws IllegalArgumentException naming the line when one is malformed
   */
  static PrometheusScrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        samples.add(sample(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + (n + 1) + ": " + e.getMessage() + ": " + line);
      }
    }
    return new PrometheusScrape(samples);
  }

  private static Sample sample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq).strip();
        i = eq + 1;
        if (line.charAt(i) != '"') {
          throw new IllegalArgumentException("label " + label + " has no quoted value");
        }
        i++;
        StringBuilder value = new StringBuilder();
        while (line.charAt(i) != '"') {
          char c = line.charAt(i);
          if (c == '\\') {
            char next = line.charAt(++i);
            value.append(next == 'n' ? '\n' : next);
          } else {
            value.append(c);
          }
          i++;
        }
        labels.put(label, value.toString());
        i++;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    String[] rest = line.substring(i).strip().split("\\s+");
    return new Sample(name, labels, Double.parseDouble(rest[0]));
  }

  /** Every metric name with at least one sample. */
  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  /** The sum of the samples of a name whose labels include the given pairs. */
  double sum(String name, String... labelPairs) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && matches(s.labels(), labelPairs))
        .mapToDouble(Sample::value)
        .sum();
  }

  /** The values a label takes in the samples of a name. */
  Set<String> labelValues(String name, String label) {
    Set<String> values = new LinkedHashSet<>();
    samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().containsKey(label))
        .forEach(s -> values.add(s.labels().get(label)));
    return values;
  }

  /** The samples of a name. */
  List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  private static boolean matches(Map<String, String> labels, String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
        return false;
      }
    }
    return true;
  }
}
