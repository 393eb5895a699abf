package dev.bunsui.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bunsui.book.BookSearchAttributes;
import dev.bunsui.pipeline.PipelineRequest;
import dev.bunsui.pipeline.definition.DefinitionException;
import dev.bunsui.pipeline.definition.DefinitionProblem;
import dev.bunsui.pipeline.definition.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflow ids, start options, definition sources and problem lines of pipeline runs. */
class PipelineRunsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static PipelineRequest campaign(String input) throws Exception {
    return new PipelineRequest(
        Templates.find("campaign_automation").orElseThrow(),
        JSON.readTree(input),
        "campaign_automation");
  }

  @Test
  void theWorkflowIdDependsOnInputAndDefinitionNotOnKeyOrder() throws Exception {
    String a = PipelineRuns.workflowId(campaign("{\"variants\":3,\"campaign\":{\"theme\":\"x\"}}"));
    String b = PipelineRuns.workflowId(campaign("{\"campaign\":{\"theme\":\"x\"},\"variants\":3}"));
    String c = PipelineRuns.workflowId(campaign("{\"campaign\":{\"theme\":\"y\"},\"variants\":3}"));
    assertThat(a).matches("campaign_automation-[0-9a-f]{8}").isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void optionsCarryTheTaskQueueTheSearchAttributeAndASummary() throws Exception {
    var options = PipelineRuns.options("id-1", campaign("{}"));
    assertThat(options.getTaskQueue()).isEqualTo("bunsui-book");
    assertThat(options.getWorkflowId()).isEqualTo("id-1");
    assertThat(options.getTypedSearchAttributes().get(BookSearchAttributes.PIPELINE))
        .isEqualTo("campaign_automation");
    assertThat(options.getStaticSummary())
        .isEqualTo("pipeline campaign_automation: Campaign automation · campaign_automation");
  }

  @Test
  void sourcesAreTemplatesOrDefinitionFiles() throws Exception {
    assertThat(PipelineSource.resolve("book_promotion").definition().id())
        .isEqualTo("book_promotion");
    assertThatThrownBy(() -> PipelineSource.resolve("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("campaign_automation, book_promotion");
    assertThatThrownBy(() -> PipelineSource.resolve(dir.resolve("missing.yaml").toString()))
        .hasMessageContaining("no definition file");
    Path file = Files.writeString(dir.resolve("bad.yaml"), "id: x\nsteps: 3\n");
    assertThatThrownBy(() -> PipelineSource.resolve(file.toString()))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void problemLinesNameFileLineColumnPathAndReason() {
    DefinitionException e =
        new DefinitionException(
            List.of(
                new DefinitionProblem("in.yaml", 3, 5, "$.variants", "must be >= 1"),
                new DefinitionProblem("request body", 0, 0, "$.campaign.theme", "missing")));
    assertThat(PipelineRuns.problems(e))
        .isEqualTo(
            "in.yaml:3:5: $.variants: must be >= 1\nrequest body:0: $.campaign.theme: missing");
  }
}
