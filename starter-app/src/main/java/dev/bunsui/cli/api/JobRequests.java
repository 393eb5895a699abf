package dev.bunsui.cli.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.bunsui.book.BookRequest;
import dev.bunsui.cli.BookRuns;
import dev.bunsui.cli.pipeline.PipelineRuns;
import dev.bunsui.pipeline.PipelineRequest;
import dev.bunsui.pipeline.definition.DefinitionException;
import dev.bunsui.pipeline.definition.DefinitionProblem;
import dev.bunsui.pipeline.definition.PipelineInputs;
import dev.bunsui.pipeline.definition.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Checks a {@code POST /v1/jobs} body and turns it into a workflow input; each refusal is an {@link
 * ApiException} (400) naming the field.
 */
final class JobRequests {
  /** {@code mode} values. */
  static final List<String> MODES = List.of("async", "sync");

  /** Book inputs are camelCase Java names in the workflow, snake_case over HTTP. */
  private final ObjectMapper bookJson;

  JobRequests(ObjectMapper json) {
    this.bookJson =
        json.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * A checked request.
   *
   * @param pipelineType {@code book} or a template name
   * @param workflowId the job id
   * @param pipeline the pipeline input; null for book
   * @param book the book input; null for a pipeline
   */
  record Valid(
      String pipelineType, String workflowId, PipelineRequest pipeline, BookRequest book) {}

  /**
   * Checks a request.
   *
   * @throws ApiException 400 naming {@code pipeline_type}, {@code mode}, {@code timeout_seconds},
   *     {@code input} or {@code input.<field>} (with every input problem listed)
   */
  Valid validate(JobRequest body) {
    if (body == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, null, "the request body is missing");
    }
    String type = body.pipelineType();
    if (type == null || type.isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "pipeline_type", "pipeline_type is required");
    }
    if (!"book".equals(type) && !Templates.NAMES.contains(type)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "pipeline_type",
          "unknown pipeline_type '"
              + type
              + "'; use book or one of "
              + String.join(", ", Templates.NAMES));
    }
    if (body.mode() != null && !MODES.contains(body.mode())) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "mode", "mode must be async or sync, not '" + body.mode() + "'");
    }
    if (body.timeoutSeconds() != null
        && (body.timeoutSeconds() < 1 || body.timeoutSeconds() > 3600)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "timeout_seconds", "timeout_seconds must be within 1..3600");
    }
    JsonNode input = body.input();
    if (input == null || input.isNull() || input.isMissingNode()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "input", "input is required (an object)");
    }
    if (!input.isObject()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "input", "input must be an object");
    }
    if ("book".equals(type)) {
      BookRequest book = book(input);
      String id = body.workflowId() != null ? body.workflowId() : BookRuns.workflowId(book);
      return new Valid(type, id, null, book);
    }
    var definition = Templates.find(type).orElseThrow();
    JsonNode valid;
    try {
      valid = PipelineInputs.validate(definition, input, "request body");
    } catch (DefinitionException e) {
      List<Map<String, Object>> problems = new ArrayList<>();
      for (DefinitionProblem p : e.problems()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", field(p.jsonPath()));
        m.put("json_path", p.jsonPath());
        m.put("reason", p.reason());
        problems.add(m);
      }
      String first = field(e.problems().get(0).jsonPath());
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          first,
          "input is not valid for " + type + ": " + PipelineRuns.problems(e),
          problems);
    }
    PipelineRequest request = new PipelineRequest(definition, valid, type);
    String id = body.workflowId() != null ? body.workflowId() : PipelineRuns.workflowId(request);
    return new Valid(type, id, request, null);
  }

  /** {@code $.campaign.theme} → {@code input.campaign.theme}; {@code $} → {@code input}. */
  static String field(String jsonPath) {
    if (jsonPath == null || jsonPath.equals("$") || jsonPath.isBlank()) {
      return "input";
    }
    return "input" + (jsonPath.startsWith("$") ? jsonPath.substring(1) : "." + jsonPath);
  }

  private BookRequest book(JsonNode input) {
    if (!input.path("source").isTextual() || input.path("source").asText().isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "input.source",
          "input.source is required for book: a Markdown file or folder on the server");
    }
    BookRequest r;
    try {
      r = bookJson.treeToValue(input, BookRequest.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "input." + e.getPropertyName(),
          "unknown field input."
              + e.getPropertyName()
              + " for book; known: source, lang, title, kinds, provider, model, refresh");
    } catch (InvalidFormatException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "input" + ApiProblems.path(e), e.getOriginalMessage());
    } catch (JsonMappingException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "input" + ApiProblems.path(e), e.getOriginalMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "input", e.getOriginalMessage());
    }
    String source = Path.of(r.source()).toAbsolutePath().normalize().toString();
    return new BookRequest(
        source,
        r.lang(),
        r.title(),
        r.kinds() == null ? List.of() : r.kinds(),
        r.provider(),
        r.model(),
        r.refresh());
  }
}
