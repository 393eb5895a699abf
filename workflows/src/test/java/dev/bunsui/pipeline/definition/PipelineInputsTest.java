package dev.bunsui.pipeline.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bunsui.pipeline.PipelineDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineInputsTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final PipelineDefinition CAMPAIGN =
      Templates.find("campaign_automation").orElseThrow();

  @Test
  void appliesDefaultsWithoutChangingTheGivenInput() throws Exception {
    JsonNode input = M.readTree("{\"campaign\": {\"theme\": \"spring sale\"}}");
    JsonNode out = PipelineInputs.validate(CAMPAIGN, input, "request body");
    assertThat(out.path("variants").asInt()).isEqualTo(3);
    assertThat(out.path("channels").get(0).asText()).isEqualTo("outbox");
    assertThat(out.path("campaign").path("theme").asText()).isEqualTo("spring sale");
    assertThat(input.has("variants")).isFalse();
    JsonNode given = M.readTree("{\"campaign\": {\"theme\": \"t\"}, \"variants\": 5}");
    assertThat(PipelineInputs.validate(CAMPAIGN, given, "b").path("variants").asInt()).isEqualTo(5);
  }

  @Test
  void missingRequiredFieldIsReportedWithItsPath() throws Exception {
    JsonNode input = M.readTree("{\"campaign\": {\"product\": \"x\"}, \"variants\": 20}");
    assertThatThrownBy(() -> PipelineInputs.validate(CAMPAIGN, input, "request body"))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(DefinitionProblem::jsonPath)
                  .containsExactlyInAnyOrder("$.campaign.theme", "$.variants");
              DefinitionProblem theme =
                  e.problems().stream()
                      .filter(p -> p.jsonPath().equals("$.campaign.theme"))
                      .findFirst()
                      .orElseThrow();
              assertThat(theme.reason()).isEqualTo("required field 'theme' is missing");
              assertThat(theme.file()).isEqualTo("request body");
              assertThat(theme.line()).isZero();
            });
  }

  @Test
  void inputFileProblemsCarryTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("input.yaml");
    Files.writeString(
        file,
        """
        campaign:
          product: bunsui
        channels: [outbox, fax]
        """);
    assertThatThrownBy(() -> PipelineInputs.validate(CAMPAIGN, file))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e -> {
              assertThat(e.problems()).hasSize(2);
              assertThat(e.problems().get(0).toString())
                  .isEqualTo(file + ":2:3: $.campaign.theme: required field 'theme' is missing");
              assertThat(e.problems().get(1).line()).isEqualTo(3);
              assertThat(e.problems().get(1).jsonPath()).isEqualTo("$.channels[1]");
              assertThat(e.problems().get(1).reason()).contains("enumeration");
            });
    Path json = dir.resolve("input.json");
    Files.writeString(json, "{\"campaign\": {\"theme\": \"t\"}, \"threshold\": 0.5}");
    JsonNode out = PipelineInputs.validate(CAMPAIGN, json);
    assertThat(out.path("threshold").asDouble()).isEqualTo(0.5);
    assertThat(out.path("variants").asInt()).isEqualTo(3);
  }

  @Test
  void bookPromotionDefaultsAndNoSchemaMeansAnyInput() throws Exception {
    PipelineDefinition book = Templates.find("book_promotion").orElseThrow();
    JsonNode out = PipelineInputs.validate(book, "book: book-123\nper_day: null\n", "in.yaml");
    assertThat(out.path("channel").asText()).isEqualTo("outbox");
    assertThat(out.path("interval").asText()).isEqualTo("1d");
    assertThat(out.path("per_day").asInt()).isEqualTo(1);
    PipelineDefinition open =
        PipelineDefinitions.parse(
            "id: open\nsteps:\n  - id: a\n    tool: book_posts\n    input_mapping: {book: x}\n",
            "open.yaml");
    JsonNode any = M.readTree("{\"whatever\": [1]}");
    assertThat(PipelineInputs.validate(open, any, "b")).isEqualTo(any);
  }
}
