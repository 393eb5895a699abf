package dev.bunsui.pipeline.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConditionTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static JsonNode ctx() throws Exception {
    return M.readTree(
        """
        {"input": {"channel": "x", "min": 0.5},
         "steps": {"performance_prediction": {"status": "succeeded",
                   "output": {"score": 0.82, "scores": [{"score": 0.62}, {"score": 0.9}]}}},
         "item": {"score": 0.62, "approved": true}}
        """);
  }

  @Test
  void comparesNumbersTextAndCombines() throws Exception {
    JsonNode c = ctx();
    assertThat(Condition.parse("$.steps.performance_prediction.output.score > 0.7").test(c))
        .isTrue();
    assertThat(Condition.parse("$.item.score > 0.7").test(c)).isFalse();
    assertThat(Condition.parse("$.item.score >= $.input.min && $.input.channel == 'x'").test(c))
        .isTrue();
    assertThat(Condition.parse("!($.item.score > 0.7) || false").test(c)).isTrue();
    assertThat(Condition.parse("$.item.approved").test(c)).isTrue();
    assertThat(Condition.parse("$.input.channel != \"x\"").test(c)).isFalse();
    assertThat(
            Condition.parse("$.steps.performance_prediction.output.scores[1].score == 0.90")
                .test(c))
        .isTrue();
  }

  @Test
  void missingValuesMakeComparisonsFalse() throws Exception {
    assertThat(Condition.parse("$.item.nothing > 0.7").test(ctx())).isFalse();
    assertThat(Condition.parse("$.item.nothing == null").test(ctx())).isFalse();
    assertThat(Condition.parse("$.item.score > 'text'").test(ctx())).isFalse();
  }

  @Test
  void explainsWithOperandValues() throws Exception {
    assertThat(Condition.parse("$.item.score > 0.7").explain(ctx()))
        .isEqualTo("$.item.score > 0.7 with $.item.score = 0.62 is false");
    assertThat(Condition.parse("$.item.x > 1").paths()).containsExactly("$.item.x");
  }

  @Test
  void rejectsBadConditionsWithColumn() {
    assertThatThrownBy(() -> Condition.parse("$.item.score >"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("expected a value");
    assertThatThrownBy(() -> Condition.parse("exec('rm -rf /')"))
        .hasMessageContaining("column 1")
        .hasMessageContaining("unknown word 'exec'");
    assertThatThrownBy(() -> Condition.parse("($.a > 1")).hasMessageContaining("missing ')'");
    assertThatThrownBy(() -> Condition.parse("$.a[ > 1")).hasMessageContaining("column 1");
    assertThatThrownBy(() -> Condition.parse("$.a > 1 $.b"))
        .hasMessageContaining("column 9")
        .hasMessageContaining("unexpected");
    assertThatThrownBy(() -> Condition.parse(" ")).hasMessageContaining("empty");
  }

  @Test
  void mappingsResolvePathsLiteralsAndNesting() throws Exception {
    JsonNode mapping =
        M.readTree(
            """
            {"channel": "$.input.channel", "score": "$.item.score", "fixed": "outbox",
             "dollar": "$$5", "nested": {"s": "$.steps.performance_prediction.output.score"},
             "list": ["$.input.min", "$.nothing"], "gone": "$.input.nothing"}
            """);
    JsonNode out = Mappings.resolve(mapping, ctx());
    assertThat(out.toString())
        .isEqualTo(
            "{\"channel\":\"x\",\"score\":0.62,\"fixed\":\"outbox\",\"dollar\":\"$5\","
                + "\"nested\":{\"s\":0.82},\"list\":[0.5,null]}");
    assertThat(Mappings.paths(mapping))
        .extracting(java.util.Map.Entry::getKey)
        .contains("/channel", "/nested/s", "/list/1");
    assertThat(JsonPaths.head("$.steps.performance_prediction.output.score"))
        .containsExactly("steps", "performance_prediction");
    assertThat(JsonPaths.head("$.input.x")).containsExactly("input");
    assertThat(JsonPaths.head("$['steps']['a b'].output")).containsExactly("steps", "a b");
  }
}
