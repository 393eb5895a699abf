package dev.bunsui.cli.guard;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bunsui.cli.CliException;
import dev.bunsui.cli.ExitCodes;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One guard-rail YAML file (config or permissions): reads it with line numbers and turns anything
 * wrong into a {@link CliException} ({@link ExitCodes#USAGE}) that names the file, the line and
 * why.
 */
final class YamlFile {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final String what;
  private final Path path;

  /**
   * @param what what the file is, for messages ("config file", "permissions file")
   * @param path where it is
   */
  YamlFile(String what, Path path) {
    this.what = what;
    this.path = path;
  }

  /** Where the file is. */
  Path path() {
    return path;
  }

  /**
   * Reads the file.
   *
   * @return its single document, or {@code null} when it holds none (empty or comments only)
   */
  YamlNode read() {
    if (!Files.isRegularFile(path)) {
      throw new CliException(ExitCodes.USAGE, what + " " + path + " does not exist");
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        JsonParser p = YAML.createParser(reader)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (p.nextToken() == null) {
        return null;
      }
      YamlNode root = value(p);
      if (p.nextToken() != null) {
        throw error(line(p), "more than one YAML document; keep one");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw error(at == null ? 0 : at.getLineNr(), "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + what + " " + path + ": " + e);
    }
  }

  private YamlNode value(JsonParser p) throws IOException {
    int line = line(p);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode.Field> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = line(p);
          p.nextToken();
          fields.put(key, new YamlNode.Field(key, keyLine, value(p)));
        }
        return new YamlNode.Mapping(line, fields);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p));
        }
        return new YamlNode.Sequence(line, items);
      }
      case VALUE_STRING -> {
        return new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Kind.STRING);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Kind.NUMBER);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Kind.BOOLEAN);
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar(line, null, YamlNode.Scalar.Kind.NULL);
      }
      default -> throw error(line, "unexpected YAML token " + t);
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  /** An error naming this file, {@code line} and why. */
  CliException error(int line, String why) {
    return new CliException(ExitCodes.USAGE, what + " " + path + ", line " + line + ": " + why);
  }

  /**
   * The node as a mapping whose keys are all in {@code known} (when not null).
   *
   * @param where what the mapping is, for messages ("the top level", "actor 'ai_agent'")
   */
  Map<String, YamlNode.Field> mapping(YamlNode node, String where, Set<String> known) {
    if (!(node instanceof YamlNode.Mapping m)) {
      throw error(
          node.line(), where + " must be a mapping (key: value lines), not " + node.describe());
    }
    if (known != null) {
      for (YamlNode.Field f : m.fields().values()) {
        if (!known.contains(f.key())) {
          throw error(
              f.line(),
              "unknown key '"
                  + f.key()
                  + "' in "
                  + where
                  + " (known keys: "
                  + String.join(", ", known)
                  + ")");
        }
      }
    }
    return m.fields();
  }

  /** The field's value as a list of non-empty strings, each with its line. */
  List<YamlNode.Scalar> strings(YamlNode.Field field, String itemName) {
    if (!(field.value() instanceof YamlNode.Sequence s)) {
      throw error(
          field.line(),
          "'"
              + field.key()
              + "' must be a list of "
              + itemName
              + "s (write [] for none), not "
              + field.value().describe());
    }
    List<YamlNode.Scalar> out = new ArrayList<>();
    for (YamlNode item : s.items()) {
      if (!(item instanceof YamlNode.Scalar sc)
          || sc.kind() != YamlNode.Scalar.Kind.STRING
          || sc.text().isBlank()) {
        throw error(
            item.line(),
            "each item of '"
                + field.key()
                + "' must be "
                + ("aeiou".indexOf(itemName.charAt(0)) >= 0 ? "an " : "a ")
                + itemName
                + ", not "
                + item.describe());
      }
      out.add(sc);
    }
    return out;
  }

  /** The field's value as a boolean ({@code true} or {@code false}). */
  boolean bool(YamlNode.Field field) {
    if (field.value() instanceof YamlNode.Scalar sc && sc.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
      return Boolean.parseBoolean(sc.text());
    }
    throw error(
        field.line(),
        "'" + field.key() + "' must be true or false, not " + field.value().describe());
  }

  /** The field's value as a non-empty string. */
  String string(YamlNode.Field field) {
    if (field.value() instanceof YamlNode.Scalar sc
        && sc.kind() == YamlNode.Scalar.Kind.STRING
        && !sc.text().isBlank()) {
      return sc.text();
    }
    throw error(
        field.line(),
        "'" + field.key() + "' must be a non-empty string, not " + field.value().describe());
  }
}
