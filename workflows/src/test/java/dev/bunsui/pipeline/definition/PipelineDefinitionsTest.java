package dev.bunsui.pipeline.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bunsui.pipeline.PipelineDefinition;
import dev.bunsui.pipeline.StepDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineDefinitionsTest {
  private static final String FILE = "p.yaml";

  /** A valid definition: a parallel branch (score and preview both after gen) and a fallback. */
  private static final String VALID =
      """
      id: demo
      name: Demo
      input_schema:
        type: object
        required: [campaign]
        properties:
          campaign: {type: object}
      steps:
        - id: gen
          tool: ai_creative_studio
          input_mapping:
            brief: $.input.campaign
            variants: 2
        - id: score
          tool: realtime_ad_optimizer
          input_mapping:
            creatives: $.steps.gen.output.creatives
          on_error: fallback:score_offline
        - id: score_offline
          tool: realtime_ad_optimizer
          input_mapping:
            creatives: $.steps.gen.output.creatives
            judge: false
        - id: preview
          tool: auto_posting
          depends_on: [gen]
          for_each: $.steps.gen.output.creatives
          condition: $.index < 2 && $.item.channel != 'x'
          input_mapping:
            post: $.item
            channel: outbox
            options: {note: "$$5 off"}
          retry: {attempts: 2, backoff: 1s, backoff_coefficient: 2, max_backoff: 10s}
          timeout: 1m
          on_error: skip
          approval: required
          approval_timeout: 2h
          wait_until: 2030-01-01T09:00:00Z
      """;

  private static List<DefinitionProblem> problems(String text) {
    return PipelineDefinitions.check(text, FILE);
  }

  /** Asserts the only problem is at the line with the JSONPath, and its reason has the text. */
  private static DefinitionProblem only(String text, int line, String jsonPath, String reason) {
    List<DefinitionProblem> found = problems(text);
    assertThat(found).as(found.toString()).hasSize(1);
    DefinitionProblem p = found.get(0);
    assertThat(p.file()).isEqualTo(FILE);
    assertThat(p.line()).as(p.toString()).isEqualTo(line);
    assertThat(p.jsonPath()).as(p.toString()).isEqualTo(jsonPath);
    assertThat(p.reason()).contains(reason);
    return p;
  }

  @Test
  void validDefinitionWithParallelBranchAndFallbackParses() {
    assertThat(problems(VALID)).isEmpty();
    PipelineDefinition d = PipelineDefinitions.parse(VALID, FILE);
    assertThat(d.id()).isEqualTo("demo");
    assertThat(d.steps())
        .extracting(StepDefinition::id)
        .containsExactly("gen", "score", "score_offline", "preview");
    StepDefinition preview = d.steps().get(3);
    assertThat(preview.dependsOn()).containsExactly("gen");
    assertThat(preview.retry().attempts()).isEqualTo(2);
    assertThat(preview.retry().backoffCoefficient()).isEqualTo(2.0);
    assertThat(preview.inputMapping().path("options").path("note").asText()).isEqualTo("$$5 off");
    assertThat(d.steps().get(1).onError()).isEqualTo("fallback:score_offline");
    assertThat(d.inputSchema().path("required").get(0).asText()).isEqualTo("campaign");
  }

  @Test
  void bothTemplatesValidate() {
    assertThat(Templates.NAMES).containsExactly("campaign_automation", "book_promotion");
    for (String name : Templates.NAMES) {
      PipelineDefinition d = Templates.find(name).orElseThrow();
      assertThat(d.id()).isEqualTo(name);
      assertThat(d.steps()).isNotEmpty();
    }
    assertThat(Templates.find("campaign_automation").orElseThrow().steps())
        .extracting(StepDefinition::tool)
        .containsExactly("ai_creative_studio", "realtime_ad_optimizer", "auto_posting");
    assertThat(Templates.find("nope")).isEmpty();
  }

  @Test
  void jsonAndYamlFormsGiveTheSameDefinition() {
    String json =
        """
        {
          "id": "demo",
          "name": "Demo",
          "input_schema": {"type": "object", "required": ["campaign"],
                           "properties": {"campaign": {"type": "object"}}},
          "steps": [
            {"id": "gen", "tool": "ai_creative_studio",
             "input_mapping": {"brief": "$.input.campaign", "variants": 2}},
            {"id": "score", "tool": "realtime_ad_optimizer",
             "input_mapping": {"creatives": "$.steps.gen.output.creatives"},
             "on_error": "fallback:score_offline"},
            {"id": "score_offline", "tool": "realtime_ad_optimizer",
             "input_mapping": {"creatives": "$.steps.gen.output.creatives", "judge": false}},
            {"id": "preview", "tool": "auto_posting", "depends_on": ["gen"],
             "for_each": "$.steps.gen.output.creatives",
             "condition": "$.index < 2 && $.item.channel != 'x'",
             "input_mapping": {"post": "$.item", "channel": "outbox",
                               "options": {"note": "$$5 off"}},
             "retry": {"attempts": 2, "backoff": "1s", "backoff_coefficient": 2,
                       "max_backoff": "10s"},
             "timeout": "1m", "on_error": "skip", "approval": "required",
             "approval_timeout": "2h", "wait_until": "2030-01-01T09:00:00Z"}
          ]
        }
        """;
    assertThat(PipelineDefinitions.parse(json, "p.json"))
        .isEqualTo(PipelineDefinitions.parse(VALID, "p.yaml"));
  }

  @Test
  void loadReadsAFileAndNamesItInProblems(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, VALID);
    assertThat(PipelineDefinitions.load(good).steps()).hasSize(4);
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, VALID.replace("tool: auto_posting", "tool: auto_post"));
    assertThatThrownBy(() -> PipelineDefinitions.load(bad))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).toString())
                  .startsWith(bad + ":25:11: $.steps[3].tool: unknown tool 'auto_post'");
            });
    assertThatThrownBy(() -> PipelineDefinitions.load(dir.resolve("missing.yaml")))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("cannot read");
  }

  @Test
  void unknownToolIsReportedWithTheNearestName() {
    DefinitionProblem p =
        only(
            """
            id: demo
            steps:
              - id: gen
                tool: ai_creative_studo
                input_mapping: {brief: $.input.campaign}
            """,
            4,
            "$.steps[0].tool",
            "unknown tool 'ai_creative_studo' (did you mean 'ai_creative_studio'?)");
    assertThat(p.column()).isEqualTo(11);
  }

  @Test
  void dependencyCycleIsReportedWithItsSteps() {
    only(
        """
        id: demo
        steps:
          - id: a
            tool: book_posts
            depends_on: [c]
            input_mapping: {book: x}
          - id: b
            tool: book_posts
            input_mapping:
              book: $.steps.a.output.book
          - id: c
            tool: book_posts
            condition: $.steps.b.status == 'succeeded'
            input_mapping: {book: x}
        """,
        5,
        "$.steps[0].depends_on[0]",
        "dependency cycle a → c → b → a");
  }

  @Test
  void fallbackThatTheNamingStepWaitsForIsACycle() {
    only(
        """
        id: demo
        steps:
          - id: a
            tool: book_posts
            depends_on: [b]
            on_error: fallback:b
            input_mapping: {book: x}
          - id: b
            tool: book_posts
            input_mapping: {book: x}
        """,
        5,
        "$.steps[0].depends_on[0]",
        "dependency cycle a → b → a (→ means waits for: a depends_on b; b is the fallback of a)");
  }

  @Test
  void badJsonPathIsReportedAtItsValue() {
    only(
        """
        id: demo
        steps:
          - id: a
            tool: book_posts
            input_mapping:
              book: $.input[?(@.a ==
        """,
        6,
        "$.steps[0].input_mapping.book",
        "bad JSONPath $.input[?(@.a ==");
  }

  @Test
  void pathsMustStartAtAKnownRootAndName() {
    List<DefinitionProblem> found =
        problems(
            """
            id: demo
            steps:
              - id: a
                tool: book_posts
                input_mapping:
                  book: $.inptu.book
                  limit: $.item.limit
                  start_at: $.steps.nope.output.at
                  interval: $.steps.a.output
                  per_day: $.steps.b.result
              - id: b
                tool: book_posts
                for_each: $.item.list
                input_mapping: {book: $.item}
            """);
    assertThat(found)
        .extracting(DefinitionProblem::line, DefinitionProblem::jsonPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(6, "$.steps[0].input_mapping.book"),
            org.assertj.core.groups.Tuple.tuple(7, "$.steps[0].input_mapping.limit"),
            org.assertj.core.groups.Tuple.tuple(8, "$.steps[0].input_mapping.start_at"),
            org.assertj.core.groups.Tuple.tuple(9, "$.steps[0].input_mapping.interval"),
            org.assertj.core.groups.Tuple.tuple(10, "$.steps[0].input_mapping.per_day"),
            org.assertj.core.groups.Tuple.tuple(13, "$.steps[1].for_each"));
    assertThat(found.get(0).reason()).contains("unknown root 'inptu'", "did you mean 'input'?");
    assertThat(found.get(1).reason()).contains("$.item is defined only in a step with for_each");
    assertThat(found.get(2).reason()).contains("unknown step 'nope'");
    assertThat(found.get(3).reason()).contains("step 'a' reads its own result");
    assertThat(found.get(4).reason()).contains("has only status and output");
    assertThat(found.get(5).reason()).contains("for_each cannot read $.item");
  }

  @Test
  void badConditionPointsAtTheCharacter() {
    DefinitionProblem p =
        only(
            """
            id: demo
            steps:
              - id: a
                tool: book_posts
                condition: $.input.limit > 3 && exec('x')
                input_mapping: {book: x}
            """,
            5,
            "$.steps[0].condition",
            "bad condition at column 22 of the expression: unknown word 'exec'");
    // the value starts at column 16; column 22 of the expression is column 37 of the line
    assertThat(p.column()).isEqualTo(37);
  }

  @Test
  void badConditionInAQuotedOrBlockValueStillFindsTheColumn() {
    List<DefinitionProblem> found =
        problems(
            """
            id: demo
            steps:
              - id: a
                tool: book_posts
                condition: "$.input.a == 'x' && $.input.b >< 2"
                input_mapping: {book: x}
              - id: b
                tool: book_posts
                condition: >-
                  $.input.a == 1 &&
                  $.input.b ==
                input_mapping: {book: x}
            """);
    assertThat(found).hasSize(2);
    assertThat(found.get(0).line()).isEqualTo(5);
    assertThat(found.get(0).column()).isEqualTo(48);
    assertThat(found.get(0).reason()).contains("unexpected '<'");
    assertThat(found.get(1).line()).isEqualTo(11);
    assertThat(found.get(1).jsonPath()).isEqualTo("$.steps[1].condition");
    assertThat(found.get(1).reason()).contains("expected a value");
  }

  @Test
  void missingRequiredInputNamesTheInput() {
    only(
        """
        id: demo
        steps:
          - id: post
            tool: auto_posting
            input_mapping:
              post: $.input.post
        """,
        5,
        "$.steps[0].input_mapping.channel",
        "missing required input 'channel' of tool auto_posting");
    only(
        """
        id: demo
        steps:
          - id: post
            tool: book_posts
        """,
        4,
        "$.steps[0].input_mapping.book",
        "missing required input 'book' of tool book_posts");
  }

  @Test
  void unknownInputKeyIsAnErrorWithASuggestion() {
    only(
        """
        id: demo
        steps:
          - id: gen
            tool: ai_creative_studio
            input_mapping:
              brief: $.input.campaign
              varients: 3
        """,
        7,
        "$.steps[0].input_mapping.varients",
        "unknown input 'varients' for tool ai_creative_studio (did you mean 'variants'?)");
  }

  @Test
  void unknownFieldIsRejectedAtEveryLevel() {
    DefinitionProblem p =
        only(
            """
            id: demo
            steps:
              - id: a
                tool: book_posts
                input_mapping: {book: x}
                retry:
                  attempts: 2
                  backof: 1s
            """,
            8,
            "$.steps[0].retry.backof",
            "unknown field 'backof' (did you mean 'backoff'?)");
    assertThat(p.column()).isEqualTo(7);
    only(
        """
        id: demo
        colour: blue
        steps:
          - id: a
            tool: book_posts
            input_mapping: {book: x}
        """,
        2,
        "$.colour",
        "unknown field 'colour'");
    only(
        """
        id: demo
        steps:
          - id: a
            tol: book_posts
            tool: book_posts
            input_mapping: {book: x}
        """,
        4,
        "$.steps[0].tol",
        "unknown field 'tol' (did you mean 'tool'?)");
  }

  @Test
  void schemaProblemsNameTheField() {
    List<DefinitionProblem> found =
        problems(
            """
            id: Demo
            steps:
              - id: a
                input_mapping: {book: x}
                on_error: retry
                approval: maybe
                retry: {attempts: 0}
            """);
    assertThat(found)
        .extracting(DefinitionProblem::line, DefinitionProblem::jsonPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "$.id"),
            org.assertj.core.groups.Tuple.tuple(3, "$.steps[0].tool"),
            org.assertj.core.groups.Tuple.tuple(5, "$.steps[0].on_error"),
            org.assertj.core.groups.Tuple.tuple(6, "$.steps[0].approval"),
            org.assertj.core.groups.Tuple.tuple(7, "$.steps[0].retry.attempts"));
    assertThat(found.get(0).reason()).contains("lower-case");
    assertThat(found.get(1).reason()).isEqualTo("required field 'tool' is missing");
    assertThat(found.get(2).reason()).isEqualTo("must be fail, skip or fallback:<step id>");
    assertThat(found.get(3).reason()).contains("required", "none");
    assertThat(found.get(4).reason()).contains("minimum value of 1");
  }

  @Test
  void stepReferencesDurationsAndTimesAreChecked() {
    List<DefinitionProblem> found =
        problems(
            """
            id: demo
            steps:
              - id: a
                tool: book_posts
                input_mapping: {book: x}
                depends_on: [c, a]
                on_error: fallback:a
                timeout: 5 minutes
                approval_timeout: 1h
                retry: {backoff: 10s, max_backoff: 1s}
                wait_until: next monday
              - id: a
                tool: book_posts
                input_mapping: {book: x}
                on_error: fallback:zz
                timeout: 0s
            """);
    assertThat(found)
        .extracting(DefinitionProblem::line, DefinitionProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                6, "depends_on names unknown step 'c'; the steps are a"),
            org.assertj.core.groups.Tuple.tuple(6, "step 'a' depends on itself"),
            org.assertj.core.groups.Tuple.tuple(7, "step 'a' cannot be its own fallback"),
            org.assertj.core.groups.Tuple.tuple(
                8,
                "'5 minutes' is not a duration (use 500ms, 30s, 5m, 2h, 1d or ISO-8601 such as"
                    + " PT1H)"),
            org.assertj.core.groups.Tuple.tuple(
                9, "approval_timeout has no effect without approval: required"),
            org.assertj.core.groups.Tuple.tuple(
                10, "max_backoff (1s) is shorter than backoff (10s)"),
            org.assertj.core.groups.Tuple.tuple(
                11,
                "'next monday' is neither an ISO-8601 instant (such as 2025-06-01T09:00:00Z) nor"
                    + " a JSONPath"),
            org.assertj.core.groups.Tuple.tuple(
                12, "duplicate step id 'a' (first used by the step at line 3)"),
            org.assertj.core.groups.Tuple.tuple(
                15, "fallback names unknown step 'zz'; the steps are a"),
            org.assertj.core.groups.Tuple.tuple(16, "'0s' is zero; give a positive duration"));
  }

  @Test
  void inputSchemaMustBeAJsonSchema() {
    List<DefinitionProblem> found =
        problems(
            """
            id: demo
            input_schema:
              type: object
              properties:
                n: {type: integr}
                s: {type: string, pattern: "([a"}
            steps:
              - id: a
                tool: book_posts
                input_mapping: {book: x}
            """);
    assertThat(found).isNotEmpty();
    assertThat(found.get(0).line()).isEqualTo(5);
    assertThat(found.get(0).jsonPath()).isEqualTo("$.input_schema.properties.n.type");
    assertThat(found.get(0).reason()).startsWith("input_schema is not a JSON Schema");
    List<DefinitionProblem> badPattern =
        problems(
            """
            id: demo
            input_schema:
              type: object
              properties:
                s: {type: string, pattern: "([a"}
            steps:
              - id: a
                tool: book_posts
                input_mapping: {book: x}
            """);
    assertThat(badPattern).hasSize(1);
    assertThat(badPattern.get(0).line()).isEqualTo(3);
    assertThat(badPattern.get(0).jsonPath()).isEqualTo("$.input_schema");
    assertThat(badPattern.get(0).reason()).contains("not a usable JSON Schema");
  }

  @Test
  void inputSchemaCannotFetchRemoteSchemas() {
    List<DefinitionProblem> found =
        problems(
            """
            id: demo
            input_schema:
              $ref: https://example.invalid/schema.json
            steps:
              - id: a
                tool: book_posts
                input_mapping: {book: x}
            """);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).jsonPath()).isEqualTo("$.input_schema");
  }

  @Test
  void syntaxErrorsRepeatedKeysAndEmptyFilesHaveAPosition() {
    DefinitionProblem syntax =
        only("id: demo\nsteps:\n  - id: a\n   tool: [x\n", 4, "$", "not valid YAML");
    assertThat(syntax.line()).isPositive();
    only(
        """
        id: demo
        steps:
          - id: a
            tool: book_posts
            tool: book_posts
            input_mapping: {book: x}
        """,
        5,
        "$.steps[0].tool",
        "repeated key");
    only("", 0, "$", "the definition is empty");
    only("[1, 2]", 1, "$", "a definition is an object");
    DefinitionProblem json = only("{\"id\": \"x\",,}", 1, "$", "not valid JSON");
    assertThat(json.column()).isEqualTo(12);
  }

  @Test
  void allProblemsAreReportedInDocumentOrder() {
    List<DefinitionProblem> found =
        problems(
            """
            id: demo
            steps:
              - id: b
                tool: nope
                condition: ))
              - id: a
                tool: book_posts
                extra: 1
            """);
    assertThat(found).extracting(DefinitionProblem::line).containsExactly(4, 5, 7, 8);
    assertThatThrownBy(() -> PipelineDefinitions.parse("id: demo\nsteps: []\n", FILE))
        .isInstanceOfSatisfying(
            DefinitionException.class,
            e ->
                assertThat(e.problems().get(0).toString())
                    .isEqualTo("p.yaml:2:8: $.steps: must have at least 1 items but found 0"));
  }
}
