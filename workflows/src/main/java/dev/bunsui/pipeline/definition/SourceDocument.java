package dev.bunsui.pipeline.definition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML or JSON document read with Jackson's streaming parser into a {@link JsonNode} tree, with
 * the source position of every member and element, keyed by JSON pointer (RFC 6901).
 *
 * <p>Keys repeated within one object are problems (Jackson's tree reader would silently keep the
 * last one); they are collected in {@link #duplicates()}.
 */
final class SourceDocument {
  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(false);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Where one member or element is.
   *
   * @param jsonPath the JSONPath of the value ({@code $.steps[0].tool})
   * @param keyLine 1-based line of the member's key; 0 for array elements and the root
   * @param keyColumn 1-based column of the key; 0 when there is none
   * @param line 1-based line where the value starts
   * @param column 1-based column where the value starts
   */
  record Position(String jsonPath, int keyLine, int keyColumn, int line, int column) {}

  /** Thrown when the text is not well-formed YAML or JSON. */
  static final class SyntaxException extends Exception {
    private final int line;
    private final int column;

    SyntaxException(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    int line() {
      return line;
    }

    int column() {
      return column;
    }
  }

  private final JsonNode root;
  private final Map<String, Position> positions;
  private final List<Position> duplicates;
  private final String[] lines;

  private SourceDocument(
      JsonNode root, Map<String, Position> positions, List<Position> duplicates, String text) {
    this.root = root;
    this.positions = positions;
    this.duplicates = duplicates;
    this.lines = text.split("\r?\n", -1);
  }

  /**
   * Reads a document.
   *
   * @param text YAML or JSON
   * @param file the file name: {@code .json} (or text starting with <code>{</code>) is read as
   *     JSON, anything else as YAML
   * @return the document; an empty text gives a null root
   * @throws SyntaxException with the 1-based line and column when the text does not parse
   */
  static SourceDocument read(String text, String file) throws SyntaxException {
    boolean json =
        (file != null && file.toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
            || text.stripLeading().startsWith("{");
    Map<String, Position> positions = new HashMap<>();
    List<Position> duplicates = new ArrayList<>();
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new SourceDocument(F.nullNode(), positions, duplicates, text);
      }
      Reader reader = new Reader(p, positions, duplicates);
      JsonNode root = reader.value("", "$", 0, 0);
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new SyntaxException(
            "more than one document: a definition is a single object",
            at.getLineNr(),
            at.getColumnNr());
      }
      return new SourceDocument(root, positions, duplicates, text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String message = e.getOriginalMessage().lines().findFirst().orElse("does not parse");
      throw new SyntaxException(
          (json ? "not valid JSON: " : "not valid YAML: ") + message,
          at == null ? 0 : Math.max(at.getLineNr(), 0),
          at == null ? 0 : Math.max(at.getColumnNr(), 0));
    } catch (IOException e) {
      throw new SyntaxException("cannot read: " + e.getMessage(), 0, 0);
    }
  }

  /**
   * A document for a tree that has no source text (a request body): JSONPaths are known, lines and
   * columns are 0.
   */
  static SourceDocument ofTree(JsonNode root) {
    Map<String, Position> positions = new HashMap<>();
    index(root, "", "$", positions);
    return new SourceDocument(root, positions, List.of(), "");
  }

  private static void index(
      JsonNode node, String pointer, String path, Map<String, Position> positions) {
    positions.put(pointer, new Position(path, 0, 0, 0, 0));
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  index(
                      e.getValue(),
                      pointer + "/" + escape(e.getKey()),
                      member(path, e.getKey()),
                      positions));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        index(node.get(i), pointer + "/" + i, path + "[" + i + "]", positions);
      }
    }
  }

  /** The document's value; a null node for an empty document. */
  JsonNode root() {
    return root;
  }

  /** Keys repeated within their object (the later occurrences), in document order. */
  List<Position> duplicates() {
    return duplicates;
  }

  /**
   * The position of a value, or of its nearest ancestor that is in the document.
   *
   * @param pointer a JSON pointer ({@code /steps/0/tool}); {@code ""} is the root
   * @return the position; the root's when nothing on the way is in the document
   */
  Position position(String pointer) {
    String p = pointer;
    while (true) {
      Position found = positions.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return new Position("$", 0, 0, 0, 0);
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Whether the document has a value at the pointer. */
  boolean has(String pointer) {
    return positions.containsKey(pointer);
  }

  /**
   * The source position of a character inside a text value, for problems inside a condition or a
   * JSONPath: the value's text is matched against the source (quotes, escapes, block-scalar
   * indicators, indentation and line folding are skipped).
   *
   * @param pointer the text value
   * @param offset 0-based offset within the value's text
   * @return {@code [line, column]}, 1-based; the value's start when it cannot be matched
   */
  int[] positionInText(String pointer, int offset) {
    Position at = position(pointer);
    JsonNode value = root.at(pointer);
    if (at.line() <= 0 || !value.isTextual() || at.line() > lines.length) {
      return new int[] {at.line(), at.column()};
    }
    String expr = value.textValue();
    int line = at.line() - 1;
    int col = at.column() - 1;
    String first = lines[line];
    char start = col < first.length() ? first.charAt(col) : ' ';
    if (start == '|' || start == '>') {
      line++;
      col = 0;
    } else if (start == '"' || start == '\'') {
      col++;
    }
    int i = 0;
    while (line < lines.length) {
      String src = lines[line];
      while (col < src.length()) {
        if (i >= offset || i >= expr.length()) {
          return new int[] {line + 1, col + 1};
        }
        char s = src.charAt(col);
        char e = expr.charAt(i);
        if (s == e) {
          i++;
          col++;
        } else if (Character.isWhitespace(s) || s == '\\' || s == '\'') {
          col++;
        } else {
          i++;
        }
      }
      if (i >= offset || i >= expr.length()) {
        return new int[] {line + 1, col + 1};
      }
      if (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
        i++; // a line break, or the space it folds into
      }
      line++;
      col = 0;
    }
    return new int[] {at.line(), at.column()};
  }

  /** A JSON pointer segment with {@code ~} and {@code /} escaped (RFC 6901). */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The JSONPath of a member of an object at {@code parentPath}. */
  static String member(String parentPath, String key) {
    return IDENTIFIER.matcher(key).matches()
        ? parentPath + "." + key
        : parentPath + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** Builds the tree and the positions in one pass over the parser's tokens. */
  private record Reader(JsonParser p, Map<String, Position> positions, List<Position> duplicates) {
    JsonNode value(String pointer, String path, int keyLine, int keyColumn) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      positions.put(
          pointer, new Position(path, keyLine, keyColumn, at.getLineNr(), at.getColumnNr()));
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT -> {
          ObjectNode o = F.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation k = p.currentTokenLocation();
            String child = pointer + "/" + escape(key);
            p.nextToken();
            if (o.has(key)) {
              duplicates.add(
                  new Position(
                      member(path, key),
                      k.getLineNr(),
                      k.getColumnNr(),
                      k.getLineNr(),
                      k.getColumnNr()));
              new Reader(p, new HashMap<>(), new ArrayList<>()).value(child, "", 0, 0);
            } else {
              o.set(key, value(child, member(path, key), k.getLineNr(), k.getColumnNr()));
            }
          }
          return o;
        }
        case START_ARRAY -> {
          ArrayNode a = F.arrayNode();
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            a.add(value(pointer + "/" + i, path + "[" + i + "]", 0, 0));
            i++;
          }
          return a;
        }
        case VALUE_STRING -> {
          return F.textNode(p.getText());
        }
        case VALUE_NUMBER_INT -> {
          return switch (p.getNumberType()) {
            case INT -> F.numberNode(p.getIntValue());
            case LONG -> F.numberNode(p.getLongValue());
            default -> F.numberNode(p.getBigIntegerValue());
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          return F.numberNode(p.getDoubleValue());
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return F.booleanNode(t == JsonToken.VALUE_TRUE);
        }
        case VALUE_NULL -> {
          return F.nullNode();
        }
        default -> {
          return F.textNode(p.getText());
        }
      }
    }
  }
}
