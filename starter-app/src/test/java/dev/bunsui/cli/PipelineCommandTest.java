package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.cli.RealServerSupport.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bunsui pipeline list} and {@code bunsui pipeline validate}, in process, no server. */
class PipelineCommandTest {
  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void isolatedGuardConfig() throws Exception {
    config = Files.writeString(dir.resolve("config.yaml"), "audit_log: audit.jsonl\n");
  }

  private Run bunsui(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", config.toString()));
    return cli(all.toArray(String[]::new));
  }

  @Test
  void listShowsTheBookPipelineAndEveryTemplateInOneRowFormat() {
    Run run = bunsui("pipeline", "list", "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode rows = run.json();
    assertThat(rows).hasSize(3);
    assertThat(rows.findValuesAsText("name"))
        .containsExactly("book", "campaign_automation", "book_promotion");
    List<String> fields = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(fields::add);
    for (JsonNode row : rows) {
      List<String> f = new ArrayList<>();
      row.fieldNames().forEachRemaining(f::add);
      assertThat(f).isEqualTo(fields);
    }
    assertThat(fields).contains("name", "id", "description", "steps", "tools");
    JsonNode campaign = rows.get(1);
    assertThat(campaign.path("id").asText()).isEqualTo("campaign_automation");
    assertThat(campaign.path("workflowType").asText()).isEqualTo("PipelineWorkflow");
    assertThat(campaign.path("steps").asInt()).isEqualTo(3);
    assertThat(campaign.path("tools").toString())
        .isEqualTo("[\"ai_creative_studio\",\"realtime_ad_optimizer\",\"auto_posting\"]");
    assertThat(campaign.path("description").asText()).contains("above 0.7");
    JsonNode promotion = rows.get(2);
    assertThat(promotion.path("steps").asInt()).isEqualTo(2);
    assertThat(promotion.path("tools").toString()).isEqualTo("[\"book_posts\",\"auto_posting\"]");
    assertThat(rows.get(0).path("workflowType").asText()).isEqualTo("BookWorkflow");
    assertThat(rows.get(0).path("steps").isNull()).isTrue();
  }

  @Test
  void listAsATable() {
    Run run = bunsui("pipeline", "list", "--format", "table");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("\\[1\\]\\.name\\s+campaign_automation")
        .containsPattern("\\[2\\]\\.steps\\s+2")
        .containsPattern("\\[2\\]\\.tools\\[0\\]\\s+book_posts");
  }

  @Test
  void validatePrintsTheIdAndStepCountOfAValidFile() {
    Path template =
        RealServerSupport.ROOT.resolve(
            "workflows/src/main/resources/pipelines/campaign_automation.yaml");
    Run run = bunsui("pipeline", "validate", template.toString(), "--format", "table");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo("valid: campaign_automation (3 steps)" + System.lineSeparator());
    Run json = bunsui("pipeline", "validate", template.toString(), "--format", "json");
    assertThat(json.code()).isZero();
    assertThat(json.json().path("valid").asBoolean()).isTrue();
    assertThat(json.json().path("steps").asInt()).isEqualTo(3);
    assertThat(json.json().path("problems")).isEmpty();
  }

  @Test
  void validatePrintsEveryProblemWithFileLineColumnAndPathAndExitsTwo() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
            id: demo
            steps:
              - id: gen
                tool: ai_creative_studo
                input_mapping: {brief: $.input.campaign}
              - id: post
                tool: auto_posting
                condition: $.steps.gen.output.score >
                input_mapping: {post: $.item, channel: x}
            """);
    Run run = bunsui("pipeline", "validate", file.toString(), "--format", "table");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out().lines().toList())
        .containsExactly(
            file
                + ":4:11: $.steps[0].tool: unknown tool 'ai_creative_studo' (did you mean"
                + " 'ai_creative_studio'?); the tools are ai_creative_studio,"
                + " realtime_ad_optimizer, auto_posting, book_posts",
            file
                + ":8:42: $.steps[1].condition: bad condition at column 27 of the expression:"
                + " expected a value, a JSONPath or '(' at the end",
            file
                + ":9:27: $.steps[1].input_mapping.post: $.item is defined only in a step with"
                + " for_each (in $.item)");
    assertThat(run.err()).contains("error: " + file + " is not valid: 3 problems");

    Run json = bunsui("pipeline", "validate", file.toString(), "--format", "json");
    assertThat(json.code()).isEqualTo(ExitCodes.USAGE);
    JsonNode report = json.json();
    assertThat(report.path("valid").asBoolean()).isFalse();
    JsonNode first = report.path("problems").get(0);
    assertThat(first.path("file").asText()).isEqualTo(file.toString());
    assertThat(first.path("line").asInt()).isEqualTo(4);
    assertThat(first.path("column").asInt()).isEqualTo(11);
    assertThat(first.path("jsonPath").asText()).isEqualTo("$.steps[0].tool");
    assertThat(first.path("reason").asText()).startsWith("unknown tool");
  }

  @Test
  void validateOfAMissingFileIsAProblemToo() {
    Path missing = dir.resolve("nope.yaml");
    Run run = bunsui("pipeline", "validate", missing.toString(), "--format", "table");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).startsWith(missing + ":0:0: $: cannot read");
  }

  @Test
  void validateIsAReadTheGuardRailsCanDeny() throws Exception {
    Files.writeString(
        dir.resolve("perms.yaml"), "default:\n  denied_actions: [pipeline:validate]\n");
    Files.writeString(config, "audit_log: audit.jsonl\npermissions_file: perms.yaml\n");
    Path template =
        RealServerSupport.ROOT.resolve(
            "workflows/src/main/resources/pipelines/book_promotion.yaml");
    Run run = bunsui("pipeline", "validate", template.toString(), "--read-only");
    assertThat(run.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("pipeline:validate is refused");
    assertThat(run.out()).isEmpty();
    Files.writeString(dir.resolve("perms.yaml"), "default:\n  denied_actions: [session:rerun]\n");
    Run allowed = bunsui("pipeline", "validate", template.toString(), "--read-only");
    assertThat(allowed.code()).as(allowed.err()).isZero();
  }
}
