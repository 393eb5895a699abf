package dev.bunsui.pipeline.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ApplyDefaultsStrategy;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * JSON Schema validation (draft 2020-12) with networknt's json-schema-validator, and the mapping of
 * its messages to {@link Problems}: the message's instance location (a JSON pointer) gives the
 * line; an unknown field is placed at its key and a missing required field at the object that lacks
 * it.
 *
 * <p>Schemas are never fetched over the network: only the meta-schemas bundled in the library's jar
 * (class path) can be referenced, so a {@code $ref} to a URL is a problem, not a download.
 */
final class SchemaChecks {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The meta-schema of draft 2020-12, which input schemas are checked against. */
  static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          b ->
              b.schemaLoaders(
                  loaders ->
                      loaders.values(
                          list ->
                              list.add(
                                  0,
                                  new AllowSchemaLoader(
                                      iri -> iri.toString().startsWith("classpath:"))))));

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .errorMessageKeyword("errorMessage")
          .build();

  /** Input validation also fills in missing (or null) members that have a {@code default}. */
  private static final SchemaValidatorsConfig WITH_DEFAULTS =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .applyDefaultsStrategy(new ApplyDefaultsStrategy(true, true, true))
          .build();

  /** The schema for definitions, {@code /pipeline-definition.schema.json}. */
  static final JsonNode DEFINITION_SCHEMA_NODE = readResource("/pipeline-definition.schema.json");

  private static final JsonSchema DEFINITION_SCHEMA =
      FACTORY.getSchema(DEFINITION_SCHEMA_NODE, CONFIG);
  private static final JsonSchema META = FACTORY.getSchema(SchemaLocation.of(META_SCHEMA), CONFIG);

  private SchemaChecks() {}

  /** Checks a definition document against the definition schema. */
  static void definition(JsonNode document, Problems problems) {
    report(DEFINITION_SCHEMA.validate(document), "", DEFINITION_SCHEMA_NODE, problems);
  }

  /**
   * Checks that an {@code input_schema} is a JSON Schema: against the draft 2020-12 meta-schema,
   * then by compiling it (which catches, for example, a {@code pattern} that is not a regular
   * expression).
   *
   * @param schema the input schema
   * @param pointer where it is in the definition ({@code /input_schema})
   */
  static void inputSchema(JsonNode schema, String pointer, Problems problems) {
    List<ValidationMessage> meta = new ArrayList<>(META.validate(schema));
    if (!meta.isEmpty()) {
      for (ValidationMessage m : meta) {
        problems.atValue(
            pointer + pointerOf(m.getInstanceLocation()),
            "input_schema is not a JSON Schema: " + reason(m));
      }
      return;
    }
    try {
      compile(schema).initializeValidators();
    } catch (JsonSchemaException | IllegalArgumentException e) {
      problems.atValue(pointer, "input_schema is not a usable JSON Schema: " + rootCause(e));
    }
  }

  /**
   * Compiles a run's input schema so that validation applies {@code default}s.
   *
   * @throws JsonSchemaException when it cannot be compiled
   */
  static JsonSchema compile(JsonNode schema) {
    return FACTORY.getSchema(schema, WITH_DEFAULTS);
  }

  /**
   * Adds one problem per message.
   *
   * @param messages networknt's messages
   * @param prefix the pointer of the validated value within the document
   * @param schema the schema's JSON, to suggest field names for an unknown field
   */
  static void report(
      Collection<ValidationMessage> messages, String prefix, JsonNode schema, Problems problems) {
    for (ValidationMessage m : messages) {
      String at = prefix + pointerOf(m.getInstanceLocation());
      String property = m.getProperty();
      switch (m.getType()) {
        case "additionalProperties" -> {
          String pointer = at + "/" + SourceDocument.escape(property);
          List<String> allowed = allowedFields(schema, m.getSchemaLocation());
          problems.atKey(
              pointer,
              "unknown field '"
                  + property
                  + "'"
                  + Suggestions.didYouMean(property, allowed)
                  + (allowed.isEmpty()
                      ? ""
                      : " (allowed here: " + String.join(", ", allowed) + ")"));
        }
        case "required" -> {
          String pointer = at + "/" + SourceDocument.escape(property);
          SourceDocument.Position where = problems.position(at);
          problems.add(
              where.line(),
              where.column(),
              problems.pathOf(pointer),
              "required field '" + property + "' is missing");
        }
        default -> problems.atValue(at, reason(m));
      }
    }
  }

  /**
   * A message without its instance-location prefix. ({@code getError()} cuts at the first colon,
   * which truncates custom {@code errorMessage}s that contain one.)
   */
  private static String reason(ValidationMessage m) {
    String message = m.getMessage();
    String prefix = m.getInstanceLocation() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /** The property names the schema object holding an {@code additionalProperties} allows. */
  private static List<String> allowedFields(JsonNode schema, SchemaLocation location) {
    JsonNodePath fragment = location.getFragment();
    if (fragment == null || fragment.getNameCount() == 0) {
      return List.of();
    }
    String parent = pointerOf(fragment.getParent());
    List<String> names = new ArrayList<>();
    schema.at(parent).path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A JSON pointer from networknt's path elements (property names and array indexes). */
  static String pointerOf(JsonNodePath path) {
    if (path == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      sb.append('/').append(e instanceof String s ? SourceDocument.escape(s) : e);
    }
    return sb.toString();
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static JsonNode readResource(String name) {
    try (InputStream in = SchemaChecks.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(name + " cannot be read", e);
    }
  }
}
