package dev.bunsui.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.book.OutputKind;
import dev.bunsui.book.Provenance;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.llm.ChatAnswer;
import dev.bunsui.llm.ChatProvider;
import dev.bunsui.llm.JsonSchemaSpec;
import dev.bunsui.llm.Words;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Json;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates with a chat model from the prompt files ({@link Prompts}). JSON outputs (analysis,
 * video scenes, X posts) are requested with a JSON schema where the provider enforces one, and
 * parsed leniently otherwise (code fences and text around the JSON are dropped). Answers that
 * cannot be used throw {@code LLM_BAD_OUTPUT}. Repairs instead of failures: an article missing some
 * of the section's figure links gets them appended; a description longer than 160 code points is
 * trimmed at a word boundary with an ellipsis.
 */
public final class LlmGenerator implements Generator {
  private static final JsonSchemaSpec ANALYSIS_SCHEMA =
      new JsonSchemaSpec(
          "section_analysis",
          JsonObjectSchema.builder()
              .addProperty("key_points", stringArray())
              .addEnumProperty("level", SectionAnalysis.LEVELS)
              .addProperty("terms", stringArray())
              .required("key_points", "level", "terms")
              .additionalProperties(false)
              .build());
  private static final JsonSchemaSpec POSTS_SCHEMA =
      new JsonSchemaSpec(
          "x_posts",
          JsonObjectSchema.builder()
              .addProperty("posts", stringArray())
              .required("posts")
              .additionalProperties(false)
              .build());
  private static final JsonSchemaSpec SCRIPT_SCHEMA =
      new JsonSchemaSpec(
          "video_script",
          JsonObjectSchema.builder()
              .addStringProperty("title")
              .addStringProperty("lang")
              .addProperty(
                  "scenes",
                  JsonArraySchema.builder()
                      .items(
                          JsonObjectSchema.builder()
                              .addStringProperty("narration")
                              .addStringProperty("on_screen_text", "at most 120 characters")
                              .addStringProperty(
                                  "visual", "figure or code block reference, or a slide")
                              .addProperty(
                                  "duration_seconds",
                                  JsonIntegerSchema.builder().description("1 to 600").build())
                              .required("narration", "on_screen_text", "visual", "duration_seconds")
                              .additionalProperties(false)
                              .build())
                      .build())
              .required("title", "lang", "scenes")
              .additionalProperties(false)
              .build());

  private final ChatProvider provider;
  private final Prompts prompts;

  /**
   * Creates the generator.
   *
   * @param provider the chat model
   * @param prompts the prompt loader
   */
  public LlmGenerator(ChatProvider provider, Prompts prompts) {
    this.provider = provider;
    this.prompts = prompts;
  }

  @Override
  public String provider() {
    return provider.name();
  }

  @Override
  public String model() {
    return provider.model();
  }

  /**
   * {@link PromptPair#hash()} of the step's templates (bundled or overridden).
   *
   * @throws PromptException when a template is missing
   */
  @Override
  public String promptHash(String step) {
    return prompts.load(step).hash();
  }

  @Override
  public SectionAnalysis analyze(SectionText section) {
    Result r = call("analysis", section, null, ANALYSIS_SCHEMA);
    JsonNode node = parseJson(r.answer.text(), "analysis", OutputKind.ARTICLE);
    List<String> keyPoints = strings(node.path("key_points"));
    String level = node.path("level").asText("").toLowerCase(Locale.ROOT).strip();
    if (keyPoints.isEmpty() || !SectionAnalysis.LEVELS.contains(level)) {
      throw Failures.of(
          ErrorCode.LLM_BAD_OUTPUT,
          provider.name()
              + " produced an invalid analysis: need non-empty key_points and level one of "
              + SectionAnalysis.LEVELS
              + ", got level '"
              + level
              + "'",
          null);
    }
    return new SectionAnalysis(
        keyPoints,
        level,
        strings(node.path("terms")).stream().limit(10).toList(),
        Words.count(section.prose()),
        section.codeBlocks().size(),
        r.provenance());
  }

  @Override
  public Draft generate(OutputKind kind, SectionText section, SectionAnalysis analysis) {
    return switch (kind) {
      case ARTICLE -> {
        Result r = call("article", section, analysis, null);
        yield new Draft(withFigures(stripFence(r.answer.text()), section), r.provenance());
      }
      case VIDEO_SCRIPT -> {
        Result r = call("video_script", section, analysis, null);
        yield new Draft(stripFence(r.answer.text()).strip() + "\n", r.provenance());
      }
      case VIDEO_SCRIPT_JSON -> {
        Result r = call("video_script_json", section, analysis, SCRIPT_SCHEMA);
        JsonNode node = parseJson(r.answer.text(), "video script JSON", kind);
        yield new Draft(pretty(node), r.provenance());
      }
      case X_POSTS -> {
        Result r = call("x_posts", section, analysis, POSTS_SCHEMA);
        JsonNode node = parseJson(r.answer.text(), "X posts", kind);
        JsonNode posts = node.isArray() ? node : node.path("posts");
        if (!posts.isArray()) {
          throw OutputValidator.badOutput(provider.name(), kind, "no \"posts\" array");
        }
        yield new Draft(pretty(posts), r.provenance());
      }
      case DESCRIPTION -> {
        Result r = call("description", section, analysis, null);
        String d = stripFence(r.answer.text()).replaceAll("\\s+", " ").strip();
        if (d.length() > 1 && d.startsWith("\"") && d.endsWith("\"")) {
          d = d.substring(1, d.length() - 1).strip();
        }
        yield new Draft(TextLimits.shorten(d, TextLimits.DESCRIPTION_MAX), r.provenance());
      }
      default -> throw new IllegalArgumentException(kind + " is not generated text");
    };
  }

  private record Result(ChatAnswer answer, Provenance provenance) {}

  private Result call(
      String kind, SectionText section, SectionAnalysis analysis, JsonSchemaSpec schema) {
    PromptPair pair = prompts.load(kind);
    Map<String, String> vars = variables(section, analysis);
    String system = TemplateRenderer.render(pair.system(), vars, kind + "/system.md");
    String user = TemplateRenderer.render(pair.message(), vars, kind + "/message.md");
    ChatAnswer answer = provider.chat(system, user, schema);
    return new Result(
        answer,
        new Provenance(
            provider.name(),
            provider.model(),
            pair.hash(),
            null,
            answer.inputTokens(),
            answer.outputTokens(),
            false));
  }

  /** The placeholder values every prompt may use. */
  static Map<String, String> variables(SectionText s, SectionAnalysis analysis) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("title", s.title());
    v.put("chapter", s.content().chapterTitle() == null ? "" : s.content().chapterTitle());
    v.put("lang", s.lang());
    v.put("markdown", s.markdown());
    List<String> figures = s.figureLinks();
    v.put("figures", figures.isEmpty() ? "(none)" : String.join("\n", figures));
    v.put("key_points", analysis == null ? "" : bullets(analysis.keyPoints()));
    v.put("terms", analysis == null ? "" : String.join(", ", analysis.terms()));
    v.put("level", analysis == null ? "" : analysis.level());
    v.put("max_post_chars", Integer.toString(TextLimits.X_POST_MAX_WEIGHTED));
    v.put("max_description_chars", Integer.toString(TextLimits.DESCRIPTION_MAX));
    return v;
  }

  private static String bullets(List<String> items) {
    StringBuilder b = new StringBuilder();
    items.forEach(i -> b.append("- ").append(i).append('\n'));
    return b.toString().stripTrailing();
  }

  private JsonNode parseJson(String text, String what, OutputKind kind) {
    String t = stripFence(text).strip();
    int obj = t.indexOf('{');
    int arr = t.indexOf('[');
    int start = obj < 0 ? arr : arr < 0 ? obj : Math.min(obj, arr);
    int end = Math.max(t.lastIndexOf('}'), t.lastIndexOf(']'));
    if (start < 0 || end < start) {
      throw OutputValidator.badOutput(provider.name(), kind, what + " is not JSON");
    }
    try {
      return Json.MAPPER.readTree(t.substring(start, end + 1));
    } catch (IOException e) {
      throw OutputValidator.badOutput(
          provider.name(), kind, what + " is not valid JSON: " + e.getMessage());
    }
  }

  /** Removes one Markdown code fence wrapping the whole answer. */
  static String stripFence(String text) {
    String t = text.strip();
    if (t.startsWith("```") || t.startsWith("~~~")) {
      int firstNl = t.indexOf('\n');
      int close = t.lastIndexOf(t.substring(0, 3));
      if (firstNl > 0 && close > firstNl) {
        return t.substring(firstNl + 1, close).strip();
      }
    }
    return t;
  }

  private static String withFigures(String article, SectionText s) {
    List<String> missing = new ArrayList<>();
    for (String f : s.figureLinks()) {
      if (!article.contains(f)) {
        missing.add(f);
      }
    }
    if (missing.isEmpty()) {
      return article.strip() + "\n";
    }
    return article.strip()
        + "\n\n"
        + (s.japanese() ? "## 図" : "## Figures")
        + "\n\n"
        + String.join("\n\n", missing)
        + "\n";
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(
          n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
              out.add(n.asText().strip());
            }
          });
    }
    return out;
  }

  private static String pretty(JsonNode node) {
    return new String(Json.write(node), StandardCharsets.UTF_8);
  }

  private static JsonArraySchema stringArray() {
    return JsonArraySchema.builder().items(JsonStringSchema.builder().build()).build();
  }
}
