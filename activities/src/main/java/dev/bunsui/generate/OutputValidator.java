package dev.bunsui.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bunsui.book.OutputKind;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Json;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every generated output before it is stored, whatever the provider:
 *
 * <ul>
 *   <li>article and video script: not blank;
 *   <li>video script JSON: valid against {@code schemas/video-script.schema.json} (JSON Schema
 *       draft 2020-12, networknt validator);
 *   <li>X posts: a non-empty JSON array of strings, each valid per twitter-text (at most 280
 *       weighted characters);
 *   <li>description: not blank, at most 160 code points, one line.
 * </ul>
 *
 * A violation throws an {@code LLM_BAD_OUTPUT} {@link ApplicationFailure} (not retryable) naming
 * it.
 */
public final class OutputValidator {
  /** Classpath location of the video script schema. */
  public static final String VIDEO_SCRIPT_SCHEMA = "/schemas/video-script.schema.json";

  private static final JsonSchema SCHEMA = loadSchema();

  private OutputValidator() {}

  /**
   * Validates an output.
   *
   * @param kind the output kind
   * @param text the output text
   * @param provider provider name, for the message
   * @throws ApplicationFailure typed {@code LLM_BAD_OUTPUT} on a violation
   */
  public static void validate(OutputKind kind, String text, String provider) {
    String problem =
        switch (kind) {
          case ARTICLE, VIDEO_SCRIPT -> text.isBlank() ? "the answer is empty" : null;
          case VIDEO_SCRIPT_JSON -> videoScriptProblem(text);
          case X_POSTS -> xPostsProblem(text);
          case DESCRIPTION -> descriptionProblem(text);
          default -> "kind " + kind + " is not generated text";
        };
    if (problem != null) {
      throw badOutput(provider, kind, problem);
    }
  }

  /** Violations of the video script schema, empty when the JSON is valid. */
  public static Set<String> videoScriptViolations(JsonNode node) {
    return SCHEMA.validate(node).stream()
        .map(ValidationMessage::getMessage)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** The failure for an output that breaks its rules. */
  public static ApplicationFailure badOutput(String provider, OutputKind kind, String problem) {
    return Failures.of(
        ErrorCode.LLM_BAD_OUTPUT,
        provider + " produced an invalid " + kind.name().toLowerCase() + ": " + problem,
        null);
  }

  private static String videoScriptProblem(String text) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      return "not JSON: " + e.getMessage();
    }
    Set<String> v = videoScriptViolations(node);
    return v.isEmpty() ? null : "violates video-script.schema.json: " + String.join("; ", v);
  }

  private static String xPostsProblem(String text) {
    List<String> posts;
    try {
      posts = Json.MAPPER.readValue(text, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      return "not a JSON array of strings: " + e.getMessage();
    }
    if (posts == null || posts.isEmpty()) {
      return "no posts";
    }
    for (int i = 0; i < posts.size(); i++) {
      String p = posts.get(i);
      if (p == null || !TextLimits.validPost(p)) {
        return "post "
            + (i + 1)
            + " is not a valid X post (weighted length "
            + (p == null ? 0 : TextLimits.weightedLength(p))
            + ", limit "
            + TextLimits.X_POST_MAX_WEIGHTED
            + ")";
      }
    }
    return null;
  }

  private static String descriptionProblem(String text) {
    if (text.isBlank()) {
      return "the description is empty";
    }
    int n = TextLimits.codePoints(text);
    if (n > TextLimits.DESCRIPTION_MAX) {
      return "the description has " + n + " characters, limit " + TextLimits.DESCRIPTION_MAX;
    }
    return text.contains("\n") ? "the description spans several lines" : null;
  }

  private static JsonSchema loadSchema() {
    try (InputStream in = OutputValidator.class.getResourceAsStream(VIDEO_SCRIPT_SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException(VIDEO_SCRIPT_SCHEMA + " is missing from the classpath");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
