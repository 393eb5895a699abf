package dev.bunsui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** Prints a command's result as JSON, YAML or a two-column table. */
final class Output {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private Output() {}

  static void print(PrintWriter out, GlobalOptions.Format format, Object value) {
    try {
      switch (format) {
        case JSON -> out.println(JSON.writeValueAsString(value));
        case YAML -> out.print(YAML.writeValueAsString(value));
        case TABLE -> table(out, "", JSON.valueToTree(value));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(PrintWriter out, String prefix, JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String key = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
        if (f.getValue().isContainerNode()) {
          table(out, key, f.getValue());
        } else {
          out.printf("%-28s %s%n", key, f.getValue().isNull() ? "-" : f.getValue().asText());
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        table(out, prefix + "[" + i + "]", node.get(i));
      }
    } else {
      out.printf("%-28s %s%n", prefix, node.asText());
    }
  }
}
